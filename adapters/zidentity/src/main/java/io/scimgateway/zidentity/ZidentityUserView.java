package io.scimgateway.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.kit.local.LocalRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A SCIM User read from ZIdentity: what the gateway keeps locally (as the client wrote it), with what
 * ZIdentity holds laid over it, since ZIdentity's values win when someone changed them there; a user
 * made in ZIdentity itself, with nothing local, still reads as a complete SCIM User. Groups,
 * entitlements and roles are ZIdentity's.
 */
final class ZidentityUserView {

  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What ZIdentity lists for a user besides the user record; null for what a read skipped. */
  record Related(ArrayNode groups, ArrayNode entitlements, ArrayNode roles) {
  }

  private ZidentityUserView() {
  }

  static StoredResource of(ObjectNode user, Optional<LocalRecord> local, Related related) {
    ObjectNode scim = local.map(record -> record.attributes().deepCopy()).orElseGet(() -> {
      ObjectNode fresh = JSON.objectNode();
      fresh.putArray("schemas").add(USER_SCHEMA);
      return fresh;
    });
    String loginName = user.path("loginName").asText("");
    if (!loginName.equalsIgnoreCase(scim.path("userName").asText(""))) {
      scim.put("userName", loginName);
    }
    overlay(scim, "displayName", user.path("displayName").asText(""));
    name(scim, user);
    emails(scim, user);
    boolean status = user.path("status").asBoolean(true);
    if (!status || local.isEmpty() || scim.has("active")) {
      scim.put("active", status); // a client that never wrote active reads none back while it holds
    }
    scim.remove(List.of("password", "groups", "entitlements", "roles"));
    putUnlessEmpty(scim, "groups", related.groups());
    putUnlessEmpty(scim, "entitlements", related.entitlements());
    putUnlessEmpty(scim, "roles", related.roles());
    String version = ResourceVersions.withRelated(ResourceVersions.ofContent(user,
        local.<JsonNode>map(LocalRecord::attributes).orElse(JSON.nullNode())),
        related.groups(), related.entitlements(), related.roles());
    Instant created = local.map(LocalRecord::created).orElse(Instant.EPOCH);
    Instant modified = local.map(LocalRecord::lastModified).orElse(created);
    return new StoredResource(user.path("id").asText(), scim, created, modified, version);
  }

  private static void name(ObjectNode scim, ObjectNode user) {
    ObjectNode name = scim.path("name") instanceof ObjectNode held ? held : JSON.objectNode();
    overlay(name, "givenName", user.path("firstName").asText(""));
    overlay(name, "familyName", user.path("lastName").asText(""));
    if (name.isEmpty()) {
      scim.remove("name");
    } else {
      scim.set("name", name);
    }
  }

  /** The client's emails while their first two are still ZIdentity's primary and secondary ones. */
  private static void emails(ObjectNode scim, ObjectNode user) {
    List<String> platform = new ArrayList<>();
    for (String field : List.of("primaryEmail", "secondaryEmail")) {
      String value = user.path(field).asText("");
      if (!value.isEmpty()) {
        platform.add(value);
      }
    }
    List<String> held = ZidentityUserFields.emailsPrimaryFirst(scim.path("emails"));
    if (held.subList(0, Math.min(2, held.size())).equals(platform)) {
      return;
    }
    scim.remove("emails");
    if (!platform.isEmpty()) {
      ArrayNode emails = scim.putArray("emails");
      emails.addObject().put("value", platform.get(0)).put("type", "work").put("primary", true);
      if (platform.size() > 1) {
        emails.addObject().put("value", platform.get(1)).put("type", "other");
      }
    }
  }

  private static void overlay(ObjectNode node, String field, String value) {
    if (value.isEmpty()) {
      node.remove(field);
    } else {
      node.put(field, value);
    }
  }

  private static void putUnlessEmpty(ObjectNode scim, String field, ArrayNode values) {
    if (values != null && !values.isEmpty()) {
      scim.set(field, values.deepCopy());
    }
  }
}
