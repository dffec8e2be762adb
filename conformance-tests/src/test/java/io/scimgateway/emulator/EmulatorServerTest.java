package io.scimgateway.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared server over a stub platform: request parsing, fault order, delays, drops, and error answers. */
class EmulatorServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Echoes the request; "/error" throws a platform error, "/boom" fails unexpectedly. */
  private static final class EchoPlatform implements EmulatorPlatform {

    final AtomicInteger answered = new AtomicInteger();

    @Override
    public EmulatorResponse answer(EmulatorRequest request) {
      answered.incrementAndGet();
      if (request.segments().equals(List.of("error"))) {
        throw new EmulatorError("teapot") {
          @Override
          public EmulatorResponse response() {
            return new EmulatorResponse(418, JsonNodeFactory.instance.textNode("teapot"), Map.of("X-Kind", "error"));
          }
        };
      }
      if (request.segments().equals(List.of("boom"))) {
        throw new IllegalStateException("unexpected");
      }
      ObjectNode echo = JsonNodeFactory.instance.objectNode();
      echo.putPOJO("segments", request.segments());
      request.query().forEach(parameter -> echo.withArray("query").add(parameter.name() + "=" + parameter.value()));
      request.form().forEach(parameter -> echo.withArray("form").add(parameter.name() + "=" + parameter.value()));
      echo.put("header", request.header("x-custom"));
      echo.put("uri", request.uri().toString());
      return EmulatorResponse.ok(echo);
    }

    @Override
    public EmulatorResponse rateLimited(int retryAfterSeconds) {
      return new EmulatorResponse(429, null, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    @Override
    public EmulatorResponse serverError() {
      return new EmulatorResponse(500, JsonNodeFactory.instance.textNode("server error"));
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EchoPlatform platform = new EchoPlatform();
  private final EmulatorFaults faults = new EmulatorFaults();
  private EmulatorServer server;

  @BeforeEach
  void start() throws IOException {
    server = new EmulatorServer(0, faults, platform, JSON).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.root() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void requestsArriveDecoded() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create(server.root() + "/a%20b/c:d?x%5Blike%5D=1%202&x=&flag"))
        .header("X-Custom", "yes").POST(HttpRequest.BodyPublishers.ofString("k=v%26w&e")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode echo = JSON.readTree(response.body());
    assertEquals(JSON.valueToTree(List.of("a b", "c:d")), echo.get("segments"));
    assertEquals(JSON.valueToTree(List.of("x[like]=1 2", "x=", "flag=")), echo.get("query"));
    assertEquals(JSON.valueToTree(List.of("k=v&w", "e=")), echo.get("form"));
    assertEquals("yes", echo.get("header").asText(), "header names are case-insensitive");
    assertTrue(echo.get("uri").asText().startsWith(server.root() + "/a%20b/c:d?"), "absolute URI");
  }

  @Test
  void faultsApplyOnePerRequestInQueueOrder() throws Exception {
    EmulatorResponse blocked = new EmulatorResponse(401, JsonNodeFactory.instance.textNode("blocked"));
    faults.rateLimitNext(1, 3).failNext(1).answerNext(1, blocked);
    assertEquals(3, faults.pending());
    HttpResponse<String> limited = get("/x");
    assertEquals(429, limited.statusCode());
    assertEquals("3", limited.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(500, get("/x").statusCode());
    assertEquals("\"blocked\"", get("/x").body());
    assertEquals(0, platform.answered.get(), "a fault answers in the platform's place");
    assertEquals(200, get("/x").statusCode());
    faults.failNext(5).clear();
    assertEquals(200, get("/x").statusCode());
  }

  @Test
  void aDelayedRequestIsAnsweredLate() throws Exception {
    faults.delayNext(1, Duration.ofMillis(400));
    long started = System.nanoTime();
    assertEquals(200, get("/x").statusCode());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 400);
    assertEquals(1, platform.answered.get());
  }

  @Test
  void aDroppedRequestGetsNoResponseAndIsNotAnswered() throws Exception {
    faults.dropNext(1);
    HttpRequest post = HttpRequest.newBuilder(URI.create(server.root() + "/x"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(); // the client would retry a GET
    assertThrows(IOException.class, () -> http.send(post, HttpResponse.BodyHandlers.ofString()));
    assertEquals(0, faults.pending());
    assertEquals(0, platform.answered.get());
  }

  @Test
  void anAppliedRequestCanLoseItsAnswer() throws Exception {
    faults.applyThenFailNext(1).applyThenDropNext(1);
    assertEquals(500, get("/x").statusCode());
    assertEquals(1, platform.answered.get(), "carried out, though the caller saw a 500");
    HttpRequest post = HttpRequest.newBuilder(URI.create(server.root() + "/x"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    assertThrows(IOException.class, () -> http.send(post, HttpResponse.BodyHandlers.ofString()));
    assertEquals(2, platform.answered.get(), "carried out, though the connection dropped");
  }

  @Test
  void errorsAreSentAsThePlatformShapesThem() throws Exception {
    HttpResponse<String> error = get("/error");
    assertEquals(418, error.statusCode());
    assertEquals("error", error.headers().firstValue("X-Kind").orElseThrow());
    assertEquals("\"server error\"", get("/boom").body());
    assertEquals(500, get("/boom").statusCode());
  }
}
