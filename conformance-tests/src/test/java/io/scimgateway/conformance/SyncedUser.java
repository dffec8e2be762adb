package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user as the sync tests compare it: the mapped attributes, the manager by employee id and the direct
 * groups by name, so that two directories made by different runs (other ids) compare equal.
 */
record SyncedUser(String userName, String givenName, String familyName, String workEmail, String title,
    String department, String manager, boolean active, Set<String> groups) {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  /** Every user of the gateway, by externalId. */
  static Map<String, SyncedUser> all(ScimClient client) {
    Map<String, JsonNode> byId = new HashMap<>();
    for (int start = 1; ; start += 1000) {
      ScimResponse page = client.get("/Users?count=1000&startIndex=" + start);
      if (page.status() != 200) {
        throw new AssertionError("GET /Users: " + page);
      }
      page.json().path("Resources").forEach(user -> byId.put(user.path("id").asText(), user));
      if (page.json().path("Resources").size() < 1000) {
        break;
      }
    }
    Map<String, SyncedUser> users = new LinkedHashMap<>();
    byId.values().forEach(user -> users.put(user.path("externalId").asText(), of(user, byId)));
    return users;
  }

  private static SyncedUser of(JsonNode user, Map<String, JsonNode> byId) {
    JsonNode enterprise = user.path(ENTERPRISE);
    String managerId = enterprise.path("manager").path("value").asText(null);
    String workEmail = null;
    for (JsonNode email : user.path("emails")) {
      if ("work".equals(email.path("type").asText())) {
        workEmail = email.path("value").asText();
      }
    }
    Set<String> groups = new TreeSet<>();
    user.path("groups").forEach(g -> {
      if (!"indirect".equals(g.path("type").asText())) {
        groups.add(g.path("display").asText());
      }
    });
    return new SyncedUser(user.path("userName").asText(), user.path("name").path("givenName")
        .asText(null), user.path("name").path("familyName").asText(null), workEmail,
        user.path("title").asText(null), enterprise.path("department").asText(null),
        managerId == null ? null : byId.get(managerId).path("externalId").asText(),
        user.path("active").asBoolean(), groups);
  }

  SyncedUser deactivated() {
    return new SyncedUser(userName, givenName, familyName, workEmail, title, department, manager, false,
        groups);
  }

  SyncedUser withoutGroups() {
    return new SyncedUser(userName, givenName, familyName, workEmail, title, department, manager, active,
        Set.of());
  }
}
