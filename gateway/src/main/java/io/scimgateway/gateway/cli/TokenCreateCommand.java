package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.auth.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code token create}: makes a token, keeps its hash, prints the token once. */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = "Make a named token; the token is printed once and only its hash is kept.")
public final class TokenCreateCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions files = new ConfigOptions();

  @Option(names = "--name", required = true, description = "Its name, shown as the actor in logs and the audit trail.")
  String name;

  @Option(names = "--scopes", split = ",", paramLabel = "SCOPE",
      description = "read, write, audit, comma-separated (default: all three).")
  List<String> scopes = List.of();

  @Option(names = "--expires", paramLabel = "DURATION", converter = DurationText.class,
      description = "How long it works, such as 90d or 12h (default: until revoked).")
  Duration expires;

  @Override
  public Integer call() {
    Set<Scope> granted = EnumSet.noneOf(Scope.class);
    scopes.forEach(scope -> granted.add(Scope.of(scope)));
    Instant until = expires == null ? null : Instant.now().plus(expires);
    String token = TokenCommand.store(files).create(name, granted, until);
    System.out.println(token);
    System.err.println("Token \"" + name + "\" created" + (until == null ? "" : ", valid until "
        + until) + ". This is the only time it is shown.");
    return ExitCodes.OK;
  }
}
