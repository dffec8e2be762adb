package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.sync.SyncCommand;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import io.scimgateway.gateway.sync.SyncCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code scim-gateway}: without a command it serves (today's flags work as before); each command is
 * one class, registered by adding it to {@code subcommands} below.
 */
@Command(name = "scim-gateway", mixinStandardHelpOptions = true, version = "scim-gateway 0.1.0",
    description = "Serves SCIM 2.0 (RFC 7643/7644) from an embedded SQLite store or a remote platform.",
    footer = "%nWithout a command, serves. Authentication: the first start without any token makes "
        + "one and prints it; or set SCIM_GATEWAY_TOKEN, run 'token create', or configure auth in "
        + "the config file. Clients send 'Authorization: Bearer <token>'.%n"
        + "Exit codes: 0 done, 1 problems found, 2 bad usage or configuration, 3 unexpected failure.",
    subcommands = {
        ServeCommand.class,
        TokenCommand.class,
        ConfigCommand.class,
        BackendCommand.class,
        SyncCommand.class,
        AuditCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class GatewayCommand implements Callable<Integer> {

  @Mixin
  ServeOptions options = new ServeOptions();

  @Override
  public Integer call() throws InterruptedException {
    return ServeCommand.serve(options);
  }

  /** The command line, with errors turned into sentences and {@link ExitCodes}. */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new GatewayCommand());
    line.setExecutionExceptionHandler((error, command, parsed) -> {
      PrintWriter err = command.getErr();
      boolean usage = error instanceof IllegalArgumentException || error instanceof UncheckedIOException;
      err.println(command.getCommandSpec().qualifiedName() + ": " + error.getMessage());
      err.flush();
      return usage ? ExitCodes.USAGE : ExitCodes.FAILED;
    });
    return line;
  }
}
