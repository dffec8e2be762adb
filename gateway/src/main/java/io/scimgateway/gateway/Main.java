package io.scimgateway.gateway;

import io.scimgateway.gateway.config.AuthenticatorFactory;
import io.scimgateway.gateway.config.ConfigLoader;
import io.scimgateway.gateway.config.GatewayConfig;
import io.scimgateway.gateway.sync.SyncCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: reads flags and configuration, starts the gateway, stops it on SIGTERM. */
@Command(name = "scim-gateway", mixinStandardHelpOptions = true, version = "scim-gateway 0.1.0",
    subcommands = SyncCommand.class,
    description = "Serves SCIM 2.0 (RFC 7643/7644) from an embedded SQLite store or a remote platform.",
    footer = "%nAuthentication: set SCIM_GATEWAY_TOKEN to a long random token (or configure auth in "
        + "the config file); clients send it as 'Authorization: Bearer <token>'.")
public final class Main implements Callable<Integer> {

  /** The connection pool narrates every start and stop at INFO; only its problems matter here. */
  private static final Logger POOL_LOG = Logger.getLogger("com.zaxxer.hikari");

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
  private Path config;

  @Option(names = "--port", description = "Port to listen on (default 8080; 0 picks a free one).")
  private Integer port;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1).")
  private String bind;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default ./data).")
  private Path data;

  public static void main(String[] args) {
    System.setProperty("java.util.logging.SimpleFormatter.format",
        "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
    POOL_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    Logger log = Logger.getLogger("io.scimgateway");
    GatewayServer server;
    try {
      server = GatewayServer.start(effectiveConfig(), System.getenv(AuthenticatorFactory.TOKEN_VARIABLE));
    } catch (RuntimeException e) {
      System.err.println("scim-gateway cannot start: " + e.getMessage());
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        System.err.println("  caused by: " + cause.getMessage());
      }
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // Printed, not logged: java.util.logging resets its handlers in its own shutdown hook.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("scim-gateway: shutting down, finishing requests in flight");
      server.close();
      System.err.println("scim-gateway: stopped");
      stopped.countDown();
    }, "scim-gateway-shutdown"));
    log.info("Serving SCIM at " + server.baseUri() + " (send 'Authorization: Bearer <token>')");
    stopped.await();
    return 0;
  }

  private GatewayConfig effectiveConfig() {
    GatewayConfig loaded = config == null ? GatewayConfig.defaults() : ConfigLoader.load(config);
    GatewayConfig.Server server = loaded.server();
    if (port != null) {
      server = server.withPort(port);
    }
    if (bind != null) {
      server = server.withBind(bind);
    }
    GatewayConfig effective = loaded.withServer(server);
    return data == null ? effective : effective.withData(data);
  }
}
