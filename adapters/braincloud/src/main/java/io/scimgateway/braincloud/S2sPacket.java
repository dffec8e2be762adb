package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.PlatformAttempts;
import io.scimgateway.kit.PlatformRequest;
import io.scimgateway.kit.PlatformResponse;
import java.io.IOException;
import java.util.List;

/**
 * One packet's attempts for the kit's client: after an attempt brainCloud answered (a rate limit) the packet takes
 * the session's next id; after one whose answer was lost (a dropped connection, a proxy's 5xx) it goes again with
 * the same id, which brainCloud answers from the answer it kept. So a resend is always safe, and the call is
 * idempotent for the kit.
 */
final class S2sPacket implements PlatformAttempts {

  /** What brainCloud's own S2S library ends every body with. */
  static final String TRAILER = "\r\n\r\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final S2sSession session;
  private final List<S2sMessage> messages;

  S2sPacket(S2sSession session, List<S2sMessage> messages) {
    this.session = session;
    this.messages = messages;
  }

  @Override
  public PlatformRequest next(PlatformResponse previous) {
    if (previous != null && isAnswer(previous)) {
      session.advance();
    }
    ObjectNode packet = JSON.createObjectNode().put("sessionId", session.id()).put("packetId", session.packetId());
    ArrayNode list = packet.putArray("messages");
    messages.forEach(message -> list.add(message.toJson()));
    return PlatformRequest.post("", packet + TRAILER).asIdempotent();
  }

  /** Every message refused with 40823: nothing was done, and the packet goes again later. */
  @Override
  public boolean limited(PlatformResponse answer) {
    if (!isAnswer(answer)) {
      return false;
    }
    JsonNode responses = body(answer).path("messageResponses");
    for (JsonNode response : responses) {
      if (S2sAnswer.of(response).reasonCode() != S2sErrors.RATE_LIMITED) {
        return false;
      }
    }
    return !responses.isEmpty();
  }

  /** brainCloud parses bodies with HTTP 200 and 403, as its S2S library does; anything else is transport. */
  static boolean isAnswer(PlatformResponse response) {
    return (response.status() == 200 || response.status() == 403) && body(response).has("messageResponses");
  }

  static JsonNode body(PlatformResponse response) {
    try {
      return JSON.readTree(response.body() == null ? "" : response.body());
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
