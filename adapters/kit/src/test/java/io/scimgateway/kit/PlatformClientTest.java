package io.scimgateway.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit's client against a real HTTP server on loopback: retries, timeouts, limits, errors. */
class PlatformClientTest {

  /** Timeouts for tests of something else, which a loaded machine never reaches. */
  static final Duration PATIENT = Duration.ofSeconds(10);

  private StubPlatform platform;

  @BeforeEach
  void start() throws Exception {
    platform = new StubPlatform();
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  @Test
  void retriesA429AfterItsRetryAfter() throws Exception {
    platform.then(new StubPlatform.Answer(429, "1", "{}", 0), StubPlatform.Answer.of(200, "{\"ok\":1}"));
    long start = System.nanoTime();
    PlatformResponse response = client(platform.baseUri(), 3).send(PlatformRequest.post("/users", "{}"));
    long waited = (System.nanoTime() - start) / 1_000_000;
    assertEquals("{\"ok\":1}", response.body());
    assertEquals(2, platform.requests(), "a 429 was not processed, so even a POST is sent again");
    assertTrue(waited >= 900, "Retry-After: 1 was honoured, waited " + waited + " ms");
  }

  @Test
  void attemptsAreBuiltAgainAndBodyRateLimitsAreRetried() throws Exception {
    platform.then(StubPlatform.Answer.of(200, "{\"limited\":true}"), StubPlatform.Answer.of(503, "{}"),
        StubPlatform.Answer.of(200, "{\"ok\":1}"));
    List<String> sent = new ArrayList<>();
    PlatformResponse response = client(platform.baseUri(), 3).exchange(new PlatformAttempts() {
      @Override
      public PlatformRequest next(PlatformResponse previous) {
        String body = "{\"n\":" + sent.size() + (previous == null ? "" : ",\"after\":" + previous.status()) + "}";
        sent.add(body);
        return PlatformRequest.post("/rpc", body).asIdempotent();
      }

      @Override
      public boolean limited(PlatformResponse answer) {
        return answer.body().contains("limited");
      }
    });
    assertEquals("{\"ok\":1}", response.body());
    assertEquals(List.of("{\"n\":0}", "{\"n\":1,\"after\":200}", "{\"n\":2,\"after\":503}"), sent);
    assertEquals(3, platform.requests());
  }

  @Test
  void retriesServerErrorsOnlyForIdempotentCalls() throws Exception {
    platform.then(StubPlatform.Answer.of(503, "{}"), StubPlatform.Answer.of(200, "{}"));
    client(platform.baseUri(), 3).send(PlatformRequest.get("/users/1"));
    assertEquals(2, platform.requests());

    platform.always(StubPlatform.Answer.of(500, "{\"message\":\"boom\"}"));
    ScimException failed = assertThrows(ScimException.class,
        () -> client(platform.baseUri(), 3).send(PlatformRequest.post("/users", "{}")));
    assertEquals(3, platform.requests(), "a POST that may have been applied is not repeated");
    assertEquals(502, failed.getScimError().getStatus());
  }

  @Test
  void givesUpAfterMaxRetries() {
    platform.always(StubPlatform.Answer.of(503, "{}"));
    ScimException failed = assertThrows(ScimException.class,
        () -> client(platform.baseUri(), 2).send(PlatformRequest.get("/users")));
    assertEquals(3, platform.requests(), "one attempt and two retries");
    assertEquals(502, failed.getScimError().getStatus());
  }

  @Test
  void aSlowPlatformIs504() {
    platform.always(new StubPlatform.Answer(200, null, "{}", 1_500));
    ScimException failed = assertThrows(ScimException.class,
        () -> client(platform.baseUri(), 1).send(PlatformRequest.get("/users")));
    assertEquals(504, failed.getScimError().getStatus());
  }

  @Test
  void anUnreachablePlatformIs502AndNamesTheHost() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ScimException failed = assertThrows(ScimException.class, () -> client(
        URI.create("http://127.0.0.1:" + closedPort + "/v1"), 2).send(PlatformRequest.post("/users", "{}")));
    assertEquals(502, failed.getScimError().getStatus());
    assertTrue(failed.getScimError().getDetail().contains("127.0.0.1"));
  }

