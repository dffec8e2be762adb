package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.config.ConfigLoader;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --data}, which every command that reads the gateway's state takes. */
public final class ConfigOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
  Path config;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default ./data).")
  Path data;

  /** The configuration file's settings, with {@code --data} laid over them. */
  GatewayConfig load() {
    GatewayConfig loaded = config == null ? GatewayConfig.defaults() : ConfigLoader.load(config);
    return data == null ? loaded : loaded.withData(data);
  }
}
