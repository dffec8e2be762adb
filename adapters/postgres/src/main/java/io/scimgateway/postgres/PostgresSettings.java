package io.scimgateway.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.BackendSettings;
import java.time.Duration;

/**
 * How the gateway reaches its PostgreSQL database, from the {@code backend:} section:
 *
 * <pre>
 * backend:
 *   type: postgres
 *   url: jdbc:postgresql://db.example.com:5432/scim
 *   user: scim_gateway
 *   passwordEnv: SCIM_GATEWAY_DB_PASSWORD   # the default; or passwordFile: /run/secrets/db
 *   poolSize: 10
 *   statementTimeoutMillis: 30000
 * </pre>
 *
 * @param url the JDBC URL ({@code jdbc:postgresql://host:port/database})
 * @param user the database role
 * @param password its password, never written in the configuration itself
 * @param poolSize connections for reads, and as many again for writes
 * @param statementTimeout how long one statement may run before the server cancels it
 */
public record PostgresSettings(String url, String user, String password, int poolSize,
    Duration statementTimeout) {

  /** The environment variable that holds the password when the section names none. */
  public static final String DEFAULT_PASSWORD_VARIABLE = "SCIM_GATEWAY_DB_PASSWORD";

  public static PostgresSettings from(ObjectNode section) {
    BackendSettings settings = BackendSettings.of(section);
    String url = settings.required("url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("backend.url must be a PostgreSQL JDBC URL such as "
          + "jdbc:postgresql://localhost:5432/scim, not '" + url + "'");
    }
    return new PostgresSettings(url, settings.required("user"),
        settings.secret("passwordEnv", "passwordFile", DEFAULT_PASSWORD_VARIABLE),
        settings.positive("poolSize", 10, 200),
        settings.millis("statementTimeoutMillis", 30_000));
  }

  @Override
  public String toString() {
    return "PostgresSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize
        + ", statementTimeout=" + statementTimeout + "]";
  }
}
