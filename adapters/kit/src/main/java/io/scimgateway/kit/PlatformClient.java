package io.scimgateway.kit;

import com.unboundid.scim2.common.exceptions.ScimException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one HTTP client of every remote adapter: connect and read timeouts, a bounded number of calls in
 * flight per platform, and retries with exponential backoff and jitter that honour {@code Retry-After}.
 *
 * <p>What is retried: a call that never reached the platform (connection refused or timed out), and a
 * {@code 429}, which means the platform did not process it, whatever the method; a {@code 5xx} or a
 * failure mid-request only for idempotent calls, since a retried POST could create twice. A call that
 * still fails is answered with the SCIM error {@link PlatformErrors} gives it. Thread-safe.
 */
public final class PlatformClient {

  private final PlatformClientSettings settings;
  private final PlatformErrors errors;
  private final HttpClient http;
  private final Semaphore inFlight;
  private final RetryDelay delay;

  public PlatformClient(PlatformClientSettings settings, PlatformErrors errors) {
    this.settings = settings;
    this.errors = errors;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .build();
    this.inFlight = new Semaphore(settings.maxInFlight(), true);
    this.delay = new RetryDelay(settings.initialBackoff(), settings.maxBackoff());
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

  public PlatformErrors errors() {
    return errors;
  }

  /** Sends a call with retries and returns the last answer, successful or not. */
  public PlatformResponse exchange(PlatformRequest request) throws ScimException {
    RetryPolicy<PlatformResponse> retries = RetryPolicy.<PlatformResponse>builder()
        .handleResultIf(response -> response.status() == 429
            || (response.status() >= 500 && request.idempotent()))
        .handleIf((response, failure) -> failure != null && retryable(failure, request))
        .withDelayFn(context -> delay.after(context.getAttemptCount(), context.getLastResult()))
        .withMaxRetries(settings.maxRetries())
        .build();
    try {
      return Failsafe.with(retries).get(() -> once(request));
    } catch (FailsafeException e) {
      // Failsafe carries the last attempt's checked exception as the cause.
      throw failure(e.getCause());
    }
  }

  private PlatformResponse once(PlatformRequest request) throws IOException, InterruptedException,
      ScimException {
    if (!inFlight.tryAcquire(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
      throw errors.busy();
    }
    try {
      HttpResponse<String> response = http.send(build(request), HttpResponse.BodyHandlers.ofString());
      return new PlatformResponse(response.statusCode(), lowerCase(response.headers().map()),
          response.body());
    } finally {
      inFlight.release();
    }
  }

  private HttpRequest build(PlatformRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(settings.baseUri().resolve(
            stripLeadingSlash(settings.baseUri().getPath(), request.path())))
        .timeout(settings.readTimeout())
        .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body()));
    settings.defaultHeaders().forEach(builder::header);
    request.headers().forEach(builder::header);
    if (request.body() != null) {
      builder.header("Content-Type", "application/json");
    }
    return builder.build();
  }

  /** A path relative to the base URL's own path ({@code https://host/v1} + {@code /users}). */
  private static String stripLeadingSlash(String basePath, String path) {
    String base = basePath == null || basePath.isEmpty() ? "/" : basePath;
    String prefix = base.endsWith("/") ? base : base + "/";
    return prefix + (path.startsWith("/") ? path.substring(1) : path);
  }

  private static boolean retryable(Throwable failure, PlatformRequest request) {
    boolean neverSent = failure instanceof ConnectException
        || failure instanceof HttpConnectTimeoutException;
    return neverSent || (request.idempotent() && failure instanceof IOException);
  }

  private ScimException failure(Throwable cause) {
    if (cause instanceof ScimException scim) {
      return scim;
    }
    if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
      return errors.timeout();
    }
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return errors.unreachable();
  }

  private static Map<String, List<String>> lowerCase(
      Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new HashMap<>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
    return lower;
  }
}
