package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.auth.Scope;
import io.scimgateway.gateway.auth.TokenStore;
import io.scimgateway.gateway.config.GatewayConfig;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The first start without any credential: rather than refuse, the gateway makes a strong token with
 * every scope, keeps only its hash in the data directory's token store, and prints the token once.
 * Later starts find it there and print nothing.
 */
final class FirstStartToken {

  /** The name the first token has in the store, in logs and in the audit trail. */
  static final String NAME = "initial";

  private FirstStartToken() {
  }

  static void ifNeeded(GatewayConfig config, String plainToken, PrintStream out) {
    boolean configured = !config.auth().tokens().isEmpty() || config.auth().jwt() != null
        || (plainToken != null && !plainToken.isBlank());
    TokenStore store = new TokenStore(config.data(), Clock.systemUTC());
    if (configured || !store.list().isEmpty()) {
      return;
    }
    String token = store.create(NAME, Scope.all(), null);
    out.println("No token was configured, so this first start made one (name \"" + NAME
        + "\", every scope). It is shown this once; only its hash is kept, in " + store.file() + ":");
    out.println();
    out.println("    " + token);
    out.println();
    out.println("Clients send it as 'Authorization: Bearer <token>'. Make others with "
        + "'token create', and 'token revoke " + NAME + "' when you no longer need it.");
    out.flush();
  }
}
