package io.scimgateway.gateway.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.core.ClientCompatibility;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.ValueLimits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole configuration, as the YAML file spells it (README, "Configuration"). Every section is
 * optional; what is missing takes its default. Immutable once loaded.
 *
 * @param server where to listen
 * @param data the data directory (the embedded store's file, local state)
 * @param backend {@code type} selects the backend; the other keys are the backend's own settings
 * @param auth static tokens and JWT validation
 * @param limits page sizes, scan cap, payload and filter sizes
 * @param compatibility what is accepted from identity providers beyond the RFCs
 * @param passwordReset where the one-time secrets of password resets go
 * @param metrics whether {@code /metrics} is served, and its own token
 * @param logging the log format and levels
 * @param audit whether changes are recorded, and the audit trail's retention
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record GatewayConfig(Server server, Path data, ObjectNode backend, Auth auth, Limits limits,
    Compatibility compatibility, PasswordReset passwordReset, MetricsSettings metrics,
    LoggingSettings logging, AuditSettings audit) {

  public GatewayConfig {
    server = section(server, Server.class);
    data = data == null ? Path.of("data") : data;
    backend = backend == null ? JsonNodeFactory.instance.objectNode() : backend;
    auth = section(auth, Auth.class);
    limits = section(limits, Limits.class);
    compatibility = section(compatibility, Compatibility.class);
    passwordReset = section(passwordReset, PasswordReset.class);
    metrics = section(metrics, MetricsSettings.class);
    logging = section(logging, LoggingSettings.class);
    audit = section(audit, AuditSettings.class);
  }

  /** Every setting at its default, as an empty configuration file gives. */
  public static GatewayConfig defaults() {
    return section(null, GatewayConfig.class);
  }

  /**
   * This configuration with a YAML fragment laid over it, as if its settings were added to the file:
   * {@code config.with("limits: {scanLimit: 100}")}. Unknown keys are refused as in the file.
   *
   * @throws IllegalArgumentException for a fragment that is not valid YAML or not a valid setting
   */
  public GatewayConfig with(String yaml) {
    try {
      ObjectNode tree = ConfigLoader.MAPPER.valueToTree(this);
      return ConfigLoader.MAPPER.treeToValue(ConfigLoader.MAPPER.readerForUpdating(tree).readValue(yaml),
          GatewayConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a valid configuration fragment: " + yaml + " ("
          + e.getMessage() + ")", e);
    }
  }

  /** The backend's name, {@code sqlite} unless configured. */
  public String backendType() {
    return backend.path("type").asText("sqlite");
  }

  public GatewayConfig withServer(Server server) {
    return replaced("server", server);
  }

  public GatewayConfig withData(Path data) {
    return replaced("data", data);
  }

  public GatewayConfig withAuth(Auth auth) {
    return replaced("auth", auth);
  }

  public GatewayConfig withBackend(ObjectNode backend) {
    return replaced("backend", backend);
  }

  public GatewayConfig withMetrics(MetricsSettings metrics) {
    return replaced("metrics", metrics);
  }

  public GatewayConfig withLogging(LoggingSettings logging) {
    return replaced("logging", logging);
  }

  public GatewayConfig withAudit(AuditSettings audit) {
    return replaced("audit", audit);
  }

  public GatewayConfig withPasswordReset(PasswordReset passwordReset) {
    return replaced("passwordReset", passwordReset);
  }

  /** This configuration with one section replaced whole, built as the loader builds one. */
  private GatewayConfig replaced(String section, Object value) {
    ObjectNode tree = ConfigLoader.MAPPER.valueToTree(this);
    tree.set(section, ConfigLoader.MAPPER.valueToTree(value));
    try {
      return ConfigLoader.MAPPER.treeToValue(tree, GatewayConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a valid " + section + " setting: " + e.getMessage(), e);
    }
  }

  /** {@code value}, or the section as an empty one in the file reads: each setting at its default. */
  private static <T> T section(T value, Class<T> type) {
    return value != null ? value
        : ConfigLoader.MAPPER.convertValue(JsonNodeFactory.instance.objectNode(), type);
  }

  /** @param basePath the path SCIM is served under, {@code /scim/v2} by default */
  public record Server(String bind, Integer port, String basePath) {
    public Server {
      bind = bind == null ? "127.0.0.1" : bind;
      port = port == null ? 8080 : port;
      basePath = basePath == null ? "/scim/v2" : basePath;
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("server.port must be 0 to 65535, not " + port);
      }
    }

    public Server withBind(String bind) {
      return new Server(bind, port, basePath);
    }

    public Server withPort(int port) {
      return new Server(bind, port, basePath);
    }
  }

  /**
   * @param tokens SHA-256 hashes (hex) of the static bearer tokens
   * @param jwt how to validate JWT bearer tokens; absent when only static tokens are used
   */
  public record Auth(List<String> tokens, JwtConfig jwt) {
    public Auth {
      tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }
  }

  /** JWT validation settings; see {@link io.scimgateway.gateway.auth.JwtSettings} for their meaning. */
  public record JwtConfig(String jwksUrl, Path jwksFile, String issuer, List<String> audiences,
      Integer clockSkewSeconds, List<String> algorithms, String scopeClaim, String readScope,
      String writeScope) {
  }

  public record Limits(Integer maxResults, Integer scanLimit, Long maxPayloadBytes,
      Integer maxFilterLength, Integer cursorTimeoutSeconds, Integer bulkMaxOperations,
      Long bulkMaxPayloadBytes, Integer maxStringLength, Integer maxValues,
      Map<String, ValueLimits.Limit> attributes) {

    public GatewayLimits toGatewayLimits() {
      GatewayLimits defaults = GatewayLimits.defaults();
      return new GatewayLimits(
          maxResults == null ? defaults.maxResults() : maxResults,
          scanLimit == null ? defaults.scanLimit() : scanLimit,
          maxPayloadBytes == null ? defaults.maxPayloadBytes() : maxPayloadBytes,
          maxFilterLength == null ? defaults.maxFilterLength() : maxFilterLength,
          cursorTimeoutSeconds == null ? defaults.cursorTimeoutSeconds() : cursorTimeoutSeconds,
          bulkMaxOperations == null ? defaults.bulkMaxOperations() : bulkMaxOperations,
          bulkMaxPayloadBytes == null ? defaults.bulkMaxPayloadBytes() : bulkMaxPayloadBytes,
          new ValueLimits(
              maxStringLength == null ? defaults.values().maxStringLength() : maxStringLength,
              maxValues == null ? defaults.values().maxValues() : maxValues, attributes));
    }
  }

  /** Leniencies toward identity providers; see {@link ClientCompatibility}. Unset means on. */
  public record Compatibility(Boolean booleanStrings, Boolean valuePathComparisons,
      Boolean bareComplexValues, Boolean valuePathUpserts, Boolean removeListedValues,
      Boolean emptyPatches, Boolean dottedValueKeys, Boolean unknownSchemaUris,
      Boolean schemalessBodies) {

    public ClientCompatibility toClientCompatibility() {
      return new ClientCompatibility(on(booleanStrings), on(valuePathComparisons),
          on(bareComplexValues), on(valuePathUpserts), on(removeListedValues), on(emptyPatches),
          on(dottedValueKeys), on(unknownSchemaUris), on(schemalessBodies));
    }

    private static boolean on(Boolean setting) {
      return setting == null || setting;
    }
  }

  /**
   * Where reset secrets go: {@code file} (the default) appends one line per reset to
   * {@code password-resets.log} in the data directory, readable by its owner only; {@code log}
   * writes it at the logger {@code io.scimgateway.passwordreset}; {@code webhook} POSTs them to
   * {@code webhook.url}.
   */
  public record PasswordReset(String sink, Webhook webhook) {

    private static final Set<String> SINKS = Set.of("file", "log", "webhook");

    public PasswordReset {
      sink = sink == null ? "file" : sink.toLowerCase(Locale.ROOT);
      if (!SINKS.contains(sink)) {
        throw new IllegalArgumentException("passwordReset.sink must be file, log or webhook, not "
            + sink);
      }
      if (sink.equals("webhook") != (webhook != null)) {
        throw new IllegalArgumentException(webhook == null
            ? "passwordReset.sink webhook needs passwordReset.webhook with url and secretEnv"
            : "passwordReset.webhook is set, but passwordReset.sink is not webhook");
      }
    }
  }

  /**
   * A reset webhook.
   *
   * @param url where deliveries are POSTed: https, or http to a loopback address only
   * @param secretEnv the environment variable holding the HMAC secret that signs each delivery
   * @param timeoutSeconds how long one delivery may take, 10 unless set
   */
  public record Webhook(String url, String secretEnv, Integer timeoutSeconds) {

    public Webhook {
      if (url == null || secretEnv == null || secretEnv.isBlank()) {
        throw new IllegalArgumentException("passwordReset.webhook needs url and secretEnv");
      }
      URI uri = URI.create(url);
      boolean loopback = uri.getHost() != null && (uri.getHost().equals("localhost")
          || uri.getHost().startsWith("127.") || uri.getHost().equals("[::1]"));
      if (!"https".equalsIgnoreCase(uri.getScheme())
          && !("http".equalsIgnoreCase(uri.getScheme()) && loopback)) {
        throw new IllegalArgumentException("passwordReset.webhook.url must be https (http only to "
            + "a loopback address): reset tokens must not cross a network in plain text");
      }
      timeoutSeconds = timeoutSeconds == null ? 10 : timeoutSeconds;
      if (timeoutSeconds < 1 || timeoutSeconds > 120) {
        throw new IllegalArgumentException("passwordReset.webhook.timeoutSeconds must be 1 to 120");
      }
    }
  }
}
