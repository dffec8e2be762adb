package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message brainCloud refuses: its status, reason code and message, sent as one entry of {@code messageResponses}.
 * Codes marked [I] are not in brainCloud's published list; the emulator picks them and the adapter treats them as it
 * would treat the status.
 */
final class BcFailure extends RuntimeException {

  static final int INVALID_CREDENTIALS = 40304; // [I] wrong appId, serverName or serverSecret
  static final int SERVER_SESSION_EXPIRED = 40365;
  static final int INVALID_USER_ID = 40374;
  static final int DECODE_CONTEXT = 40383;
  static final int INVALID_QUERY_CONTEXT = 40384;
  static final int IDENTITY_IN_USE = 40211; // [I] a create whose login id another user has
  static final int MISSING_IDENTITY = 40212; // [I] the user lacks the identity type the call needs
  static final int PROFILE_NOT_FOUND = 40446;
  static final int GROUP_NOT_FOUND = 40603; // [I]
  static final int GROUP_VERSION_MISMATCH = 40604; // [I] SYS_DELETE_GROUP with another version
  static final int MISSING_LAST_PACKET_RESPONSE = 40605;
  static final int INVALID_PARAMETER = 40001; // [I] a missing or malformed data field
  static final int UNKNOWN_OPERATION = 40002; // [I]
  static final int DUPLICATE_PACKET_ID = 40730;
  static final int GROUP_OWNER_CANNOT_LEAVE = 40455;
  static final int EMAIL_IN_USE = 40583;
  static final int USER_RATE_LIMIT_EXCEEDED = 40823;
  static final int INVALID_PASSWORD_CONTENT = 550022;

  private final int status;
  private final int reasonCode;

  BcFailure(int status, int reasonCode, String message) {
    super(message);
    this.status = status;
    this.reasonCode = reasonCode;
  }

  static BcFailure badRequest(int reasonCode, String message) {
    return new BcFailure(400, reasonCode, message);
  }

  static BcFailure missing(String field) {
    return badRequest(INVALID_PARAMETER, "Missing or invalid parameter: " + field);
  }

  /** The message response: status, reason_code, status_message and severity, as brainCloud sends an error. */
  ObjectNode response() {
    return JsonNodeFactory.instance.objectNode().put("status", status).put("reason_code", reasonCode)
        .put("status_message", getMessage()).put("severity", "ERROR");
  }
}
