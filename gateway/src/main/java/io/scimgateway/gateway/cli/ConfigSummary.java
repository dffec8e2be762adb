package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.Backends;
import io.scimgateway.gateway.auth.TokenStore;
import io.scimgateway.gateway.config.AuthenticatorFactory;
import io.scimgateway.gateway.config.GatewayConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What the gateway would do with a configuration: backend, listen address, authentication. */
final class ConfigSummary {

  private final GatewayConfig config;
  private final String plainToken;

  ConfigSummary(GatewayConfig config, String plainToken) {
    this.config = config;
    this.plainToken = plainToken;
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    GatewayConfig.Server server = config.server();
    lines.add("listen:   http://" + server.bind() + ":" + server.port() + server.basePath()
        + (server.bind().startsWith("127.") || server.bind().equals("localhost")
        ? " (this machine only)" : ""));
    lines.add("data:     " + config.data().toAbsolutePath());
    lines.add("backend:  " + backend());
    lines.addAll(auth());
    return lines;
  }

  private String backend() {
    String type = config.backendType();
    if (!Backends.names().contains(type)) {
      return type + ": no such backend (this gateway has " + String.join(", ", Backends.names()) + ")";
    }
    String endpoint = config.backend().path("endpoint").asText("");
    if (type.equals("sqlite")) {
      return "sqlite, the embedded store in "
          + config.data().resolve(config.backend().path("file").asText("scim-gateway.db"));
    }
    return type + (endpoint.isEmpty() ? "" : " at " + endpoint);
  }

  private List<String> auth() {
    List<String> lines = new ArrayList<>();
    int stored = new TokenStore(config.data(), Clock.systemUTC()).list().size();
    boolean env = plainToken != null && !plainToken.isBlank();
    lines.add("auth:     " + config.auth().tokens().size() + " token hash(es) in the file, "
        + stored + " named token(s) in the data directory, " + AuthenticatorFactory.TOKEN_VARIABLE
        + (env ? " set" : " not set"));
    if (config.auth().jwt() != null) {
      GatewayConfig.JwtConfig jwt = config.auth().jwt();
      lines.add("          JWTs from " + jwt.issuer() + " checked against "
          + (jwt.jwksUrl() != null ? jwt.jwksUrl() : jwt.jwksFile()));
    }
    if (config.auth().tokens().isEmpty() && config.auth().jwt() == null && stored == 0 && !env) {
      lines.add("          no credential yet: the first start makes a token and prints it once");
    }
    return lines;
  }
}
