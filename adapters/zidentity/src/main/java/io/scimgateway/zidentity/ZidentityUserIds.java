package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of many ids name users. ZIdentity reads a user by id one at a time, or lists users up to 1,000
 * a call, with no filter on ids: the ids are looked for in list pages while fewer pages remain than
 * ids still unfound, and the rest are read one by one. Checking 100 new group members in a tenant of
 * 1,000 users is then one call, not 100. A user created while the pages are read may be missed, and
 * its id refused as no user; the client's retry finds it. Thread-safe.
 */
final class ZidentityUserIds {

  private final ZidentityApi api;
  private final int pageSize;

  ZidentityUserIds(ZidentityApi api, int pageSize) {
    this.api = api;
    this.pageSize = pageSize;
  }

  /** Of {@code ids}, those that name users on ZIdentity. */
  Set<String> existing(Collection<String> ids) throws ScimException {
    Set<String> unfound = new LinkedHashSet<>(ids);
    Set<String> users = new LinkedHashSet<>();
    long offset = 0;
    while (unfound.size() > 1) {
      ZidentityApi.Page page = api.page("/users", List.of(), offset, pageSize);
      for (ObjectNode user : page.records()) {
        String id = user.path("id").asText();
        if (unfound.remove(id)) {
          users.add(id);
        }
      }
      offset += page.records().size();
      if (page.records().isEmpty() || offset >= page.total()) {
        return users; // every user was listed: the ids not found name none
      }
      if ((page.total() - offset + pageSize - 1) / pageSize >= unfound.size()) {
        break;
      }
    }
    for (String id : unfound) {
      if (api.find(ZidentityUserStore.userPath(id)).isPresent()) {
        users.add(id);
      }
    }
    return users;
  }
}
