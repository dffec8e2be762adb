package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorResponse;

/**
 * {@code PUT :updatepassword} ({@code {"password", "resetPwdOnLogin"}}), {@code POST :resetpassword} (no body; the
 * platform sends the reset email) and {@code POST :setskipmfa} ({@code {"timestamp": epoch seconds}}). Each accepted
 * call is recorded once in the tenant; a refused one is not. Callers hold the tenant's lock.
 */
final class ZidPasswordActions {

  private ZidPasswordActions() {}

  static EmulatorResponse answer(ZidTenant tenant, ObjectNode user, ZidPasswordAction.Kind kind, ZidRequest request) {
    ObjectNode body = kind == ZidPasswordAction.Kind.RESET_PASSWORD
        ? JsonNodeFactory.instance.objectNode()
        : request.objectBody().deepCopy();
    EmulatorResponse answer = switch (kind) {
      case UPDATE_PASSWORD -> {
        ZidFields.requiredString(body, "password");
        ZidFields.optionalBoolean(body, "resetPwdOnLogin", false);
        yield EmulatorResponse.ok(null);
      }
      case SET_SKIP_MFA -> {
        user.put("skipMfaUntil", timestamp(body));
        yield EmulatorResponse.ok(null);
      }
      // An opaque JSON string, as an unofficial client saw it.
      case RESET_PASSWORD -> EmulatorResponse.ok(JsonNodeFactory.instance.textNode("reset-" + tenant.newId()));
    };
    tenant.passwordActions.add(new ZidPasswordAction(user.get("id").asText(), kind, body));
    return answer;
  }

  /** Epoch seconds as an int32, as the one known client sends it. */
  private static int timestamp(ObjectNode body) {
    JsonNode timestamp = body.get("timestamp");
    if (timestamp == null || !timestamp.isIntegralNumber() || !timestamp.canConvertToInt()) {
      throw ZidError.badRequest("timestamp (epoch seconds) is required.");
    }
    return timestamp.asInt();
  }
}
