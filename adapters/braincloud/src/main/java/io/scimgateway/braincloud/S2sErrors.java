package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.PlatformErrors;
import io.scimgateway.kit.PlatformResponse;
import java.util.Map;
import java.util.Set;

/**
 * brainCloud's message-level refusals as SCIM errors: each reason code is given the HTTP status it means and handed
 * to the kit's {@link PlatformErrors}, so that brainCloud reads like every other platform; the password policy
 * refusal (550022) says what to change.
 */
final class S2sErrors {

  static final int SESSION_EXPIRED = 40365;
  static final int RATE_LIMITED = 40823;
  static final int INVALID_PASSWORD = 550022;
  private static final Set<Integer> NOT_FOUND = Set.of(40374, 40446, 40603);
  /** Identity or email already in use (40211 is the emulator's pick, undocumented), member with other role. */
  private static final Set<Integer> CONFLICT = Set.of(40211, 40583, 40749);
  private static final int VERSION_MISMATCH = 40604;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlatformErrors platform;
  private final int notFoundReason;

  S2sErrors(PlatformErrors platform, int notFoundReason) {
    this.platform = platform;
    this.notFoundReason = notFoundReason;
  }

  PlatformErrors platform() {
    return platform;
  }

  boolean notFound(S2sAnswer answer) {
    return !answer.ok() && (answer.reasonCode() == notFoundReason || NOT_FOUND.contains(answer.reasonCode()));
  }

  ScimException of(S2sAnswer answer) {
    if (answer.reasonCode() == INVALID_PASSWORD) {
      return BadRequestException.invalidValue("brainCloud refused the password: it does not meet the app's "
          + "password policy" + (answer.message().isBlank() ? "" : " (" + answer.message() + ")")
          + ". Choose a password that does, e.g. a longer one.");
    }
    return platform.translate(new PlatformResponse(status(answer), Map.of(), answer.raw().toString()));
  }

  private int status(S2sAnswer answer) {
    int reason = answer.reasonCode();
    if (notFound(answer)) {
      return 404;
    }
    if (CONFLICT.contains(reason)) {
      return 409;
    }
    if (reason == VERSION_MISMATCH) {
      return 412;
    }
    if (reason == RATE_LIMITED) {
      return 429;
    }
    if (reason == SESSION_EXPIRED || answer.status() == 401 || answer.status() == 403) {
      return 403;
    }
    return answer.status() >= 500 || answer.status() < 400 ? 502 : 400;
  }

  /** brainCloud's explanation from a message's error: its status message and reason code. */
  static String reason(PlatformResponse response) {
    try {
      JsonNode body = JSON.readTree(response.body() == null ? "" : response.body());
      S2sAnswer answer = S2sAnswer.of(body);
      if (answer.message().isBlank()) {
        return "";
      }
      return answer.message() + (answer.reasonCode() == 0 ? "" : " (reason code " + answer.reasonCode() + ")");
    } catch (Exception e) {
      return "";
    }
  }
}
