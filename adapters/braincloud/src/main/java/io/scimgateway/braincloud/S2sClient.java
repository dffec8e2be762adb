package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformRequest;
import io.scimgateway.kit.PlatformResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * brainCloud's S2S session protocol over the kit's HTTP client. A small pool of sessions, each used by one call at a
 * time; a call sends its messages as one packet and gets one answer per message, in order. Packet ids: the next id
 * after every answer, the same id for a resend after a lost answer, so that brainCloud answers the resend from the
 * answer it kept and applies nothing twice. An expired session (40365) is authenticated again and the packet sent
 * on the new one; messages refused with 40823 are sent again by the kit like a 429 (only those, when brainCloud
 * did the others of their packet). Thread-safe.
 */
final class S2sClient implements AutoCloseable {

  /** Re-authentications for one call, as brainCloud's own S2S library allows. */
  private static final int MAX_RENEWALS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlatformClient http;
  private final S2sErrors errors;
  private final BrainCloudSettings.Server server;
  private final BlockingQueue<S2sSession> sessions;
  private final Duration waitForSession;

  S2sClient(PlatformClient http, S2sErrors errors, BrainCloudSettings.Server server, int sessionCount,
      Duration waitForSession) {
    this.http = http;
    this.errors = errors;
    this.server = server;
    this.waitForSession = waitForSession;
    this.sessions = new ArrayBlockingQueue<>(sessionCount);
    for (int i = 0; i < sessionCount; i++) {
      sessions.add(new S2sSession());
    }
  }

  S2sErrors errors() {
    return errors;
  }

  /** One message; its refusal as a SCIM error. */
  JsonNode call(S2sMessage message) throws ScimException {
    S2sAnswer answer = send(List.of(message)).get(0);
    if (!answer.ok()) {
      throw errors.of(answer);
    }
    return answer.data();
  }

  /** Several messages in one packet, none of them refused; the first refusal as a SCIM error. */
  void callAll(List<S2sMessage> messages) throws ScimException {
    if (messages.isEmpty()) {
      return;
    }
    for (S2sAnswer answer : send(messages)) {
      if (!answer.ok()) {
        throw errors.of(answer);
      }
    }
  }

  /** Several messages in one packet; the answers in the same order, refusals included. */
  List<S2sAnswer> send(List<S2sMessage> messages) throws ScimException {
    S2sSession session = take();
    try {
      return onSession(session, messages);
    } finally {
      sessions.add(session);
    }
  }

  /** Keeps idle sessions alive: a heartbeat on each that has been idle for its interval. */
  void heartbeat(Duration interval) {
    for (int i = sessions.size(); i > 0; i--) {
      S2sSession session = sessions.poll();
      if (session == null) {
        return;
      }
      try {
        if (session.needsHeartbeat(interval.toNanos())) {
          onSession(session, List.of(new S2sMessage("heartbeat", "HEARTBEAT", JSON.createObjectNode())));
        }
      } catch (ScimException | RuntimeException e) {
        session.forget(); // the next call authenticates again
      } finally {
        sessions.add(session);
      }
    }
  }

  private S2sSession take() throws ScimException {
    try {
      S2sSession session = sessions.poll(waitForSession.toMillis(), TimeUnit.MILLISECONDS);
      if (session != null) {
        return session;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ScimException(503, null, "Every brainCloud session is busy; try again shortly.");
  }

  private List<S2sAnswer> onSession(S2sSession session, List<S2sMessage> messages) throws ScimException {
    for (int renewal = 0; ; renewal++) {
      if (!session.open()) {
        authenticate(session);
      }
      S2sPacket packet = new S2sPacket(session, messages);
      PlatformResponse response;
      try {
        response = http.exchange(packet);
      } finally {
        session.advance();
      }
      List<S2sAnswer> answers = packet.answers(answers(response, packet.sent()));
      if (answers.stream().allMatch(answer -> answer.reasonCode() == S2sErrors.SESSION_EXPIRED)) {
        session.forget();
        if (renewal < MAX_RENEWALS) {
          continue;
        }
      }
      return answers;
    }
  }

  private void authenticate(S2sSession session) throws ScimException {
    ObjectNode data = JSON.createObjectNode().put("appId", server.appId())
        .put("serverName", server.serverName()).put("serverSecret", server.serverSecret());
    ObjectNode packet = JSON.createObjectNode().put("packetId", 0);
    packet.putArray("messages").add(new S2sMessage("authenticationV2", "AUTHENTICATE", data).toJson());
    PlatformResponse response = http.exchange(PlatformRequest.post("", packet + S2sPacket.TRAILER).asIdempotent());
    S2sAnswer answer = answers(response, 1).get(0);
    if (!answer.ok()) {
      throw errors.platform().credentialsRefused(answer.status());
    }
    session.opened(answer.data().path("sessionId").asText(), answer.data().path("heartbeatSeconds").asLong(1800));
  }

  /** The answers of a packet; a transport failure or a body without them is a SCIM error. */
  private List<S2sAnswer> answers(PlatformResponse response, int expected) throws ScimException {
    if (!S2sPacket.isAnswer(response)) {
      throw errors.platform().translate(response);
    }
    JsonNode body = S2sPacket.body(response);
    ArrayNode responses = body.path("messageResponses") instanceof ArrayNode array ? array : null;
    if (responses == null || responses.size() != expected) {
      throw errors.platform().unreadable("a packet without one answer per message");
    }
    List<S2sAnswer> answers = new ArrayList<>();
    responses.forEach(each -> answers.add(S2sAnswer.of(each)));
    return answers;
  }

  @Override
  public void close() {
    sessions.clear();
  }
}
