package io.scimgateway.gateway.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.scimgateway.gateway.core.Brackets;
import io.scimgateway.gateway.core.ClientCompatibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a PATCH body (RFC 7644 section 3.5.2) into the SDK's {@link PatchRequest}, answering each way
 * it can be wrong with the RFC's {@code scimType}: a {@code remove} without {@code path} is
 * {@code noTarget}, a path that does not parse is {@code invalidPath}, anything else malformed is
 * {@code invalidSyntax}, with a detail that names the operation and never the library's internals.
 */
public final class PatchRequestReader {

  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private static final String SHAPE = "A PATCH body is {\"schemas\": "
      + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [{\"op\": \"add\" | "
      + "\"remove\" | \"replace\", \"path\": ..., \"value\": ...}]} (RFC 7644 section 3.5.2).";

  private PatchRequestReader() {
  }

  public static PatchRequest read(ObjectNode body, ClientCompatibility compatibility)
      throws BadRequestException {
    requirePatchOp(body, compatibility);
    JsonNode operations = body.get("Operations");
    boolean allowedEmpty = compatibility.emptyPatches() && operations != null && operations.isArray();
    if (operations == null || !operations.isArray() || (operations.isEmpty() && !allowedEmpty)) {
      throw BadRequestException.invalidSyntax("The body has no \"Operations\" list. " + SHAPE);
    }
    if (operations.isEmpty()) {
      return new PatchRequest(List.of());
    }
    for (int i = 0; i < operations.size(); i++) {
      checkOperation(i, operations.get(i));
      if (compatibility.removeListedValues()) {
        removeListedValues((ObjectNode) operations.get(i));
      }
    }
    if (compatibility.dottedValueKeys()) {
      body.set("Operations", DottedValueKeys.split((ArrayNode) body.get("Operations")));
    }
    body.set("Operations", NullValues.inOperations((ArrayNode) body.get("Operations")));
    try {
      return JsonUtils.getObjectReader().treeToValue(body, PatchRequest.class);
    } catch (Exception e) {
      throw BadRequestException.invalidSyntax("The body is not a valid PATCH request. " + SHAPE);
    }
  }

  /**
   * RFC 7644 section 3.5.2: the body's {@code schemas} is the PatchOp URN. A body without
   * {@code schemas} gets it when {@code compatibility.schemalessBodies} allows; one naming another
   * message is always refused.
   */
  private static void requirePatchOp(ObjectNode body, ClientCompatibility compatibility)
      throws BadRequestException {
    JsonNode schemas = body.get("schemas");
    if (schemas == null && compatibility.schemalessBodies()) {
      body.putArray("schemas").add(PATCH_OP);
      return;
    }
    if (schemas != null && schemas.isArray()) {
      for (JsonNode schema : schemas) {
        if (schema.isTextual() && schema.textValue().equalsIgnoreCase(PATCH_OP)) {
          body.putArray("schemas").add(PATCH_OP);
          return;
        }
      }
    }
    throw BadRequestException.invalidSyntax("A PATCH body's \"schemas\" must be [\"" + PATCH_OP
        + "\"]" + (schemas == null ? "; the body has none." : ", not " + schemas + "."));
  }

  /**
   * Entra removes members as {@code {"op": "remove", "path": "members", "value": [{"value": "id"}]}};
   * RFC 7644 would remove every member. The listed values become a value filter on the path.
   */
  private static void removeListedValues(ObjectNode operation) {
    JsonNode path = operation.get("path");
    JsonNode value = operation.get("value");
    if (!operation.get("op").asText().equals("remove") || path == null || !path.isTextual()
        || path.textValue().contains("[") || value == null || !value.isArray() || value.isEmpty()) {
      return;
    }
    List<String> terms = new ArrayList<>();
    for (JsonNode each : value) {
      if (!each.path("value").isTextual()) {
        return;
      }
      terms.add("value eq " + TextNode.valueOf(
          each.get("value").textValue()));
    }
    operation.put("path", path.textValue() + "[" + String.join(" or ", terms) + "]");
    operation.remove("value");
  }

  private static void checkOperation(int index, JsonNode operation) throws BadRequestException {
    String where = "Operations[" + index + "]";
    if (!operation.isObject() || !operation.path("op").isTextual()) {
      throw BadRequestException.invalidSyntax(where + " needs an \"op\": add, remove or replace.");
    }
    // Operation names are matched without regard to case ("Replace" from Entra).
    ((ObjectNode) operation).put("op", operation.get("op").textValue().toLowerCase(Locale.ROOT));
    JsonNode path = operation.get("path");
    if (path == null || path.isNull()) {
      if (operation.get("op").textValue().equalsIgnoreCase("remove")) {
        throw BadRequestException.noTarget(where + " is a remove without a \"path\": say which "
            + "attribute or value to remove.");
      }
      return;
    }
    if (!path.isTextual()) {
      throw BadRequestException.invalidPath(where + ": \"path\" must be a string.");
    }
    String unpaired = Brackets.unpaired(path.textValue());
    if (unpaired != null) {
      throw BadRequestException.invalidPath(where + ": the " + unpaired + " of the path \""
          + path.textValue() + "\" do not pair up.");
    }
    Path parsed;
    try {
      parsed = Path.fromString(path.textValue());
    } catch (BadRequestException e) {
      throw BadRequestException.invalidPath(where + ": the path \"" + path.textValue()
          + "\" is not a valid attribute path: " + e.getMessage());
    }
    if (parsed.size() == 0) {
      throw BadRequestException.invalidPath(where + ": the path \"" + path.textValue()
          + "\" names no attribute. To set attributes of an extension, leave out \"path\" and "
          + "send {\"<extension URN>\": {...}} as the value.");
    }
  }
}
