package io.scimgateway.gateway;

import java.util.concurrent.Semaphore;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * In front of the SCIM application for a backend that declares a {@link
 * io.scimgateway.spi.ReadConcurrency}: lets that many reads run at once, the rest waiting their turn
 * in arrival order (a fair semaphore), and every write straight through. The HTTP server's workers
 * (two per core) then no longer share the cores between as many reads as there are workers, so a
 * lookup is not left waiting for several others to have their turn. Thread-safe.
 */
final class ReadAdmission extends HttpHandler {

  private final HttpHandler next;
  private final Semaphore turns;

  ReadAdmission(HttpHandler next, int reads) {
    this.next = next;
    this.turns = new Semaphore(reads, true);
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    admitted(request.getMethod(), request.getRequestURI(), () -> next.service(request, response));
  }

  /** Does {@code work} for a request, once it has its turn if it reads. */
  void admitted(Method method, String path, Work work) throws Exception {
    if (!reads(method, path)) {
      work.run();
      return;
    }
    turns.acquire();
    try {
      work.run();
    } finally {
      turns.release();
    }
  }

  /** What a request does. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  /** Whether a request only reads: {@code GET}, {@code HEAD}, or a {@code POST} to a {@code .search}. */
  static boolean reads(Method method, String path) {
    return method == Method.GET || method == Method.HEAD
        || method == Method.POST && path.endsWith("/.search");
  }

  /** Reads waiting for their turn now; for tests. */
  int waiting() {
    return turns.getQueueLength();
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
