package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.auth.TokenStore;
import java.time.Clock;
import picocli.CommandLine.Command;

/**
 * {@code token create|list|revoke}: the named static tokens of the data directory's token store,
 * which a running gateway picks up within a second, without a restart.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Create, list and revoke the named tokens kept (as hashes) in the data directory.",
    subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
public final class TokenCommand {

  /** The store the {@code --config} and {@code --data} options point at. */
  static TokenStore store(ConfigOptions files) {
    return new TokenStore(files.load().data(), Clock.systemUTC());
  }
}
