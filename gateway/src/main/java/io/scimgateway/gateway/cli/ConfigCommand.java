package io.scimgateway.gateway.cli;

import picocli.CommandLine.Command;

/** {@code config check}: the configuration file, without starting. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Check a configuration file without starting the gateway.",
    subcommands = ConfigCheckCommand.class)
public final class ConfigCommand {
}
