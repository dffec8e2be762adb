package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorRequest;
import io.scimgateway.emulator.EmulatorResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OAuth 2.0 client-credentials token endpoint ({@code POST /oauth2/v1/token}) and the bearer check of the admin
 * API. Client id and secret come in the form body, as the SDKs send them, or in HTTP Basic. Thread-safe.
 */
final class ZidTokens {

  static final String AUDIENCE = "https://api.zscaler.com";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ZidSettings settings;
  private final Clock clock;
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();

  ZidTokens(ZidSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** {"access_token", "token_type":"Bearer", "expires_in"} for the configured client, else an OAuth error. */
  EmulatorResponse issue(EmulatorRequest request) {
    if (!request.method().equals("POST")) {
      throw ZidError.noRoute(request.method(), request.uri().getPath());
    }
    Map<String, String> form = new HashMap<>();
    request.form().forEach(parameter -> form.put(parameter.name(), parameter.value()));
    basicCredentials(request.header("Authorization")).forEach(form::putIfAbsent);
    String grantType = form.get("grant_type");
    if (grantType == null) {
      throw ZidError.oauth(400, "invalid_request", "grant_type is required.");
    }
    if (!grantType.equals("client_credentials")) {
      throw ZidError.oauth(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    String audience = form.get("audience");
    if (audience != null && !audience.equals(AUDIENCE)) {
      throw ZidError.oauth(400, "invalid_request", "Unknown audience.");
    }
    if (form.containsKey("client_assertion")
        || !settings.clientId().equals(form.get("client_id"))
        || !settings.clientSecret().equals(form.get("client_secret"))) {
      throw ZidError.oauth(401, "invalid_client", "Client authentication failed.");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    expiries.put(token, clock.instant().plus(settings.tokenLifetime()));
    issued.incrementAndGet();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("access_token", token);
    body.put("token_type", "Bearer");
    body.put("expires_in", settings.tokenLifetime().toSeconds());
    return EmulatorResponse.ok(body);
  }

  /** Throws the documented 401 unless the header carries a token issued here and not yet expired. */
  void check(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ZidError.unauthorized();
    }
    String token = authorization.substring(7).trim();
    Instant expiry = expiries.get(token);
    if (expiry == null) {
      throw ZidError.unauthorized();
    }
    if (!clock.instant().isBefore(expiry)) {
      expiries.remove(token);
      throw ZidError.unauthorized();
    }
  }

  int issued() {
    return issued.get();
  }

  private static Map<String, String> basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Map.of();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? Map.of() : Map.of("client_id", decoded.substring(0, colon),
        "client_secret", decoded.substring(colon + 1));
  }
}
