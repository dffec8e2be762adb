package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.query.ListQuery;
import io.scimgateway.gateway.core.query.ResourceSearch;
import io.scimgateway.spi.StoredResource;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A group's {@code displayName} is unique without regard to case, as {@code userName} is: Entra and
 * Okta find groups by it, so two groups of one name make their pushes land on either. The gateway
 * looks the name up before a write that gives a group a new name, and holds a lock over the lookup
 * and the write, so that two requests cannot both take a name; on every backend the same way.
 * Thread-safe.
 */
public final class UniqueGroupNames {

  private static final String DISPLAY_NAME = "displayName";

  /** A write of the store, run once the name is known to be free. */
  public interface Write<T> {
    T run() throws ScimException;
  }

  private final boolean enforced;
  private final ResourceSearch search;
  private final ReentrantLock lock = new ReentrantLock();

  public UniqueGroupNames(ResourceTypeDefinition resourceType, ResourceSearch search) {
    this.enforced = resourceType.getName().equals("Group");
    this.search = search;
  }

  /** Runs {@code write}, which stores {@code after} in place of {@code current} (null for a create). */
  public <T> T write(ObjectNode after, StoredResource current, Write<T> write) throws ScimException {
    String name = displayName(after);
    boolean unchanged = current != null && name != null
        && name.equalsIgnoreCase(displayName(current.attributes()));
    if (!enforced || name == null || unchanged) {
      return write.run();
    }
    lock.lock();
    try {
      requireFree(name, current == null ? null : current.id());
      return write.run();
    } finally {
      lock.unlock();
    }
  }

  private void requireFree(String name, String id) throws ScimException {
    ListQuery query = new ListQuery(Filter.eq(DISPLAY_NAME, name), null, 1, 2, null);
    for (StoredResource found : search.search(query).resources()) {
      if (!found.id().equals(id)) {
        throw ResourceConflictException.uniqueness("A Group with the displayName \"" + name
            + "\" already exists (id " + found.id() + "); displayName is unique, compared without "
            + "regard to case.");
      }
    }
  }

  private static String displayName(ObjectNode attributes) {
    JsonNode name = attributes.get(DISPLAY_NAME);
    return name != null && name.isTextual() ? name.textValue() : null;
  }
}
