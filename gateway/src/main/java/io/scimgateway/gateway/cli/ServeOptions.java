package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.config.GatewayConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of {@code serve}, which are also the flags of the command without a subcommand. */
public final class ServeOptions {

  @Mixin
  ConfigOptions files = new ConfigOptions();

  @Option(names = "--port", description = "Port to listen on (default 8080; 0 picks a free one).")
  Integer port;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1).")
  String bind;

  /** The configuration file's settings with the flags laid over them. */
  GatewayConfig effectiveConfig() {
    GatewayConfig loaded = files.load();
    GatewayConfig.Server server = loaded.server();
    if (port != null) {
      server = server.withPort(port);
    }
    if (bind != null) {
      server = server.withBind(bind);
    }
    return loaded.withServer(server);
  }
}
