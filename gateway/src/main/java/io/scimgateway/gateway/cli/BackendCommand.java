package io.scimgateway.gateway.cli;

import picocli.CommandLine.Command;

/** {@code backend check}: the configured backend, tried for real. */
@Command(name = "backend", mixinStandardHelpOptions = true,
    description = "Check the configured backend.", subcommands = BackendCheckCommand.class)
public final class BackendCommand {
}
