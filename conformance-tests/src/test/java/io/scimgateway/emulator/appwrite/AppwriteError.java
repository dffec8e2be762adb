package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorError;
import io.scimgateway.emulator.EmulatorResponse;

/** An Appwrite error: the HTTP status equals {@code code}, the body is {message, code, type, version}. */
final class AppwriteError extends EmulatorError {

  /** The server version reported in error bodies. */
  static final String SERVER_VERSION = "1.9.6";

  private final int code;
  private final String type;

  AppwriteError(int code, String type, String message) {
    super(message);
    this.code = code;
    this.type = type;
  }

  int code() {
    return code;
  }

  String type() {
    return type;
  }

  @Override
  public EmulatorResponse response() {
    return new EmulatorResponse(code, body());
  }

  ObjectNode body() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("message", getMessage());
    body.put("code", code);
    body.put("type", type);
    body.put("version", SERVER_VERSION);
    return body;
  }

  static AppwriteError invalidArgument(String message) {
    return new AppwriteError(400, "general_argument_invalid", message);
  }

  static AppwriteError invalidQuery(String message) {
    return new AppwriteError(400, "general_query_invalid", "Invalid query: " + message);
  }

  static AppwriteError cursorNotFound(String id) {
    return new AppwriteError(400, "general_cursor_not_found",
        "The cursor is invalid. This can happen if the item represented by the cursor has been deleted. (" + id + ")");
  }

  static AppwriteError missingScope(String scope) {
    return new AppwriteError(401, "general_unauthorized_scope",
        "User (role: guests) missing scopes ([\"" + scope + "\"])");
  }

  static AppwriteError projectNotFound() {
    return new AppwriteError(404, "project_not_found", "Project with the requested ID could not be found.");
  }

  static AppwriteError routeNotFound() {
    return new AppwriteError(404, "general_route_not_found",
        "The requested route was not found. Please refer to the API docs and try again.");
  }

  static AppwriteError rateLimited() {
    return new AppwriteError(429, "general_rate_limit_exceeded",
        "Rate limit for the current endpoint has been exceeded. Please try again after some time.");
  }

  static AppwriteError serverError() {
    return new AppwriteError(500, "general_unknown", "Server Error");
  }

  static AppwriteError userNotFound() {
    return new AppwriteError(404, "user_not_found", "User with the requested ID could not be found.");
  }

  static AppwriteError userAlreadyExists() {
    return new AppwriteError(409, "user_already_exists",
        "A user with the same id, email, or phone already exists in this project.");
  }

  static AppwriteError teamNotFound() {
    return new AppwriteError(404, "team_not_found", "Team with the requested ID could not be found.");
  }

  static AppwriteError teamAlreadyExists() {
    return new AppwriteError(409, "team_already_exists", "Team with requested ID already exists.");
  }

  static AppwriteError membershipNotFound() {
    return new AppwriteError(404, "membership_not_found", "Membership with the requested ID could not be found.");
  }

  static AppwriteError membershipMismatch() {
    return new AppwriteError(404, "team_membership_mismatch", "The membership ID does not belong to the team ID.");
  }

  static AppwriteError membershipAlreadyExists() {
    return new AppwriteError(409, "team_invite_already_exists",
        "User has already been invited or is already a member of this team");
  }
}
