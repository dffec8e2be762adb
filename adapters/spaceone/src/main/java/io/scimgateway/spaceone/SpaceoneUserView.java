package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.ResourceVersions;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.kit.local.LocalRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A SCIM User read from SpaceONE: what the gateway keeps locally, as the client wrote it, with each
 * SpaceONE field laid over where it differs from what SpaceONE held after the gateway's last write
 * (kept locally as {@value #PLATFORM_FIELDS}): someone changed it in SpaceONE since, and SpaceONE wins.
 * A user made in SpaceONE itself, with nothing local, reads wholly from SpaceONE. {@code active} is
 * SpaceONE's state; {@code meta.created} is {@code created_at}, and {@code meta.lastModified}
 * the gateway's last write, since SpaceONE keeps no update time.
 */
final class SpaceoneUserView {

  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  /** Where local state keeps the SpaceONE fields as they were after the gateway's last write. */
  static final String PLATFORM_FIELDS = "spaceoneFields";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SpaceoneUserView() {
  }

  /** The local attributes to keep after a write: the SCIM attributes and the user as SpaceONE answered. */
  static ObjectNode kept(ObjectNode scim, ObjectNode user) {
    ObjectNode kept = scim.deepCopy();
    kept.remove(List.of("password", "groups", "roles"));
    ObjectNode fields = kept.putObject(PLATFORM_FIELDS);
    SpaceoneUserFields.MAPPED.forEach(field -> fields.set(field, user.path(field).deepCopy()));
    return kept;
  }

  static StoredResource of(ObjectNode user, Optional<LocalRecord> local, ArrayNode groups, ArrayNode roles) {
    ObjectNode scim = local.map(record -> record.attributes().deepCopy()).orElseGet(() -> {
      ObjectNode fresh = JSON.objectNode();
      fresh.putArray("schemas").add(USER_SCHEMA);
      return fresh;
    });
    JsonNode remembered = scim.remove(PLATFORM_FIELDS);
    for (String field : SpaceoneUserFields.MAPPED) {
      JsonNode value = user.path(field);
      if (remembered == null || !value.equals(remembered.path(field))) {
        overlay(scim, field, value.asText(""));
      }
    }
    boolean enabled = user.path("state").asText().equals("ENABLED");
    if (!enabled || local.isEmpty() || scim.has("active")) {
      scim.put("active", enabled); // a client that never wrote active reads none back while enabled
    }
    scim.remove(List.of("password", "groups", "roles"));
    if (groups != null && !groups.isEmpty()) {
      scim.set("groups", groups);
    }
    if (roles != null && !roles.isEmpty()) {
      scim.set("roles", roles);
    }
    ObjectNode platform = user.deepCopy();
    platform.remove("last_accessed_at"); // a sign-in is no change to the resource
    String version = ResourceVersions.withRelated(ResourceVersions.ofContent(platform,
        local.<JsonNode>map(LocalRecord::attributes).orElse(JSON.nullNode())), groups, roles);
    Instant created = created(user, local);
    Instant modified = local.map(LocalRecord::lastModified).orElse(created);
    return new StoredResource(id(user), scim, created, modified, version);
  }

  /** The SCIM id of a SpaceONE user record. */
  static String id(ObjectNode user) {
    return SpaceoneUserIds.of(user.path("user_id").asText(), user.path("created_at").asText());
  }

  private static void overlay(ObjectNode scim, String field, String value) {
    switch (field) {
      case "user_id" -> {
        if (!value.equalsIgnoreCase(scim.path("userName").asText(""))) {
          scim.put("userName", value);
        }
      }
      case "name" -> set(scim, "displayName", value);
      case "email" -> email(scim, value);
      case "language" -> set(scim, scim.has("locale") && !scim.has("preferredLanguage") ? "locale"
          : "preferredLanguage", value);
      case "timezone" -> set(scim, "timezone", value);
      case "user_type" -> {
        if (!value.equals("USER") || scim.has("userType")) {
          set(scim, "userType", value);
        }
      }
      default -> throw new IllegalArgumentException(field);
    }
  }

  /** The client's emails while their primary one is still SpaceONE's email; else SpaceONE's alone. */
  private static void email(ObjectNode scim, String email) {
    if (email.equals(SpaceoneUserFields.primaryEmail(scim))) {
      return;
    }
    scim.remove("emails");
    if (!email.isEmpty()) {
      scim.putArray("emails").addObject().put("value", email).put("type", "work").put("primary", true);
    }
  }

  private static void set(ObjectNode scim, String attribute, String value) {
    if (value.isEmpty()) {
      scim.remove(attribute);
    } else {
      scim.put(attribute, value);
    }
  }

  private static Instant created(ObjectNode user, Optional<LocalRecord> local) {
    try {
      return Instant.parse(user.path("created_at").asText());
    } catch (DateTimeParseException e) {
      return local.map(LocalRecord::created).orElse(Instant.EPOCH);
    }
  }
}
