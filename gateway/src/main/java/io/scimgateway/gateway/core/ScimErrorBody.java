package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * The body of a SCIM error (RFC 7644 section 3.12): {@code status} as a string, an optional
 * {@code scimType}, and a {@code detail} a person can act on. Used for whole responses and for the
 * failed operations inside a bulk response.
 */
public final class ScimErrorBody {

  public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  private ScimErrorBody() {
  }

  private static final Pattern PARSER_LOCATION =
      Pattern.compile("\\s*\\(?(start marker )?at \\[Source:[^\\]]*\\]\\)?");

  public static ObjectNode of(int status, String scimType, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(SCHEMA);
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    if (detail != null) {
      body.put("detail", forPeople(detail));
    }
    body.put("status", Integer.toString(status));
    return body;
  }

  /**
   * A detail as a person reads it: one line, without the JSON parser's location notes
   * ({@code at [Source: REDACTED ...; line: 1, column: 5]}), which name the parser's input, not the
   * client's request.
   */
  static String forPeople(String detail) {
    String clean = PARSER_LOCATION.matcher(detail).replaceAll("");
    return clean.replaceAll("\\s+", " ").strip();
  }
}
