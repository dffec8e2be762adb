package io.scimgateway.emulator.zidentity;

import java.time.Duration;

/**
 * How a {@link ZidEmulator} behaves where a test may want it to differ: the one API client it knows, the lifetime of
 * its tokens, how it answers a user create, and its rate limit (requests per window, on the admin API).
 *
 * @param createAnswer 201 with the user as recorded, or 202 as the vendor's reference lists (open question 5)
 */
public record ZidSettings(String clientId, String clientSecret, Duration tokenLifetime, CreateAnswer createAnswer,
    int requestsPerWindow, Duration rateWindow) {

  /** What POST /users answers. */
  public enum CreateAnswer {
    /** 201 with the full user, as observed. */
    CREATED,
    /** 202 with the full user. */
    ACCEPTED,
    /** 202 with no body: the client has to find the user by loginName. */
    ACCEPTED_EMPTY
  }

  /** Observed token lifetime: expires_in was 83999 right after issue. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(84_000);
  /** Observed admin API limit: x-ratelimit-limit "500, 500;w=1, ...". */
  public static final int DEFAULT_REQUESTS_PER_WINDOW = 500;
  public static final Duration DEFAULT_RATE_WINDOW = Duration.ofSeconds(1);

  public ZidSettings {
    if (rateWindow.toMillis() % 1000 != 0 || rateWindow.isZero()) {
      throw new IllegalArgumentException("the rate window is reported in whole seconds");
    }
  }

  public static ZidSettings of(String clientId, String clientSecret) {
    return new ZidSettings(clientId, clientSecret, DEFAULT_TOKEN_LIFETIME, CreateAnswer.CREATED,
        DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_RATE_WINDOW);
  }

  public ZidSettings withTokenLifetime(Duration lifetime) {
    return new ZidSettings(clientId, clientSecret, lifetime, createAnswer, requestsPerWindow, rateWindow);
  }

  public ZidSettings withCreateAnswer(CreateAnswer answer) {
    return new ZidSettings(clientId, clientSecret, tokenLifetime, answer, requestsPerWindow, rateWindow);
  }

  public ZidSettings withRateLimit(int requests, Duration window) {
    return new ZidSettings(clientId, clientSecret, tokenLifetime, createAnswer, requests, window);
  }
}