  @Test
  void boundsTheCallsInFlight() throws Exception {
    // The platform holds its answers until two calls reach it, so the other six are sure to wait for
    // a slot, however slowly the threads are scheduled; timeouts are long enough never to interfere.
    platform.hold();
    PlatformClient client = client(platform.baseUri(), 0, null, PATIENT);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<PlatformResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(callers.submit(() -> client.send(PlatformRequest.get("/users"))));
      }
      awaitInFlight(2);
      Thread.sleep(100); // a client without the bound would send the others meanwhile
      assertEquals(2, platform.requests(), "calls beyond the two slots reached the platform");
      platform.release();
      for (Future<PlatformResponse> call : calls) {
        assertEquals(200, call.get(30, TimeUnit.SECONDS).status());
      }
    } finally {
      platform.release();
      callers.shutdownNow();
    }
    assertEquals(8, platform.requests());
    assertEquals(2, platform.maxInFlight());
  }

  private void awaitInFlight(int calls) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENT.toNanos();
    while (platform.inFlight() < calls && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(calls, platform.inFlight());
  }

  @Test
  void translatesFailuresWithoutLeakingBodies() {
    String secretBody = "{\"message\":\"Invalid email\",\"key\":\"sk-secret\"}";
    assertFailure(400, secretBody, 400, "invalidValue", "Invalid email");
    assertFailure(404, "{\"message\":\"User not found\"}", 404, null, "User not found");
    assertFailure(409, "{\"message\":\"exists\"}", 409, "uniqueness", "exists");
    assertFailure(401, "{\"message\":\"bad key sk-secret\"}", 502, null, "backend.apiKeyEnv");
  }

  private void assertFailure(int platformStatus, String body, int status, String scimType,
      String detailPart) {
    platform.then(StubPlatform.Answer.of(platformStatus, body));
    ScimException failed = assertThrows(ScimException.class,
        () -> client(platform.baseUri(), 0).send(PlatformRequest.get("/users/x")));
    assertEquals(status, failed.getScimError().getStatus());
    assertEquals(scimType, failed.getScimError().getScimType());
    assertTrue(failed.getScimError().getDetail().contains(detailPart), failed.getScimError().getDetail());
    assertFalse(failed.getScimError().getDetail().contains("sk-secret"));
  }

  @Test
  void waitsForTheResetWhenTheRateLimitIsUsedUp() throws Exception {
    platform.then(StubPlatform.Answer.of(200, "{}").withHeader("x-ratelimit-remaining", "0, 19990;w=60")
        .withHeader("x-ratelimit-reset", "1"));
    PlatformClient client = client(platform.baseUri(), 0);
    client.send(PlatformRequest.get("/users"));
    client.send(PlatformRequest.get("/users"));
    List<StubPlatform.Received> received = platform.received();
    long gap = (received.get(1).atNanos() - received.get(0).atNanos()) / 1_000_000;
    assertTrue(gap >= 900, "the second call waited for the window to reset, waited " + gap + " ms");
  }

  @Test
  void doesNotWaitWhileRequestsRemain() throws Exception {
    platform.always(StubPlatform.Answer.of(200, "{}").withHeader("x-ratelimit-remaining", "3")
        .withHeader("x-ratelimit-reset", "5"));
    PlatformClient client = client(platform.baseUri(), 0);
    long start = System.nanoTime();
    client.send(PlatformRequest.get("/users"));
    client.send(PlatformRequest.get("/users"));
    assertTrue((System.nanoTime() - start) / 1_000_000 < 900);
  }

  @Test
  void readsTheResetAsDelayOrUnixTimeAndCountsListsByTheirSmallest() {
    java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
    RateLimitPause pause = new RateLimitPause(Duration.ofSeconds(10),
        java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    assertEquals(Duration.ofSeconds(7), pause.untilReset(7));
    assertEquals(Duration.ofSeconds(7), pause.untilReset(now.getEpochSecond() + 7));
    assertEquals(Duration.ZERO, pause.untilReset(now.getEpochSecond() - 7));
    assertEquals(java.util.Optional.of(0L), RateLimitPause.smallest("500, 0;w=1, 20000;w=60"));
    assertEquals(java.util.Optional.empty(), RateLimitPause.smallest("unknown"));
  }

  static PlatformClient client(URI base, int maxRetries) {
    return client(base, maxRetries, null);
  }

  static PlatformClient client(URI base, int maxRetries, BearerTokens tokens) {
    return client(base, maxRetries, tokens, Duration.ofMillis(700));
  }

  /** A client whose calls time out after {@code readTimeout}, each waiting as long for a slot. */
  static PlatformClient client(URI base, int maxRetries, BearerTokens tokens, Duration readTimeout) {
    PlatformClientSettings settings = new PlatformClientSettings("Platform", "backend.apiKeyEnv", base,
        Map.of("X-Api-Key", "sk-secret"), Duration.ofMillis(500), readTimeout, 2,
        maxRetries, Duration.ofMillis(50), Duration.ofSeconds(2));
    PlatformErrors errors = new PlatformErrors(settings, response -> {
      int at = response.body().indexOf("\"message\":\"");
      return at < 0 ? "" : response.body().substring(at + 11, response.body().indexOf('"', at + 11));
    });
    return new PlatformClient(settings, errors, tokens);
  }
}
