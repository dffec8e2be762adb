package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorError;
import io.scimgateway.emulator.EmulatorResponse;
import java.util.Map;
import java.util.UUID;

/**
 * A ZIdentity error. The admin API's body schema is undocumented (open question 5); the emulator sends
 * {@code {"code":"UPPER_SNAKE","message":"..."}}, on a 500 also {@code correlationId}, equal to the
 * {@code x-correlation-id} header. The token endpoint answers in the OAuth 2.0 shape
 * {@code {"error":"...","error_description":"..."}} (RFC 6749 section 5.2).
 */
final class ZidError extends EmulatorError {

  private final transient EmulatorResponse response;

  private ZidError(String message, EmulatorResponse response) {
    super(message);
    this.response = response;
  }

  @Override
  public EmulatorResponse response() {
    return response;
  }

  static ZidError of(int status, String code, String message) {
    return new ZidError(message, new EmulatorResponse(status, body(code, message)));
  }

  private static ObjectNode body(String code, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("code", code);
    body.put("message", message);
    return body;
  }

  static ZidError badRequest(String message) {
    return of(400, "BAD_REQUEST", message);
  }

  static ZidError unauthorized() {
    return of(401, "UNAUTHORIZED", "A valid bearer token is required: none was sent, or it is unknown or expired.");
  }

  /** What the platform sends instead of 429 under heavy load; clients treat it as retryable. */
  static ZidError accessBlocked() {
    return of(401, "RESOURCE_ACCESS_BLOCKED", "Resource Access Blocked");
  }

  static ZidError notFound(String what) {
    return of(404, "NOT_FOUND", what + " not found.");
  }

  static ZidError noRoute(String method, String path) {
    return notFound("Route " + method + " " + path);
  }

  static ZidError notAcceptable() {
    return of(406, "NOT_ACCEPTABLE", "Responses are application/json only.");
  }

  static ZidError conflict(String message) {
    return of(409, "CONFLICT", message);
  }

  static ZidError payloadTooLarge(int maxBytes) {
    return of(413, "PAYLOAD_TOO_LARGE", "Request bodies are limited to " + maxBytes + " bytes.");
  }

  static ZidError rateLimited() {
    return of(429, "RATE_LIMIT_EXCEEDED", "Rate limit or quota exceeded; retry after the reset.");
  }

  static ZidError serverError() {
    String message = "Unexpected server error.";
    String correlationId = UUID.randomUUID().toString();
    ObjectNode body = body("INTERNAL_SERVER_ERROR", message).put("correlationId", correlationId);
    return new ZidError(message, new EmulatorResponse(500, body, Map.of("x-correlation-id", correlationId)));
  }

  static ZidError oauth(int status, String error, String description) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error", error);
    body.put("error_description", description);
    return new ZidError(description, new EmulatorResponse(status, body));
  }
}
