package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.GatewayServer;
import io.scimgateway.gateway.config.AuthenticatorFactory;
import io.scimgateway.gateway.config.GatewayConfig;
import io.scimgateway.gateway.logging.LogSetup;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: starts the gateway and keeps it running until SIGTERM. The default command. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve SCIM (the default when no command is given).")
public final class ServeCommand implements Callable<Integer> {

  @Mixin
  ServeOptions options = new ServeOptions();

  @Override
  public Integer call() throws InterruptedException {
    return serve(options);
  }

  /** Starts the gateway with {@code options}, prints the first token if it made one, and waits. */
  static int serve(ServeOptions options) throws InterruptedException {
    GatewayConfig config = options.effectiveConfig();
    LogSetup.apply(config.logging());
    String plainToken = System.getenv(AuthenticatorFactory.TOKEN_VARIABLE);
    FirstStartToken.ifNeeded(config, plainToken, System.out);
    GatewayServer server;
    try {
      server = GatewayServer.start(config, plainToken);
    } catch (RuntimeException e) {
      System.err.println("scim-gateway cannot start: " + e.getMessage());
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        System.err.println("  caused by: " + cause.getMessage());
      }
      return ExitCodes.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // Printed, not logged: the logging system may already be stopped by its own shutdown hook.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("scim-gateway: shutting down, finishing requests in flight");
      server.close();
      System.err.println("scim-gateway: stopped");
      stopped.countDown();
    }, "scim-gateway-shutdown"));
    Logger log = LoggerFactory.getLogger("io.scimgateway");
    log.info("Serving SCIM at {} (send 'Authorization: Bearer <token>')", server.baseUri());
    stopped.await();
    return ExitCodes.OK;
  }
}
