package io.scimgateway.gateway;

import io.scimgateway.gateway.audit.AuditRetention;
import io.scimgateway.gateway.auth.BearerAuthenticator;
import io.scimgateway.gateway.auth.TokenStore;
import io.scimgateway.gateway.config.AuthenticatorFactory;
import io.scimgateway.gateway.config.GatewayConfig;
import io.scimgateway.gateway.config.ResetSinkFactory;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.ResourceServices;
import io.scimgateway.gateway.core.password.ResetSink;
import io.scimgateway.gateway.health.HealthHandlers;
import io.scimgateway.gateway.health.Readiness;
import io.scimgateway.gateway.http.CleartextHttp2UpgradeAddOn;
import io.scimgateway.gateway.http.ClientErrorKeepAliveAddOn;
import io.scimgateway.gateway.http.GatewayApplication;
import io.scimgateway.gateway.metrics.GatewayMetrics;
import io.scimgateway.gateway.metrics.MetricsHandler;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.ReadConcurrency;
import io.scimgateway.spi.RequestConcurrency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * A running gateway: the backend opened, the HTTP server listening. Built from configuration only, so
 * tests start exactly what {@code java -jar} starts.
 */
public final class GatewayServer implements AutoCloseable {

  private final HttpServer http;
  private final Backend backend;
  private final String basePath;
  private final GatewayMetrics metrics;
  private final Optional<AuditRetention> retention;

  private GatewayServer(HttpServer http, Backend backend, String basePath, GatewayMetrics metrics,
      Optional<AuditRetention> retention) {
    this.http = http;
    this.backend = backend;
    this.basePath = basePath;
    this.metrics = metrics;
    this.retention = retention;
  }

  /**
   * Opens the backend and starts listening.
   *
   * @param plainToken a static token in plain text ({@code SCIM_GATEWAY_TOKEN}), or null
   * @throws IllegalArgumentException when the configuration is unusable, with a message that says why
   */
  public static GatewayServer start(GatewayConfig config, String plainToken) {
    return start(config, plainToken, System::getenv);
  }

  /**
   * Opens the backend and starts listening, reading the environment variables the configuration names
   * (such as the reset webhook's secret) through {@code environment}.
   */
  public static GatewayServer start(GatewayConfig config, String plainToken,
      UnaryOperator<String> environment) {
    BearerAuthenticator authenticator = AuthenticatorFactory.create(config.auth(), plainToken,
        new TokenStore(config.data(), Clock.systemUTC()));
    if (!authenticator.hasAnyCredential()) {
      throw new IllegalArgumentException("No bearer token is configured, and the gateway does not "
          + "serve unauthenticated. Run 'scim-gateway token create', set the environment variable "
          + AuthenticatorFactory.TOKEN_VARIABLE + " to a long random token, list SHA-256 hashes "
          + "under auth.tokens, or configure auth.jwt.");
    }
    SchemaRegistry registry = SchemaRegistry.load();
    GatewayLimits limits = config.limits().toGatewayLimits();
    ResetSink resetSink = ResetSinkFactory.create(config.passwordReset(), config.data(),
        environment);
    GatewayMetrics metrics = new GatewayMetrics(config.metrics().enabled());
    Backend backend;
    try {
      backend = Backends.open(config, registry);
    } catch (RuntimeException e) {
      metrics.close();
      throw e;
    }
    try {
      SchemaRegistry served = Backends.servedSchemas(registry, backend);
      ResourceServices services = new ResourceServices(served, backend, limits,
          config.compatibility().toClientCompatibility(), resetSink, config.audit().enabled());
      GatewayApplication application = new GatewayApplication(config.server().basePath(), served,
          services, limits, authenticator, metrics);
      URI listen = URI.create("http://" + hostForUri(config.server().bind()) + ":"
          + config.server().port() + "/");
      HttpServer http = GrizzlyHttpServerFactory.createHttpServer(listen, application, false);
      http.getListeners().forEach(listener -> {
        listener.registerAddOn(new ClientErrorKeepAliveAddOn());
        listener.registerAddOn(new CleartextHttp2UpgradeAddOn());
        backend.capability(RequestConcurrency.class).ifPresent(concurrency ->
            workAtOnce(listener.getTransport().getWorkerThreadPoolConfig(), concurrency.requests()));
      });
      addOperationsHandlers(http, config, backend, metrics);
      http.start();
      return new GatewayServer(http, backend, config.server().basePath(), metrics,
          AuditRetention.start(services.auditTrail(), config.audit().retention()));
    } catch (IOException e) {
      metrics.close();
      backend.close();
      throw new UncheckedIOException("Cannot listen on " + config.server().bind() + ":"
          + config.server().port() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      metrics.close();
      backend.close();
      throw e;
    }
  }

  /**
   * Health and metrics, beside the SCIM application: outside its base path and its tokens, routed by
   * one handler in front of it ({@link OperationsRouting}).
   */
  private static void addOperationsHandlers(HttpServer http, GatewayConfig config, Backend backend,
      GatewayMetrics metrics) {
    ServerConfiguration server = http.getServerConfiguration();
    HttpHandler scim = server.getHttpHandlers().keySet().iterator().next();
    Map<String, HttpHandler> byPath = new HashMap<>();
    byPath.put("/health/live", HealthHandlers.live());
    byPath.put("/health/ready", HealthHandlers.ready(new Readiness(backend)));
    if (config.metrics().enabled()) {
      byPath.put("/metrics", new MetricsHandler(metrics, config.metrics().tokenHash()));
    }
    server.removeHttpHandler(scim);
    HttpHandler admitted = backend.capability(ReadConcurrency.class)
        .<HttpHandler>map(reads -> new ReadAdmission(scim, reads.reads())).orElse(scim);
    server.addHttpHandler(new OperationsRouting(admitted, byPath));
  }

  /**
   * Lets the HTTP server work on {@code requests} at once where that is more than its default (two
   * per core): a remote backend's requests wait on the platform, and with the default a gateway on two
   * cores would have four platform calls in flight at most, whatever the backend allows.
   */
  static void workAtOnce(ThreadPoolConfig workers, int requests) {
    if (requests > workers.getMaxPoolSize()) {
      workers.setMaxPoolSize(requests).setCorePoolSize(requests);
    }
  }

  /** The port actually listened on (useful with port 0). */
  public int port() {
    return http.getListeners().iterator().next().getPort();
  }

  /** The SCIM base URL, e.g. {@code http://127.0.0.1:8080/scim/v2}. */
  public URI baseUri() {
    String host = hostForUri(http.getListeners().iterator().next().getHost());
    String path = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    return URI.create("http://" + host + ":" + port() + path);
  }

  /** Stops accepting connections, lets requests in flight finish (up to 30 s), then closes the backend. */
  @Override
  public void close() {
    try {
      http.shutdown(30, TimeUnit.SECONDS).get(35, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      http.shutdownNow();
    } catch (ExecutionException | TimeoutException e) {
      http.shutdownNow();
    } finally {
      retention.ifPresent(AuditRetention::close);
      backend.close();
      metrics.close();
    }
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
