package io.scimgateway.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.scim2.common.exceptions.ScimException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from an OAuth 2.0 token endpoint with the client-credentials grant (RFC 6749 section
 * 4.4): {@code grant_type=client_credentials}, the client id and secret in the form body, and an
 * audience when the platform wants one. A token is cached and replaced a margin before it expires
 * ({@code expires_in}), so that no call carries a token that lapses in flight. Under concurrency one
 * caller refreshes and the others wait for its token: twenty threads that find the cache empty cause
 * one token request. Thread-safe.
 */
public final class ClientCredentialsTokens implements BearerTokens {

  private static final int BAD_REQUEST = 400;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlatformClient tokenEndpoint;
  private final String form;
  private final Duration refreshMargin;
  private final Clock clock;
  private final Object refreshing = new Object();
  private volatile Cached cached;

  private record Cached(String token, Instant refreshAt) {
  }

  /**
   * @param tokenEndpoint a client whose base URL is the token endpoint itself (its retries and
   *     timeouts apply to token requests too)
   * @param audience the {@code audience} form parameter, or null to send none
   * @param refreshMargin how long before expiry a token is replaced; at most half its lifetime
   */
  public ClientCredentialsTokens(PlatformClient tokenEndpoint, String clientId, String clientSecret,
      String audience, Duration refreshMargin, Clock clock) {
    this.tokenEndpoint = tokenEndpoint;
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("grant_type", "client_credentials");
    parameters.put("client_id", clientId);
    parameters.put("client_secret", clientSecret);
    if (audience != null) {
      parameters.put("audience", audience);
    }
    this.form = parameters.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    this.refreshMargin = refreshMargin;
    this.clock = clock;
  }

  @Override
  public String current() throws ScimException {
    Cached now = cached;
    if (fresh(now)) {
      return now.token();
    }
    synchronized (refreshing) {
      now = cached;
      if (fresh(now)) {
        return now.token(); // another caller refreshed while this one waited
      }
      cached = fetch();
      return cached.token();
    }
  }

  @Override
  public void invalidate(String token) {
    synchronized (refreshing) {
      if (cached != null && cached.token().equals(token)) {
        cached = null;
      }
    }
  }

  private boolean fresh(Cached token) {
    return token != null && clock.instant().isBefore(token.refreshAt());
  }

  private Cached fetch() throws ScimException {
    // Asking for a token twice is harmless, so the request is retried like an idempotent call.
    PlatformRequest request = new PlatformRequest("POST", "",
        Map.of("Content-Type", "application/x-www-form-urlencoded"), form, true);
    // An OAuth token endpoint refuses bad client credentials with 400 (RFC 6749 section 5.2):
    // the gateway's configuration to fix, never the SCIM client's request.
    PlatformResponse response = tokenEndpoint.send(request, BAD_REQUEST);
    if (response.status() == BAD_REQUEST) {
      throw tokenEndpoint.errors().credentialsRefused(BAD_REQUEST);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body() == null ? "" : response.body());
    } catch (IOException e) {
      throw tokenEndpoint.errors().unreadable("a token response that is not JSON");
    }
    String token = body.path("access_token").asText("");
    long lifetime = body.path("expires_in").asLong(0);
    if (token.isEmpty() || lifetime <= 0) {
      throw tokenEndpoint.errors().unreadable("a token response without access_token and expires_in");
    }
    Duration valid = Duration.ofSeconds(lifetime);
    Duration margin = refreshMargin.compareTo(valid.dividedBy(2)) < 0 ? refreshMargin
        : valid.dividedBy(2);
    return new Cached(token, clock.instant().plus(valid).minus(margin));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
