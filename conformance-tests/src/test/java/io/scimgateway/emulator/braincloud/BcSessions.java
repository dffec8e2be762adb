package io.scimgateway.emulator.braincloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The S2S sessions and, per session, the last packet: its id, its messages and the answer kept for a client that
 * resends it because the answer was lost. A session expires after its lifetime without a packet. Thread-safe; a
 * session's packets are answered one at a time.
 */
final class BcSessions {

  /** One authenticated server session. */
  static final class Session {
    final String id;
    private Instant lastSeen;
    private long lastPacketId = -1;
    private JsonNode lastMessages;
    private ObjectNode lastAnswer;

    Session(String id, Instant now) {
      this.id = id;
      this.lastSeen = now;
    }

    /**
     * The kept answer to a resend of the last packet; null when {@code packetId} is a new one. A packet id already
     * used with other messages is 40730; the last id again before its answer is kept is 40605.
     */
    ObjectNode replay(long packetId, JsonNode messages) {
      if (packetId > lastPacketId) {
        return null;
      }
      if (packetId == lastPacketId && lastAnswer == null) {
        throw new BcFailure(400, BcFailure.MISSING_LAST_PACKET_RESPONSE, "No answer kept for packet " + packetId);
      }
      if (packetId == lastPacketId && messages.equals(lastMessages)) {
        return lastAnswer;
      }
      throw new BcFailure(400, BcFailure.DUPLICATE_PACKET_ID, "Packet id " + packetId + " was already used");
    }

    void starting(long packetId, JsonNode messages) {
      lastPacketId = packetId;
      lastMessages = messages;
      lastAnswer = null;
    }

    void answered(ObjectNode answer) {
      lastAnswer = answer;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;
  private final AtomicInteger opened = new AtomicInteger();

  BcSessions(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  Session open() {
    Session session = new Session(UUID.randomUUID().toString(), clock.instant());
    sessions.put(session.id, session);
    opened.incrementAndGet();
    return session;
  }

  /** The live session with this id, its lifetime renewed; 40365 when it is unknown or expired. */
  Session live(String id) {
    Session session = id == null ? null : sessions.get(id);
    Instant now = clock.instant();
    if (session == null || session.lastSeen.plus(lifetime).isBefore(now)) {
      if (session != null) {
        sessions.remove(id);
      }
      throw new BcFailure(403, BcFailure.SERVER_SESSION_EXPIRED, "Session expired or unknown");
    }
    session.lastSeen = now;
    return session;
  }

  /** Ends every session, as an expiry or a server restart would. */
  void expireAll() {
    sessions.clear();
  }

  int opened() {
    return opened.get();
  }
}
