package io.scimgateway.gateway.core.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a bulk request (RFC 7644 section 3.7), as sent: {@code method}, {@code path},
 * {@code bulkId}, {@code version} and {@code data}, and the {@code bulkId:} references it makes.
 */
record BulkOperation(int index, String method, String path, String bulkId, String version,
    JsonNode data, Set<String> references) {

  private static final Pattern REFERENCE = Pattern.compile("bulkId:([^\"/\\s]+)");
  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  static BulkOperation read(int index, JsonNode node) throws BadRequestException {
    String where = "Operations[" + index + "]";
    if (!(node instanceof ObjectNode operation)) {
      throw BadRequestException.invalidSyntax(where + " must be an object.");
    }
    String method = text(operation, "method", where).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw BadRequestException.invalidSyntax(where + ": method must be POST, PUT, PATCH or DELETE, "
          + "not \"" + method + "\".");
    }
    String path = text(operation, "path", where);
    String bulkId = optionalText(operation, "bulkId");
    if (method.equals("POST") && bulkId == null) {
      throw BadRequestException.invalidSyntax(where + ": a POST needs a bulkId (RFC 7644 section "
          + "3.7), so that its result can be matched and referred to.");
    }
    JsonNode data = operation.get("data");
    if (!method.equals("DELETE") && !(data instanceof ObjectNode)) {
      throw BadRequestException.invalidSyntax(where + ": a " + method + " needs \"data\", the "
          + "resource or PATCH request as it would be sent on its own.");
    }
    return new BulkOperation(index, method, path, bulkId, optionalText(operation, "version"), data,
        references(path, data));
  }

  /** The bulkIds an operation refers to, in its path or anywhere in its data; read once. */
  private static Set<String> references(String path, JsonNode data) {
    Set<String> references = new TreeSet<>();
    collect(path, references);
    if (data != null) {
      JsonTexts.forEach(data, text -> collect(text, references));
    }
    return references;
  }

  private static void collect(String text, Set<String> into) {
    if (!text.contains("bulkId:")) {
      return; // most text holds none: no matcher made for it
    }
    Matcher matcher = REFERENCE.matcher(text);
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }

  private static String text(ObjectNode operation, String name, String where)
      throws BadRequestException {
    String value = optionalText(operation, name);
    if (value == null || value.isBlank()) {
      throw BadRequestException.invalidSyntax(where + " needs \"" + name + "\".");
    }
    return value;
  }

  private static String optionalText(ObjectNode operation, String name) {
    JsonNode value = operation.get(name);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
