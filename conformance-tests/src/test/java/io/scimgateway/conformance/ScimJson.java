package io.scimgateway.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Request bodies and query strings for the conformance tests. */
final class ScimJson {

  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScimJson() {
  }

  static ObjectNode object() {
    return JSON.objectNode();
  }

  static ArrayNode array() {
    return JSON.arrayNode();
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  /** A /Bulk request with no operations yet: add them to its {@code Operations} array. */
  static ObjectNode bulkRequest() {
    ObjectNode request = object();
    request.putArray("schemas").add(BULK_REQUEST);
    request.putArray("Operations");
    return request;
  }

  /** The {@code Operations} array of a {@link #bulkRequest}. */
  static ArrayNode operations(ObjectNode bulkRequest) {
    return (ArrayNode) bulkRequest.get("Operations");
  }

  /** A minimal valid user: schemas and userName only. */
  static ObjectNode minimalUser(String userName) {
    ObjectNode user = object();
    user.putArray("schemas").add(USER);
    user.put("userName", userName);
    return user;
  }

  /** A user with the usual attributes an identity provider sends, and a password. */
  static ObjectNode user(String userName) {
    ObjectNode user = minimalUser(userName);
    user.put("password", "Correct-horse-battery-staple-1");
    user.putObject("name").put("givenName", "Test").put("familyName", "User");
    user.put("displayName", "Test User " + userName);
    user.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
    user.put("active", true);
    return user;
  }

  /** A group with members given by id (type not sent: the server knows it). */
  static ObjectNode group(String displayName, String... memberIds) {
    ObjectNode group = object();
    group.putArray("schemas").add(GROUP);
    group.put("displayName", displayName);
    if (memberIds.length > 0) {
      ArrayNode members = group.putArray("members");
      for (String id : memberIds) {
        members.addObject().put("value", id);
      }
    }
    return group;
  }

  /** A PatchOp message with the given operations. */
  static ObjectNode patch(ObjectNode... operations) {
    ObjectNode patch = object();
    patch.putArray("schemas").add(PATCH_OP);
    ArrayNode ops = patch.putArray("Operations");
    for (ObjectNode op : operations) {
      ops.add(op);
    }
    return patch;
  }

  /** One PATCH operation; {@code path} and {@code value} may be null. */
  static ObjectNode op(String op, String path, JsonNode value) {
    ObjectNode node = object().put("op", op);
    if (path != null) {
      node.put("path", path);
    }
    if (value != null) {
      node.set("value", value);
    }
    return node;
  }

  /** {@code [{"value": id}, ...]} */
  static ArrayNode memberValues(String... ids) {
    ArrayNode values = array();
    for (String id : ids) {
      values.addObject().put("value", id);
    }
    return values;
  }

  /** A query parameter value, percent-encoded (spaces as %20). */
  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code ?filter=...} for a SCIM filter expression. */
  static String filter(String expression) {
    return "?filter=" + q(expression);
  }

  /** A SCIM filter string literal: the value JSON-escaped and quoted (RFC 7644 section 3.4.2.2). */
  static String literal(String value) {
    return JSON.textNode(value).toString();
  }
}
