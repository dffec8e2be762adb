package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.PlatformAttempts;
import io.scimgateway.kit.PlatformRequest;
import io.scimgateway.kit.PlatformResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One packet's attempts for the kit's client: after an attempt brainCloud answered (a rate limit) the packet takes
 * the session's next id; after one whose answer was lost (a dropped connection, a proxy's 5xx) it goes again with
 * the same id, which brainCloud answers from the answer it kept. So a resend is always safe, and the call is
 * idempotent for the kit.
 *
 * <p>A rate limit (40823) may refuse some messages of a bundle and not others: brainCloud did the others, so only
 * the refused ones go again, in a packet of their own after the kit's backoff, and their answers take their places
 * among the answers kept. Not thread-safe: one call's attempts, one after another.
 */
final class S2sPacket implements PlatformAttempts {

  /** What brainCloud's own S2S library ends every body with. */
  static final String TRAILER = "\r\n\r\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final S2sSession session;
  private final List<S2sMessage> messages;
  /** The answer of each message, once it has one that is no rate limit. */
  private final S2sAnswer[] answers;
  /** The messages of the latest attempt, by index. */
  private List<Integer> pending;

  S2sPacket(S2sSession session, List<S2sMessage> messages) {
    this.session = session;
    this.messages = messages;
    this.answers = new S2sAnswer[messages.size()];
    this.pending = IntStream.range(0, messages.size()).boxed().toList();
  }

  @Override
  public PlatformRequest next(PlatformResponse previous) {
    if (previous != null && isAnswer(previous)) {
      session.advance();
      keep(previous);
    }
    ObjectNode packet = JSON.createObjectNode().put("sessionId", session.id()).put("packetId", session.packetId());
    ArrayNode list = packet.putArray("messages");
    pending.forEach(index -> list.add(messages.get(index).toJson()));
    return PlatformRequest.post("", packet + TRAILER).asIdempotent();
  }

  /** Some message refused with 40823: that one was not done, and goes again later. */
  @Override
  public boolean limited(PlatformResponse answer) {
    if (!isAnswer(answer)) {
      return false;
    }
    for (JsonNode response : body(answer).path("messageResponses")) {
      if (S2sAnswer.of(response).reasonCode() == S2sErrors.RATE_LIMITED) {
        return true;
      }
    }
    return false;
  }

  /** How many messages the latest attempt carried: the answers its response must hold. */
  int sent() {
    return pending.size();
  }

  /** Every message's answer, in order: those kept from earlier attempts and {@code last}, the latest attempt's. */
  List<S2sAnswer> answers(List<S2sAnswer> last) {
    List<S2sAnswer> all = new ArrayList<>();
    for (int i = 0, latest = 0; i < answers.length; i++) {
      all.add(pending.contains(i) ? last.get(latest++) : answers[i]);
    }
    return all;
  }

  /** Keeps the answers of an attempt that was rate limited in part; the limited messages stay pending. */
  private void keep(PlatformResponse answer) {
    JsonNode responses = body(answer).path("messageResponses");
    if (responses.size() != pending.size()) {
      return; // unreadable: the same messages go again, and a lasting fault is reported after the last attempt
    }
    List<Integer> limited = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      S2sAnswer each = S2sAnswer.of(responses.get(i));
      if (each.reasonCode() == S2sErrors.RATE_LIMITED) {
        limited.add(pending.get(i));
      } else {
        answers[pending.get(i)] = each;
      }
    }
    pending = limited;
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
