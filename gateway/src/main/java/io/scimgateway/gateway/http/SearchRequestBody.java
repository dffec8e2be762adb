package io.scimgateway.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import io.scimgateway.gateway.core.Returning;
import io.scimgateway.gateway.core.query.ListQueryParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of a {@code POST .search} (RFC 7644 section 3.4.3, with RFC 9865's {@code cursor}): the
 * same parameters as a list's query string, as JSON. Names are matched without regard to case.
 *
 * @param parameters filter, sort and paging, as the query string would carry them
 * @param returning the {@code attributes} and {@code excludedAttributes} lists, each comma-joined
 */
record SearchRequestBody(ListQueryParser.Parameters parameters, Returning returning) {

  static SearchRequestBody read(ObjectNode body) throws BadRequestException {
    if (body == null) {
      throw BadRequestException.invalidSyntax("A search needs a SearchRequest body (RFC 7644 "
          + "section 3.4.3), e.g. {\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:"
          + "SearchRequest\"], \"filter\": \"userName eq \\\"bjensen\\\"\"}.");
    }
    ObjectNode fields = lowerCaseNames(body);
    return new SearchRequestBody(new ListQueryParser.Parameters(
        text(fields, "filter"), text(fields, "sortby"), text(fields, "sortorder"),
        number(fields, "startindex"), number(fields, "count"), text(fields, "cursor")),
        new Returning(list(fields, "attributes"), list(fields, "excludedattributes")));
  }

  private static ObjectNode lowerCaseNames(ObjectNode body) {
    ObjectNode fields = body.objectNode();
    Iterator<Map.Entry<String, JsonNode>> iterator = body.fields();
    while (iterator.hasNext()) {
      Map.Entry<String, JsonNode> field = iterator.next();
      fields.set(field.getKey().toLowerCase(Locale.ROOT), field.getValue());
    }
    return fields;
  }

  private static String text(ObjectNode fields, String name) throws BadRequestException {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw BadRequestException.invalidSyntax("\"" + name + "\" in a SearchRequest must be a "
          + "string, not " + value + ".");
    }
    return value.textValue();
  }

  private static String number(ObjectNode fields, String name) throws BadRequestException {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw BadRequestException.invalidValue("\"" + name + "\" in a SearchRequest must be an "
          + "integer, not " + value + ".");
    }
    return value.asText();
  }

  /** The RFC gives these as arrays of strings; a comma-separated string is accepted too. */
  private static String list(ObjectNode fields, String name) throws BadRequestException {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    List<String> names = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode each : value) {
        if (!each.isTextual()) {
          names = null;
          break;
        }
        names.add(each.textValue());
      }
    }
    if (names == null || !value.isArray()) {
      throw BadRequestException.invalidSyntax("\"" + name + "\" in a SearchRequest must be an "
          + "array of attribute names, not " + value + ".");
    }
    return String.join(",", names);
  }
}
