package io.scimgateway.gateway;

import io.scimgateway.gateway.http.ReadRequests;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * In front of the SCIM application for a backend that declares a {@link
 * io.scimgateway.spi.ReadConcurrency}: lets that many reads run at once, the rest waiting their
 * turn in arrival order (a fair semaphore), and every write straight through. The HTTP server's
 * workers (two per core) then no longer share the cores between as many reads as there are workers,
 * so a lookup is not left waiting for several others to have their turn.
 *
 * <p>A turn lasts until the answer is handed to the network, which a slow client can hold up; so a
 * read waits {@link #PATIENCE} at most and then goes ahead without its turn, as all reads did
 * before: the turns shorten the slowest answers, and are never a reason for an answer not to come.
 * Thread-safe.
 */
final class ReadAdmission extends HttpHandler {

  /** Far longer than a turn takes under load (a few ms), far shorter than a client waits. */
  static final Duration PATIENCE = Duration.ofMillis(20);

  private final HttpHandler next;
  private final Semaphore turns;
  private final long patienceNanos;

  ReadAdmission(HttpHandler next, int reads) {
    this(next, reads, PATIENCE);
  }

  ReadAdmission(HttpHandler next, int reads, Duration patience) {
    this.next = next;
    this.turns = new Semaphore(reads, true);
    this.patienceNanos = patience.toNanos();
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    admitted(request.getMethod(), request.getRequestURI(), () -> next.service(request, response));
  }

  /** Does {@code work} for a request; a read first waits for its turn, or its patience's end. */
  void admitted(Method method, String path, Work work) throws Exception {
    if (!reads(method, path)) {
      work.run();
      return;
    }
    boolean turn = turns.tryAcquire(patienceNanos, TimeUnit.NANOSECONDS);
    try {
      work.run();
    } finally {
      if (turn) {
        turns.release();
      }
    }
  }

  /** What a request does. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  /** Whether a request only reads, by the rule the token scopes follow ({@link ReadRequests}). */
  static boolean reads(Method method, String path) {
    return ReadRequests.reads(method.getMethodString(), ReadRequests.lastSegment(path));
  }

  /** Reads waiting for their turn now; for tests. */
  int waiting() {
    return turns.getQueueLength();
  }

  /** Turns free now; for tests. */
  int free() {
    return turns.availablePermits();
  }

  @Override
  public void start() {
    next.start();
  }

  @Override
  public void destroy() {
    next.destroy();
  }
}
