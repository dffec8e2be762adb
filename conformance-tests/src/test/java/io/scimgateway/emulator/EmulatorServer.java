package io.scimgateway.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side every platform emulator shares: a JDK server on 127.0.0.1 that reads each request, applies the next
 * queued fault, and otherwise sends the platform's answer as JSON. Thread-safe; the platform guards its own state.
 */
public final class EmulatorServer implements AutoCloseable {

  private static final int THREADS = 16;
  private static final int RECENT = 16;

  static {
    // Without TCP_NODELAY, the JDK server's separate writes of headers and body meet the client's delayed
    // ACK, and every answer waits about 40 ms. Read once, when the JDK's server first starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final int port;
  private final EmulatorFaults faults;
  private final EmulatorPlatform platform;
  private final ObjectMapper json;
  private final List<String> received = new CopyOnWriteArrayList<>();
  /** The last {@link #RECENT} requests whole, newest last, so a benchmark can send one again itself. */
  private final Deque<EmulatorRequest> recent = new ArrayDeque<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private HttpServer server;
  private ExecutorService executor;

  /** Port 0 picks a free port. */
  public EmulatorServer(int port, EmulatorFaults faults, EmulatorPlatform platform, ObjectMapper json) {
    this.port = port;
    this.faults = faults;
    this.platform = platform;
    this.json = json;
  }

  public synchronized EmulatorServer start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    executor = Executors.newFixedThreadPool(THREADS);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
    return this;
  }

  /** Every request received so far, as "METHOD /path?query" with path and query decoded, oldest first. */
  public List<String> received() {
    return List.copyOf(received);
  }

  /** The last requests received (at most {@value #RECENT}) with headers and body, oldest first. */
  public List<EmulatorRequest> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  /** The most requests this server has worked on at once so far (at most its 16 threads). */
  public int mostInFlight() {
    return mostInFlight.get();
  }

  /** http://127.0.0.1:port, without a trailing slash. */
  public URI root() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void exchange(HttpExchange exchange) throws IOException {
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String query = exchange.getRequestURI().getQuery();
      received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
          + (query == null ? "" : "?" + query));
      EmulatorFaults.Fault fault = faults.next();
      if (fault instanceof EmulatorFaults.Dropped) {
        return; // closing an exchange that sent no headers closes the connection without a response
      }
      if (fault instanceof EmulatorFaults.Delayed delayed) {
        sleep(delayed.delay().toMillis());
      }
      EmulatorResponse response = answer(fault, exchange, body);
      if (fault instanceof EmulatorFaults.AppliedThenLost lost) {
        if (lost.dropped()) {
          return;
        }
        response = platform.serverError();
      }
      send(exchange, response);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private EmulatorResponse answer(EmulatorFaults.Fault fault, HttpExchange exchange, byte[] body) {
    if (fault instanceof EmulatorFaults.RateLimited limited) {
      return platform.rateLimited(limited.retryAfterSeconds());
    }
    if (fault instanceof EmulatorFaults.ServerError) {
      return platform.serverError();
    }
    if (fault instanceof EmulatorFaults.Canned canned) {
      return canned.response();
    }
    try {
      URI uri = root().resolve(exchange.getRequestURI());
      EmulatorRequest request = EmulatorRequest.of(exchange.getRequestMethod(), uri, exchange.getRequestHeaders(), body);
      remember(request);
      return platform.answer(request);
    } catch (EmulatorError error) {
      return error.response();
    } catch (RuntimeException unexpected) {
      return platform.serverError();
    }
  }

  private void remember(EmulatorRequest request) {
    synchronized (recent) {
      recent.addLast(request);
      if (recent.size() > RECENT) {
        recent.removeFirst();
      }
    }
  }

  private void send(HttpExchange exchange, EmulatorResponse response) throws IOException {
    response.headers().forEach(exchange.getResponseHeaders()::add);
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = json.writeValueAsBytes(response.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }
}
