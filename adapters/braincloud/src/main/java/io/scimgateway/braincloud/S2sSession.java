package io.scimgateway.braincloud;

/**
 * One S2S session: its id once authenticated, the id of its next packet, and when it was last used. Used by one
 * call at a time (the client's pool hands it out), so that its packets go out in order.
 */
final class S2sSession {

  private String id;
  private long packetId;
  private long heartbeatNanos;
  private long lastUsedNanos = System.nanoTime();

  boolean open() {
    return id != null;
  }

  String id() {
    return id;
  }

  /** Authenticated: packet 0 was the authentication, so the next is 1. */
  void opened(String sessionId, long heartbeatSeconds) {
    this.id = sessionId;
    this.packetId = 1;
    this.heartbeatNanos = heartbeatSeconds * 1_000_000_000L;
    used();
  }

  /** Expired on the server: the next call authenticates again. */
  void forget() {
    id = null;
  }

  long packetId() {
    return packetId;
  }

  /** An answer came (or the call is over): the next packet takes the next id. */
  void advance() {
    packetId++;
    used();
  }

  void used() {
    lastUsedNanos = System.nanoTime();
  }

  /** Whether the session has been idle for its heartbeat interval. */
  boolean needsHeartbeat(long overrideNanos) {
    long interval = overrideNanos > 0 ? overrideNanos : heartbeatNanos;
    return open() && interval > 0 && System.nanoTime() - lastUsedNanos >= interval;
  }
}
