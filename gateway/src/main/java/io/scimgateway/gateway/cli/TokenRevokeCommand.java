package io.scimgateway.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code token revoke NAME}: removes a named token; a running gateway refuses it within a second. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
    description = "Remove a named token; a running gateway refuses it within a second.")
public final class TokenRevokeCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions files = new ConfigOptions();

  @Parameters(paramLabel = "NAME", description = "The token's name.")
  String name;

  @Override
  public Integer call() {
    if (!TokenCommand.store(files).revoke(name)) {
      System.err.println("There is no token named \"" + name + "\" (see 'token list').");
      return ExitCodes.PROBLEMS;
    }
    System.err.println("Token \"" + name + "\" revoked.");
    return ExitCodes.OK;
  }
}
