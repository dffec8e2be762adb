package io.scimgateway.gateway.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One gateway's meters, in Prometheus form. The registry joins Micrometer's global registry while
 * the gateway runs, so that what the adapters and the connection pool record there (backend calls,
 * retries, rate-limit waits, pool use) is served too. Not recording ({@code metrics.enabled:
 * false}), it measures nothing: the global registry stays without it and requests are not timed.
 * Thread-safe.
 */
public final class GatewayMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final boolean recording;
  /**
   * The request timers by endpoint, method and status, found once: building a timer's id and
   * looking it up in the registry on every request cost more than recording into it. Few keys,
   * since the endpoint label is one of a fixed set.
   */
  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();

  /** @param recording false: every meter is left out and {@link #request} does nothing */
  public GatewayMetrics(boolean recording) {
    this.recording = recording;
    if (!recording) {
      return;
    }
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Metrics.globalRegistry.add(registry);
  }

  /** One answered HTTP request. */
  public void request(String endpoint, String method, int status, long nanos) {
    if (!recording) {
      return;
    }
    String key = endpoint + ' ' + method + ' ' + status;
    Timer timer = requestTimers.get(key);
    if (timer == null) {
      timer = requestTimers.computeIfAbsent(key, k -> Timer.builder("scim_gateway_http_requests")
          .description("HTTP requests answered, by endpoint, method and status")
          .tag("endpoint", endpoint)
          .tag("method", method)
          .tag("status", String.valueOf(status))
          .publishPercentileHistogram()
          .register(registry));
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    Metrics.globalRegistry.remove(registry);
    gc.close();
    registry.close();
  }
}
