package io.scimgateway.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.kit.local.LocalStateLocation;
import io.scimgateway.spi.CatalogValue;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a remote backend's section of the configuration ({@code backend:}), with messages that name
 * the setting to fix. Secrets are never in the file: a setting names the environment variable that
 * holds them.
 */
public final class BackendSettings {

  private final ObjectNode settings;
  private final Function<String, String> environment;

  public BackendSettings(ObjectNode settings, Function<String, String> environment) {
    this.settings = settings;
    this.environment = environment;
  }

  /** Reads the process environment. */
  public static BackendSettings of(ObjectNode settings) {
    return new BackendSettings(settings, System::getenv);
  }

  public String required(String name) {
    String value = settings.path(name).asText("");
    if (value.isBlank()) {
      throw new IllegalArgumentException("backend." + name + " is required for backend type "
          + settings.path("type").asText());
    }
    return value;
  }

  /**
   * Where the backend keeps its local state: the {@code localState} section's server, else the
   * SQLite file {@code localStateFile} (default {@code defaultFile}) in the data directory.
   */
  public LocalStateLocation localState(Path dataDirectory, String defaultFile) {
    return LocalStateLocation.from(settings, dataDirectory, defaultFile);
  }

  public String text(String name, String fallback) {
    JsonNode node = settings.get(name);
    return node == null || node.isNull() ? fallback : node.asText();
  }

  public URI uri(String name) {
    String value = required(name);
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("backend." + name + " must be an http(s) URL, not '" + value
          + "'");
    }
  }

  /**
   * A secret (an API key, a client secret), never written in the configuration itself: read from the
   * file named by {@code fileSetting} when that is set (a mounted secret), else from the environment
   * variable named by {@code variableSetting}, by default {@code defaultVariable}.
   */
  public String secret(String variableSetting, String fileSetting, String defaultVariable) {
    String file = text(fileSetting, null);
    if (file != null) {
      try {
        String value = Files.readString(Path.of(file)).strip();
        if (value.isEmpty()) {
          throw new IllegalArgumentException("backend." + fileSetting + " names an empty file: " + file);
        }
        return value;
      } catch (IOException e) {
        throw new IllegalArgumentException("backend." + fileSetting + " names a file that cannot be "
            + "read: " + file + " (" + e.getMessage() + ")");
      }
    }
    String variable = text(variableSetting, defaultVariable);
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The environment variable " + variable + " (backend."
          + variableSetting + ") must hold the " + settings.path("type").asText() + " credentials, "
          + "or backend." + fileSetting + " must name a file that does");
    }
    return value;
  }

  public int positive(String name, int fallback) {
    return positive(name, fallback, Integer.MAX_VALUE);
  }

  public int positive(String name, int fallback, int maximum) {
    JsonNode node = settings.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt() || node.asInt() < 1 || node.asInt() > maximum) {
      throw new IllegalArgumentException("backend." + name + " must be an integer from 1 to " + maximum
          + ", not " + node);
    }
    return node.asInt();
  }

  public int atLeastZero(String name, int fallback) {
    JsonNode node = settings.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt() || node.asInt() < 0) {
      throw new IllegalArgumentException("backend." + name + " must be 0 or more, not " + node);
    }
    return node.asInt();
  }

  public Duration millis(String name, long fallbackMillis) {
    return Duration.ofMillis(positive(name, (int) fallbackMillis));
  }

  /** A list of strings; a single string counts as a list of one. */
  public List<String> strings(String name, List<String> fallback) {
    JsonNode node = settings.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asText()));
    } else {
      values.add(node.asText());
    }
    return List.copyOf(values);
  }

  /** A list of objects (e.g. a catalog of entitlements), empty when absent. */
  public List<ObjectNode> objects(String name) {
    JsonNode node = settings.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<ObjectNode> values = new ArrayList<>();
    for (JsonNode value : node) {
      if (!value.isObject()) {
        throw new IllegalArgumentException("backend." + name + " must be a list of objects, not " + node);
      }
      values.add((ObjectNode) value);
    }
    return values;
  }

  /** A catalog of entitlement or role values: a list of {value, display, type, description}. */
  public List<CatalogValue> catalog(String name) {
    List<CatalogValue> values = new ArrayList<>();
    for (ObjectNode entry : objects(name)) {
      if (!entry.path("value").isTextual()) {
        throw new IllegalArgumentException("Every backend." + name + " entry needs a value, not " + entry);
      }
      values.add(new CatalogValue(entry.get("value").asText(), entry.path("display").asText(null),
          entry.path("type").asText(null), entry.path("description").asText(null)));
    }
    return List.copyOf(values);
  }

  /** The client settings every remote platform shares: timeouts, calls in flight, retries. */
  public PlatformClientSettings client(String platform, String credentialsSetting, URI baseUri,
      Map<String, String> defaultHeaders) {
    return new PlatformClientSettings(platform, credentialsSetting, baseUri, defaultHeaders,
        millis("connectTimeoutMillis", 5_000), millis("readTimeoutMillis", 30_000),
        positive("maxInFlight", 16), atLeastZero("maxRetries", 4),
        millis("initialBackoffMillis", 200), millis("maxBackoffMillis", 10_000));
  }
}
