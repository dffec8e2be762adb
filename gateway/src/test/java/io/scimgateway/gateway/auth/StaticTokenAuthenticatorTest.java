package io.scimgateway.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaticTokenAuthenticatorTest {

  private static final String ABC_SHA256 =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void sha256HexMatchesTheStandardVector() {
    assertEquals(ABC_SHA256, StaticTokenAuthenticator.sha256Hex("abc"));
  }

  @Test
  void hashedTokenMatchesInAnyCase() {
    String token = "s3cret-token-for-okta";
    String hash = StaticTokenAuthenticator.sha256Hex(token).toUpperCase(Locale.ROOT);
    StaticTokenAuthenticator auth =
        new StaticTokenAuthenticator(List.of(ABC_SHA256, hash), List.of());
    Principal p = assertInstanceOf(AuthResult.Authenticated.class, auth.authenticate(token)).principal();
    assertEquals(Set.of(Scope.READ, Scope.WRITE, Scope.AUDIT), p.scopes()); // configured: every scope
    assertEquals("static-token", p.method());
    assertEquals("static-token:" + hash.substring(0, 8).toLowerCase(Locale.ROOT), p.subject());
    assertEquals("static-token:ba7816bf",
        assertInstanceOf(AuthResult.Authenticated.class, auth.authenticate("abc")).principal().subject());
  }

  @Test
  void namedTokensCarryTheirNameAndScopesUntilTheyExpire() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    NamedToken reader = new NamedToken("okta", StaticTokenAuthenticator.sha256Hex("okta-secret"),
        Set.of(Scope.READ), now.minusSeconds(60), now.plusSeconds(60));
    NamedToken old = new NamedToken("old", StaticTokenAuthenticator.sha256Hex("old-secret"),
        Set.of(), now.minusSeconds(120), now);
    StaticTokenAuthenticator auth = new StaticTokenAuthenticator(List.of(), List.of(),
        List.of(reader, old), Clock.fixed(now, ZoneOffset.UTC));
    Principal p = assertInstanceOf(AuthResult.Authenticated.class, auth.authenticate("okta-secret"))
        .principal();
    assertEquals("okta", p.subject());
    assertEquals(Set.of(Scope.READ), p.scopes());
    assertEquals(RejectionReasons.EXPIRED,
        assertInstanceOf(AuthResult.Rejected.class, auth.authenticate("old-secret")).reason());
  }

  @Test
  void plainTokenMatches() {
    StaticTokenAuthenticator auth = new StaticTokenAuthenticator(null, List.of("from-env"));
    assertFalse(auth.isEmpty());
    assertInstanceOf(AuthResult.Authenticated.class, auth.authenticate("from-env"));
  }

  @Test
  void mismatchIsNotRecognised() {
    StaticTokenAuthenticator auth = new StaticTokenAuthenticator(List.of(ABC_SHA256), List.of("x-token"));
    for (String wrong : List.of("abd", "ab", "abc ", "X-TOKEN", ABC_SHA256)) {
      assertEquals("The bearer token is not recognised.",
          assertInstanceOf(AuthResult.Rejected.class, auth.authenticate(wrong)).reason());
    }
    assertEquals("No bearer token was presented.",
        assertInstanceOf(AuthResult.Rejected.class, auth.authenticate(null)).reason());
    assertEquals("The bearer token is not recognised.",
        assertInstanceOf(AuthResult.Rejected.class, StaticTokenAuthenticator.none().authenticate("abc")).reason());
    assertTrue(StaticTokenAuthenticator.none().isEmpty());
  }

  @Test
  void badHashesAreNamedByIndexWithoutEchoingThem() {
    for (String bad : List.of("abc", ABC_SHA256 + "0", ABC_SHA256.substring(1) + "g", "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new StaticTokenAuthenticator(Arrays.asList(ABC_SHA256, bad), List.of()));
      assertTrue(e.getMessage().contains("#1"), e.getMessage());
      if (!bad.isEmpty()) {
        assertFalse(e.getMessage().contains(bad), e.getMessage());
      }
    }
    assertThrows(IllegalArgumentException.class,
        () -> new StaticTokenAuthenticator(Arrays.asList((String) null), List.of()));
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> new StaticTokenAuthenticator(List.of(), List.of("ok", " ")));
    assertTrue(blank.getMessage().contains("#1"), blank.getMessage());
  }
}
