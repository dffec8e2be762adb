package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.Backends;
import io.scimgateway.gateway.config.GatewayConfig;
import io.scimgateway.gateway.health.Readiness;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.HealthCheck.HealthPart;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code backend check}: opens the configured backend, reads through it, and reports the latency and
 * what the backend supports. Exit 1 when a part fails.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Connect to the configured backend, run a read, report latency and capabilities.")
public final class BackendCheckCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions files = new ConfigOptions();

  @Override
  public Integer call() {
    GatewayConfig config = files.load();
    long started = System.nanoTime();
    try (Backend backend = Backends.open(config, SchemaRegistry.load())) {
      long opened = (System.nanoTime() - started) / 1_000_000;
      System.out.println("backend " + config.backendType() + ": opened in " + opened + " ms");
      Readiness.Report report = new Readiness(backend).check();
      for (HealthPart part : report.parts()) {
        System.out.println("  " + (part.up() ? "ok    " : "FAILED") + " " + part.name() + ": "
            + part.detail());
      }
      System.out.println("supports:");
      BackendCapabilities.describe(backend).forEach(line -> System.out.println("  " + line));
      return report.up() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
  }
}
