package io.scimgateway.spi;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.Collection;

/**
 * A group store capability: change a group's members by listing only the members that come and go, so
 * that adding 1,000 members to a group of 50,000 touches 1,000 rows, not 51,000. Found with
 * {@link ResourceStore#capability(Class)}; without it the gateway rewrites the whole member list.
 */
public interface GroupMembership {

  /**
   * Adds and removes direct members in one write; adding a member already in the group, or removing one
   * not in it, changes nothing. An id that names no resource is {@code 400 invalidValue}.
   *
   * @param expectedVersion the group's version the client read ({@code If-Match}), or null
   * @return the group as stored afterwards
   */
  StoredResource changeMembers(String groupId, Collection<String> add, Collection<String> remove,
      String expectedVersion) throws ScimException;

  /**
   * The same change, for an answer that uses only {@code answered}: a store may then leave out, and not
   * read, what the answer does not use (the members of a large group, for a client that excluded them
   * or a bulk answer, which carries only the version).
   */
  default StoredResource changeMembers(String groupId, Collection<String> add,
      Collection<String> remove, String expectedVersion, NeededAttributes answered)
      throws ScimException {
    return changeMembers(groupId, add, remove, expectedVersion);
  }
}
