package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.config.AuthenticatorFactory;
import io.scimgateway.gateway.config.ConfigCheck;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code config check [FILE]}: every problem in the file with its line and column, or, when there is
 * none, what the gateway would do with it. Exit 1 when there are problems.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "List every problem in FILE (line and column), or say what the gateway would do with it.")
public final class ConfigCheckCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "FILE",
      description = "The YAML file (default: --config, else the built-in defaults).")
  Path file;

  @Option(names = "--config", paramLabel = "FILE", description = "The same as FILE.")
  Path config;

  @Option(names = "--data", paramLabel = "DIR", description = "Data directory to assume (default: the file's).")
  Path data;

  @Override
  public Integer call() {
    Path checked = file != null ? file : config;
    GatewayConfig effective = GatewayConfig.defaults();
    if (checked != null) {
      ConfigCheck.Result result = ConfigCheck.check(checked);
      if (result.config().isEmpty()) {
        System.out.println(checked + ": " + result.problems().size() + " problem"
            + (result.problems().size() == 1 ? "" : "s"));
        result.problems().forEach(problem -> System.out.println("  " + problem));
        return ExitCodes.PROBLEMS;
      }
      effective = result.config().get();
      System.out.println(checked + ": no problems found.");
    } else {
      System.out.println("No configuration file: the built-in defaults apply.");
    }
    if (data != null) {
      effective = effective.withData(data);
    }
    System.out.println();
    new ConfigSummary(effective, System.getenv(AuthenticatorFactory.TOKEN_VARIABLE))
        .lines().forEach(line -> System.out.println("  " + line));
    return ExitCodes.OK;
  }
}
