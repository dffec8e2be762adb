package io.scimgateway.emulator.spaceone;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorError;
import io.scimgateway.emulator.EmulatorResponse;

/**
 * A SpaceONE error: an {@code ERROR_*} code with its message, raised with a gRPC status and sent with the HTTP status
 * console-api maps it to (3→400, 5→404, 6→409, 7→403, 8→429, 16→401, 13→500, 14→503, 4→504). The body is
 * console-api's {@code {"error":{"message","code"}}}, or python-core FastAPI's {@code {"detail":{"code","message"}}}
 * when the emulator is set to that shape.
 */
final class SpaceoneError extends EmulatorError {

  /** The gRPC statuses SpaceONE raises, with the HTTP status console-api answers for each. */
  enum Grpc {
    INVALID_ARGUMENT(400), NOT_FOUND(404), ALREADY_EXISTS(409), PERMISSION_DENIED(403),
    RESOURCE_EXHAUSTED(429), UNAUTHENTICATED(401), INTERNAL(500), UNAVAILABLE(503), DEADLINE_EXCEEDED(504);

    final int http;

    Grpc(int http) {
      this.http = http;
    }
  }

  /** The two REST bodies the notes describe. */
  enum Shape {
    CONSOLE_API, FASTAPI
  }

  private final Grpc grpc;
  private final String code;

  SpaceoneError(Grpc grpc, String code, String message) {
    super(message);
    this.grpc = grpc;
    this.code = code;
  }

  String code() {
    return code;
  }

  Grpc grpc() {
    return grpc;
  }

  @Override
  public EmulatorResponse response() {
    return response(Shape.CONSOLE_API);
  }

  EmulatorResponse response(Shape shape) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode inner = body.putObject(shape == Shape.CONSOLE_API ? "error" : "detail");
    if (shape == Shape.CONSOLE_API) {
      inner.put("message", getMessage()).put("code", code);
    } else {
      inner.put("code", code).put("message", getMessage());
    }
    return new EmulatorResponse(grpc.http, body);
  }

  static SpaceoneError invalid(String code, String message) {
    return new SpaceoneError(Grpc.INVALID_ARGUMENT, code, message);
  }

  static SpaceoneError required(String key) {
    return invalid("ERROR_REQUIRED_PARAMETER", "Required parameter. (key = " + key + ")");
  }

  static SpaceoneError invalidParameter(String key, String reason) {
    return invalid("ERROR_INVALID_PARAMETER", "Invalid parameter. (key = " + key + ", reason = " + reason + ")");
  }

  static SpaceoneError parameterType(String key, String type) {
    return invalid("ERROR_INVALID_PARAMETER_TYPE", "Parameter type is invalid. (key = " + key + ", type = " + type
        + ")");
  }

  static SpaceoneError notFound(String key, String value) {
    return new SpaceoneError(Grpc.NOT_FOUND, "ERROR_NOT_FOUND", "Value not found. (" + key + " = " + value + ")");
  }

  static SpaceoneError duplicate(String key, String value) {
    return new SpaceoneError(Grpc.ALREADY_EXISTS, "ERROR_SAVE_UNIQUE_VALUES",
        "Duplicate value. (" + key + " = " + value + ")");
  }

  static SpaceoneError dbQuery(String reason) {
    return invalid("ERROR_DB_QUERY", "DB Query failed. (reason = " + reason + ")");
  }

  static SpaceoneError authenticate(String message) {
    return new SpaceoneError(Grpc.UNAUTHENTICATED, "ERROR_AUTHENTICATE_FAILURE",
        "Authenticate failure. (message = " + message + ")");
  }

  static SpaceoneError noRoute(String path) {
    return new SpaceoneError(Grpc.NOT_FOUND, "ERROR_NOT_FOUND", "Value not found. (path = " + path + ")");
  }

  static SpaceoneError rateLimited() {
    return new SpaceoneError(Grpc.RESOURCE_EXHAUSTED, "ERROR_RESOURCE_EXHAUSTED",
        "Too many requests; try again later.");
  }

  static SpaceoneError unknown() {
    return new SpaceoneError(Grpc.INTERNAL, "ERROR_UNKNOWN", "Unknown error. (message = unexpected failure)");
  }
}
