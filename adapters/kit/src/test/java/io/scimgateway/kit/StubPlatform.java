package io.scimgateway.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on loopback that answers with scripted responses and counts what it saw. */
final class StubPlatform implements AutoCloseable {

  /** One scripted answer: status, optional Retry-After, body, a delay before answering, more headers. */
  record Answer(int status, String retryAfter, String body, long delayMillis, Map<String, String> headers) {
    Answer(int status, String retryAfter, String body, long delayMillis) {
      this(status, retryAfter, body, delayMillis, Map.of());
    }

    static Answer of(int status, String body) {
      return new Answer(status, null, body, 0);
    }

    Answer withHeader(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Answer(status, retryAfter, body, delayMillis, more);
    }
  }

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(16);
  private final Deque<Answer> script = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Answer fallback = Answer.of(200, "{}");
  private volatile CountDownLatch gate = new CountDownLatch(0);

  StubPlatform() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  synchronized void then(Answer... answers) {
    script.addAll(List.of(answers));
  }

  void always(Answer answer) {
    fallback = answer;
  }

  int requests() {
    return requests.get();
  }

  /** One request as it arrived: its Authorization header (or null) and body. */
  record Received(String authorization, String body, long atNanos) {
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Requests from now on are answered only after {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime()));
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      gate.await();
      Answer answer;
      synchronized (this) {
        answer = script.isEmpty() ? fallback : script.poll();
      }
      if (answer.delayMillis() > 0) {
        Thread.sleep(answer.delayMillis());
      }
      answer.headers().forEach(exchange.getResponseHeaders()::add);
      if (answer.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
