package io.scimgateway.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtSettingsTest {

  private static final URI URL = URI.create("https://idp.example.test/jwks");
  private static final JwtSettings BASE =
      JwtSettings.ofJwksUrl(URL, "https://idp.example.test", List.of("scim"));

  private static String invalid(org.junit.jupiter.api.function.Executable build) {
    return assertThrows(IllegalArgumentException.class, build).getMessage();
  }

  @Test
  void defaults() {
    assertEquals(Duration.ofSeconds(60), BASE.clockSkew());
    assertEquals(List.of("RS256", "PS256", "ES256"), BASE.algorithms());
    assertEquals("scope", BASE.scopeClaim());
    assertEquals("scim.read", BASE.readScope());
    assertEquals("scim.write", BASE.writeScope());
    assertEquals(Duration.ofMinutes(5), BASE.jwksRefresh());
  }

  @Test
  void algorithmNamesAreNormalised() {
    assertEquals(List.of("RS256", "ES384"), BASE.withAlgorithms(List.of("rs256", " ES384", "RS256")).algorithms());
  }

  @Test
  void hmacAndNoneAreRefused() {
    for (String alg : List.of("HS256", "HS384", "HS512", "hs256")) {
      String message = invalid(() -> BASE.withAlgorithms(List.of("RS256", alg)));
      assertTrue(message.contains("HMAC"), message);
    }
    for (String alg : List.of("none", "NONE")) {
      String message = invalid(() -> BASE.withAlgorithms(List.of(alg)));
      assertTrue(message.contains("none"), message);
    }
  }

  @Test
  void unknownAlgorithmsAreRefused() {
    for (String alg : List.of("RS1", "EdDSA", "ES256K", "")) {
      invalid(() -> BASE.withAlgorithms(List.of(alg)));
    }
    assertTrue(invalid(() -> BASE.withAlgorithms(List.of("XYZ"))).contains("XYZ"));
  }

  @Test
  void exactlyOneKeySource() {
    invalid(() -> new JwtSettings(URL, Path.of("jwks.json"), "iss", List.of("a"), null, null, null, null, null, null));
    invalid(() -> new JwtSettings(null, null, "iss", List.of("a"), null, null, null, null, null, null));
  }

  @Test
  void issuerAndAudienceRequired() {
    invalid(() -> JwtSettings.ofJwksUrl(URL, " ", List.of("a")));
    invalid(() -> JwtSettings.ofJwksUrl(URL, null, List.of("a")));
    invalid(() -> JwtSettings.ofJwksUrl(URL, "iss", List.of()));
    invalid(() -> JwtSettings.ofJwksUrl(URL, "iss", null));
    invalid(() -> JwtSettings.ofJwksUrl(URL, "iss", List.of(" ")));
  }

  @Test
  void jwksUrlMustBeHttpsExceptOnLoopback() {
    invalid(() -> JwtSettings.ofJwksUrl(URI.create("http://idp.example.test/jwks"), "iss", List.of("a")));
    invalid(() -> JwtSettings.ofJwksUrl(URI.create("file:///etc/jwks.json"), "iss", List.of("a")));
    JwtSettings.ofJwksUrl(URI.create("http://127.0.0.1:8080/jwks"), "iss", List.of("a"));
    JwtSettings.ofJwksUrl(URI.create("http://localhost/jwks"), "iss", List.of("a"));
  }

  @Test
  void durationsAndScopeNamesChecked() {
    invalid(() -> BASE.withClockSkew(Duration.ofSeconds(-1)));
    invalid(() -> BASE.withClockSkew(Duration.ofHours(1)));
    invalid(() -> BASE.withJwksRefresh(Duration.ZERO));
    invalid(() -> BASE.withScopeClaim(" "));
    invalid(() -> BASE.withScopes("", "w"));
    assertEquals("scp", BASE.withScopeClaim("scp").scopeClaim());
  }
}
