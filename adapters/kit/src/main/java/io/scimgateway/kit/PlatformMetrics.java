package io.scimgateway.kit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What one platform's calls cost, in Micrometer's global registry (the gateway exposes it at
 * {@code /metrics}): each HTTP call timed by platform, operation and outcome, retries counted, and
 * the time spent waiting for a rate limit to reset. The operation is the method and the path with
 * ids left out ({@code GET /users/{id}}), so that the number of series stays small. Thread-safe.
 */
final class PlatformMetrics {

  private static final Pattern WORD = Pattern.compile("[A-Za-z_:.-]{1,40}");

  private final String platform;
  private final MeterRegistry registry = Metrics.globalRegistry;
  /**
   * The call timers by operation and outcome, built once: building a timer's id and finding it in
   * the registry on every call cost more than recording into it. Few keys, since ids are left out
   * of the operation.
   */
  private final Map<String, Timer> callTimers = new ConcurrentHashMap<>();

  PlatformMetrics(String platform) {
    this.platform = platform.toLowerCase(Locale.ROOT);
  }

  /** One HTTP call, answered with {@code status} (0 when none came). */
  void call(PlatformRequest request, int status, long nanos) {
    String operation = operation(request);
    String outcome = outcome(status);
    Timer timer = callTimers.computeIfAbsent(operation + ' ' + outcome,
        key -> Timer.builder("scim_gateway_backend_calls")
        .description("Calls to the backend platform")
        .tag("platform", platform)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry));
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  void retry(PlatformRequest request) {
    Counter.builder("scim_gateway_backend_retries")
        .description("Calls to the backend platform sent again")
        .tag("platform", platform)
        .tag("operation", operation(request))
        .register(registry)
        .increment();
  }

  void rateLimitWait(long millis) {
    Timer.builder("scim_gateway_backend_rate_limit_waits")
        .description("Pauses until the platform's rate limit resets")
        .tag("platform", platform)
        .register(registry)
        .record(Duration.ofMillis(millis));
  }

  static String operation(PlatformRequest request) {
    String path = request.path();
    int query = path.indexOf('?');
    path = query < 0 ? path : path.substring(0, query);
    StringBuilder template = new StringBuilder(request.method()).append(' ');
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        template.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
      }
    }
    return template.toString();
  }

  private static String outcome(int status) {
    return status == 0 ? "no_answer" : (status / 100) + "xx";
  }
}
