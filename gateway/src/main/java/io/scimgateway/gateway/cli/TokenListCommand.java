package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.auth.NamedToken;
import io.scimgateway.gateway.auth.Scope;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code token list}: names, scopes, dates; never a token or a whole hash. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the named tokens: name, scopes, created, expires.")
public final class TokenListCommand implements Callable<Integer> {

  private static final String ROW = "%-24s %-18s %-22s %s%n";

  @Mixin
  ConfigOptions files = new ConfigOptions();

  @Override
  public Integer call() {
    List<NamedToken> tokens = TokenCommand.store(files).list();
    System.out.printf(ROW, "NAME", "SCOPES", "CREATED", "EXPIRES");
    Instant now = Instant.now();
    for (NamedToken token : tokens) {
      String expires = token.expires() == null ? "never"
          : token.expires() + (token.expiredAt(now) ? " (expired)" : "");
      System.out.printf(ROW, token.name(),
          token.scopes().stream().map(Scope::label).collect(Collectors.joining(",")),
          token.created().toString(), expires);
    }
    return ExitCodes.OK;
  }
}
