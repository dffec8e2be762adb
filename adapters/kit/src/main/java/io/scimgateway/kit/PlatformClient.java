package io.scimgateway.kit;

import com.unboundid.scim2.common.exceptions.ScimException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * The one HTTP client of every remote adapter: connect and read timeouts, a bounded number of calls in
 * flight per platform, retries with exponential backoff and jitter that honour {@code Retry-After}, a
 * pause when {@code x-ratelimit-remaining} reaches 0 ({@link RateLimitPause}), and, for platforms with
 * short-lived tokens, a bearer token on every call ({@link BearerTokens}).
 *
 * <p>What is retried: a call that never reached the platform (connection refused or timed out), and a
 * {@code 429}, which means the platform did not process it, whatever the method; a {@code 5xx} or a
 * failure mid-request only for idempotent calls, since a retried POST could create twice. A
 * {@code 401} to a call with a bearer token drops that token and the call is sent once more with a
 * new one: the platform refused it unprocessed, whatever the method. A call that still fails is
 * answered with the SCIM error {@link PlatformErrors} gives it. Thread-safe.
 */
public final class PlatformClient {

  private static final String AUTHORIZATION = "Authorization";
  private static final String BEARER = "Bearer ";
  private static final String CONTENT_TYPE = "Content-Type";
  private static final int UNAUTHORIZED = 401;

  private final PlatformClientSettings settings;
  private final PlatformErrors errors;
  private final PlatformTransport transport;
  private final Semaphore inFlight;
  private final RetryDelay delay;
  private final RateLimitPause rateLimit;
  private final BearerTokens tokens;
  private final PlatformMetrics metrics;

  public PlatformClient(PlatformClientSettings settings, PlatformErrors errors) {
    this(settings, errors, null);
  }

  /** A client that sends {@code Authorization: Bearer} with a token from {@code tokens} on every call. */
  public PlatformClient(PlatformClientSettings settings, PlatformErrors errors, BearerTokens tokens) {
    this.settings = settings;
    this.errors = errors;
    this.tokens = tokens;
    this.rateLimit = new RateLimitPause(settings.maxBackoff(), Clock.systemUTC());
    this.transport = new PlatformTransport(settings);
    this.inFlight = new Semaphore(settings.maxInFlight(), true);
    this.delay = new RetryDelay(settings.initialBackoff(), settings.maxBackoff());
    this.metrics = new PlatformMetrics(settings.platform());
  }

  /**
   * Sends a call and returns the platform's answer when it is successful or one of {@code expected}
   * (a 404 that means "not there", a 409 that means "already done"); other failures are SCIM
   * exceptions.
   */
  public PlatformResponse send(PlatformRequest request, int... expected) throws ScimException {
    PlatformResponse response = exchange(request);
    for (int status : expected) {
      if (response.status() == status) {
        return response;
      }
    }
    if (!response.successful()) {
      throw errors.translate(response);
    }
    return response;
  }

  /**
   * Sends a call that removes what a failed write left half-done (a user created before its
   * password was refused), so that the client's retry starts clean. Its own failure is left
   * unreported: the failed write's error is the one the client needs.
   */
  public void undo(PlatformRequest request) {
    try {
      exchange(request);
    } catch (ScimException ignored) {
      // See above.
    }
  }

  public PlatformErrors errors() {
    return errors;
  }

  /** Sends a call with retries and returns the last answer, successful or not. */
  public PlatformResponse exchange(PlatformRequest request) throws ScimException {
    if (tokens == null) {
      return withRetries(request);
    }
    String token = tokens.current();
    PlatformResponse response = withRetries(request.withHeader(AUTHORIZATION, BEARER + token));
    if (response.status() != UNAUTHORIZED) {
      return response;
    }
    // Expired early, revoked, or the platform's "Resource Access Blocked": once more, with a new token.
    tokens.invalidate(token);
    return withRetries(request.withHeader(AUTHORIZATION, BEARER + tokens.current()));
  }

  /**
   * Sends a call built again for each attempt ({@link PlatformAttempts}), with the retries of {@link #exchange}: the
   * first request decides whether the call is idempotent. Returns the last answer, successful or not. No bearer token.
   */
  public PlatformResponse exchange(PlatformAttempts attempts) throws ScimException {
    PlatformRequest first = attempts.next(null);
    return withRetries(first, attempts);
  }

  private PlatformResponse withRetries(PlatformRequest request) throws ScimException {
    return withRetries(request, previous -> request);
  }

  private PlatformResponse withRetries(PlatformRequest first, PlatformAttempts attempts)
      throws ScimException {
    RetryPolicy<PlatformResponse> retries = RetryPolicy.<PlatformResponse>builder()
        .handleResultIf(response -> response.status() == 429 || attempts.limited(response)
            || (response.status() >= 500 && first.idempotent()))
        .handleIf((response, failure) -> failure != null && retryable(failure, first))
        .withDelayFn(context -> delay.after(context.getAttemptCount(), context.getLastResult()))
        .withMaxRetries(settings.maxRetries())
        .onRetry(event -> metrics.retry(first))
        .build();
    try {
      return Failsafe.with(retries).get(context -> once(context.isFirstAttempt() ? first
          : attempts.next(context.getLastResult())));
    } catch (FailsafeException e) {
      // Failsafe carries the last attempt's checked exception as the cause.
      throw failure(e.getCause());
    }
  }

  private PlatformResponse once(PlatformRequest request) throws IOException, InterruptedException,
      ScimException {
    long waited = rateLimit.awaitTurn(); // before taking a slot, so a pause holds none
    if (waited > 0) {
      metrics.rateLimitWait(waited);
    }
    if (!inFlight.tryAcquire(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
      throw errors.busy();
    }
    long started = System.nanoTime();
    int status = 0;
    try {
      PlatformResponse answer = transport.send(request);
      status = answer.status();
      rateLimit.observe(answer);
      return answer;
    } finally {
      inFlight.release();
      metrics.call(request, status, System.nanoTime() - started);
    }
  }

  private static boolean retryable(Throwable failure, PlatformRequest request) {
    boolean neverSent = failure instanceof ConnectException
        || failure instanceof ConnectTimeoutException;
    return neverSent || (request.idempotent() && failure instanceof IOException);
  }

  private ScimException failure(Throwable cause) {
    if (cause instanceof ScimException scim) {
      return scim;
    }
    if (cause instanceof SocketTimeoutException) {
      return errors.timeout();
    }
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return errors.unreachable();
  }
}
