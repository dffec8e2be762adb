package io.scimgateway.kit;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How the gateway talks to one platform.
 *
 * @param platform the platform's name, for error details ("Appwrite")
 * @param credentialsSetting the configuration a person should check when the platform refuses the
 *     gateway's credentials, e.g. {@code backend.apiKeyEnv}
 * @param baseUri the API's base URL
 * @param defaultHeaders headers on every call (credentials, project id)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a whole answer
 * @param maxInFlight the most calls in flight to this platform at once
 * @param maxRetries how often a retryable failure is retried
 * @param initialBackoff the first retry's delay; it doubles, with jitter, up to {@code maxBackoff}
 * @param maxBackoff the longest delay between attempts, also the cap on a platform's Retry-After
 */
public record PlatformClientSettings(String platform, String credentialsSetting, URI baseUri,
    Map<String, String> defaultHeaders, Duration connectTimeout, Duration readTimeout,
    int maxInFlight, int maxRetries, Duration initialBackoff, Duration maxBackoff) {

  public PlatformClientSettings {
    defaultHeaders = Map.copyOf(defaultHeaders);
    if (maxInFlight < 1 || maxRetries < 0) {
      throw new IllegalArgumentException("maxInFlight must be at least 1 and maxRetries at least 0");
    }
  }

  /** Without the default headers, which carry credentials. */
  @Override
  public String toString() {
    return "PlatformClientSettings[platform=" + platform + ", baseUri=" + baseUri
        + ", headers=" + defaultHeaders.keySet() + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", maxInFlight=" + maxInFlight + ", maxRetries="
        + maxRetries + "]";
  }
}
