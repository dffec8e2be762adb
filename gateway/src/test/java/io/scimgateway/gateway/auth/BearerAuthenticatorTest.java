package io.scimgateway.gateway.auth;

import static io.scimgateway.gateway.auth.TestTokens.AUDIENCE;
import static io.scimgateway.gateway.auth.TestTokens.ISSUER;
import static io.scimgateway.gateway.auth.TestTokens.claims;
import static io.scimgateway.gateway.auth.TestTokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerAuthenticatorTest {

  private static RSAKey rsa;
  private static JwtAuthenticator fileJwt;
  /** A JWT authenticator whose JWKS URL is down: it throws if it is ever asked for keys. */
  private static JwtAuthenticator downJwt;

  @TempDir static Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    rsa = TestTokens.rsa("rsa-1");
    fileJwt = new JwtAuthenticator(
        JwtSettings.ofJwksFile(TestTokens.writeJwks(dir, rsa), ISSUER, List.of(AUDIENCE)));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    downJwt = new JwtAuthenticator(JwtSettings.ofJwksUrl(
        URI.create("http://127.0.0.1:" + closedPort + "/jwks"), ISSUER, List.of(AUDIENCE)));
  }

  private static String reason(AuthResult result) {
    return assertInstanceOf(AuthResult.Rejected.class, result).reason();
  }

  @Test
  void staticTokensAreTriedFirst() {
    String jwtShapedStatic = sign(rsa, JWSAlgorithm.RS256, claims().build());
    BearerAuthenticator chain = BearerAuthenticator.of(
        new StaticTokenAuthenticator(List.of(), List.of(jwtShapedStatic)), Optional.of(downJwt));
    Principal p = assertInstanceOf(AuthResult.Authenticated.class, chain.authenticate(jwtShapedStatic)).principal();
    assertEquals("static-token", p.method());
  }

  @Test
  void jwtIsTriedWhenNoStaticTokenMatches() {
    BearerAuthenticator chain = BearerAuthenticator.of(
        new StaticTokenAuthenticator(List.of(), List.of("static-one")), Optional.of(fileJwt));
    assertEquals("static-token",
        assertInstanceOf(AuthResult.Authenticated.class, chain.authenticate("static-one")).principal().method());
    String jwt = sign(rsa, JWSAlgorithm.RS256, claims().claim("scope", "scim.read").build());
    assertEquals("jwt",
        assertInstanceOf(AuthResult.Authenticated.class, chain.authenticate(jwt)).principal().method());
    String expired = sign(rsa, JWSAlgorithm.RS256, claims().expirationTime(TestTokens.inSeconds(-600)).build());
    assertEquals("The bearer token has expired.", reason(chain.authenticate(expired)));
    assertEquals("Unsigned bearer tokens (alg none) are not accepted.",
        reason(chain.authenticate(TestTokens.unsigned(claims().build()))));
  }

  @Test
  void tokensThatAreNotJwsNeverReachTheJwtAuthenticator() {
    BearerAuthenticator chain = BearerAuthenticator.of(
        new StaticTokenAuthenticator(List.of(), List.of("static-one")), Optional.of(downJwt));
    for (String token : List.of("static-two", "a.b", "a.b.c.d.e", "a b.c.d", "abc.def.ghi=")) {
      assertEquals("The bearer token is not recognised.", reason(chain.authenticate(token)));
    }
    assertEquals("No bearer token was presented.", reason(chain.authenticate("")));
    String jws = sign(rsa, JWSAlgorithm.RS256, claims().build());
    assertThrows(AuthenticationUnavailableException.class, () -> chain.authenticate(jws));
  }

  @Test
  void withoutJwtAJwsIsNotRecognised() {
    BearerAuthenticator chain = BearerAuthenticator.of(
        new StaticTokenAuthenticator(List.of(), List.of("static-one")), Optional.empty());
    assertEquals("The bearer token is not recognised.",
        reason(chain.authenticate(sign(rsa, JWSAlgorithm.RS256, claims().build()))));
  }

  @Test
  void hasAnyCredential() {
    assertFalse(BearerAuthenticator.of(StaticTokenAuthenticator.none(), Optional.empty()).hasAnyCredential());
    assertTrue(BearerAuthenticator.of(StaticTokenAuthenticator.none(), Optional.of(fileJwt)).hasAnyCredential());
    assertTrue(BearerAuthenticator.of(
        new StaticTokenAuthenticator(List.of(), List.of("t")), Optional.empty()).hasAnyCredential());
  }
}
