package io.scimgateway.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.exceptions.ScimException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client-credentials tokens from a real token endpoint on loopback, and their use by the client. */
class ClientCredentialsTokensTest {

  private StubPlatform tokenEndpoint;
  private StubPlatform api;
  private final MovableClock clock = new MovableClock();

  @BeforeEach
  void start() throws Exception {
    tokenEndpoint = new StubPlatform();
    api = new StubPlatform();
  }

  @AfterEach
  void stop() {
    tokenEndpoint.close();
    api.close();
  }

  @Test
  void twentyThreadsWithNoTokenCauseOneTokenRequest() throws Exception {
    tokenEndpoint.always(new StubPlatform.Answer(200, null, token("t1", 3600), 200));
    ClientCredentialsTokens tokens = tokens(Duration.ofSeconds(60));
    ExecutorService threads = Executors.newFixedThreadPool(20);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<String>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(threads.submit(() -> {
          go.await();
          return tokens.current();
        }));
      }
      go.countDown();
      for (Future<String> call : calls) {
        assertEquals("t1", call.get());
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(1, tokenEndpoint.requests());
    String form = tokenEndpoint.received().get(0).body();
    assertEquals(Set.of("grant_type=client_credentials", "client_id=gateway", "client_secret=s%26cret",
        "audience=https%3A%2F%2Fapi.example"), Set.of(form.split("&")));
  }

  @Test
  void replacesATokenAMarginBeforeItExpires() throws Exception {
    assertReplacedBetween(100, Duration.ofSeconds(30), Duration.ofSeconds(69), Duration.ofSeconds(71));
  }

  @Test
  void aShortLivedTokenIsKeptForHalfItsLifetime() throws Exception {
    // A margin longer than the lifetime must not refresh on every call.
    assertReplacedBetween(10, Duration.ofSeconds(60), Duration.ofSeconds(4), Duration.ofSeconds(6));
  }

  /** A token of this lifetime is still used at {@code kept} after issue and replaced by {@code replaced}. */
  private void assertReplacedBetween(long lifetime, Duration margin, Duration kept, Duration replaced)
      throws Exception {
    tokenEndpoint.then(StubPlatform.Answer.of(200, token("t1", lifetime)),
        StubPlatform.Answer.of(200, token("t2", lifetime)));
    ClientCredentialsTokens tokens = tokens(margin);
    assertEquals("t1", tokens.current());
    clock.advance(kept);
    assertEquals("t1", tokens.current());
    clock.advance(replaced.minus(kept));
    assertEquals("t2", tokens.current());
    assertEquals(2, tokenEndpoint.requests());
  }

  @Test
  void aRefusedTokenIsDroppedAndTheCallSentOnceMoreWithANewOne() throws Exception {
    tokenEndpoint.then(StubPlatform.Answer.of(200, token("t1", 3600)), StubPlatform.Answer.of(200, token("t2", 3600)));
    api.then(StubPlatform.Answer.of(401, "{}"), StubPlatform.Answer.of(201, "{\"id\":\"u1\"}"));
    PlatformClient client = PlatformClientTest.client(api.baseUri(), 0, tokens(Duration.ofSeconds(60)));
    PlatformResponse created = client.send(PlatformRequest.post("/users", "{}"));
    assertEquals(201, created.status(), "a 401 means unprocessed, so even a POST is sent again");
    assertEquals(List.of("Bearer t1", "Bearer t2"),
        api.received().stream().map(StubPlatform.Received::authorization).toList());
  }

  @Test
  void aSecondRefusalIsTheGatewaysCredentialsProblem() throws Exception {
    tokenEndpoint.always(StubPlatform.Answer.of(200, token("t", 3600)));
    api.always(StubPlatform.Answer.of(401, "{}"));
    PlatformClient client = PlatformClientTest.client(api.baseUri(), 3, tokens(Duration.ofSeconds(60)));
    ScimException failed = assertThrows(ScimException.class, () -> client.send(PlatformRequest.get("/users")));
    assertEquals(502, failed.getScimError().getStatus());
    assertEquals(2, api.requests(), "sent once more with a new token, not more");
  }

  @Test
  void aRefusedClientSecretIsA502ThatNamesTheSetting() throws Exception {
    tokenEndpoint.always(StubPlatform.Answer.of(401, "{\"error\":\"invalid_client\"}"));
    ScimException failed = assertThrows(ScimException.class, () -> tokens(Duration.ofSeconds(60)).current());
    assertEquals(502, failed.getScimError().getStatus());
    assertTrue(failed.getScimError().getDetail().contains("backend.apiKeyEnv"));
  }

  @Test
  void aTokenResponseWithoutTokenIsUnreadable() throws Exception {
    tokenEndpoint.always(StubPlatform.Answer.of(200, "{\"token_type\":\"Bearer\"}"));
    ScimException failed = assertThrows(ScimException.class, () -> tokens(Duration.ofSeconds(60)).current());
    assertEquals(502, failed.getScimError().getStatus());
    assertTrue(failed.getScimError().getDetail().contains("access_token"));
  }

  private ClientCredentialsTokens tokens(Duration margin) {
    URI endpoint = URI.create(tokenEndpoint.baseUri() + "/oauth2/v1/token");
    // Patient timeouts: a token request timed out on a loaded machine and retried would take the
    // next scripted token.
    return new ClientCredentialsTokens(
        PlatformClientTest.client(endpoint, 1, null, PlatformClientTest.PATIENT), "gateway", "s&cret",
        "https://api.example", margin, clock);
  }

  private static String token(String token, long expiresIn) {
    return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
  }

  /** A clock tests move forward by hand. */
  private static final class MovableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
