package io.scimgateway.gateway.auth;

import static io.scimgateway.gateway.auth.TestTokens.AUDIENCE;
import static io.scimgateway.gateway.auth.TestTokens.ISSUER;
import static io.scimgateway.gateway.auth.TestTokens.claims;
import static io.scimgateway.gateway.auth.TestTokens.inSeconds;
import static io.scimgateway.gateway.auth.TestTokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticatorTest {

  private static RSAKey rsa;
  private static ECKey ec;
  private static RSAKey stranger;
  private static RSAKey impostor;
  private static JwtSettings settings;
  private static JwtAuthenticator auth;

  @TempDir static Path dir;

  @BeforeAll
  static void keys() throws Exception {
    rsa = TestTokens.rsa("rsa-1");
    ec = TestTokens.ec("ec-1");
    stranger = TestTokens.rsa("stranger");
    impostor = TestTokens.rsa("rsa-1"); // same kid as the trusted key, different key pair
    settings = JwtSettings.ofJwksFile(TestTokens.writeJwks(dir, rsa, ec), ISSUER, List.of(AUDIENCE));
    auth = new JwtAuthenticator(settings);
  }

  private static Principal accepted(AuthResult result) {
    return assertInstanceOf(AuthResult.Authenticated.class, result).principal();
  }

  private static void rejected(String reason, AuthResult result) {
    assertEquals(reason, assertInstanceOf(AuthResult.Rejected.class, result).reason());
  }

  @Test
  void rs256WithScopeString() {
    String token = sign(rsa, JWSAlgorithm.RS256, claims().claim("scope", "openid scim.read scim.write").build());
    Principal p = accepted(auth.authenticate(token));
    assertEquals("alice", p.subject());
    assertEquals("jwt", p.method());
    assertEquals(Set.of(Scope.READ, Scope.WRITE), p.scopes());
    assertTrue(p.has(Scope.WRITE));
  }

  @Test
  void es256WithScopeArray() {
    JwtAuthenticator scp = new JwtAuthenticator(settings.withScopeClaim("scp"));
    String token = sign(ec, JWSAlgorithm.ES256, claims().claim("scp", List.of("scim.read", "other")).build());
    Principal p = accepted(scp.authenticate(token));
    assertEquals(Set.of(Scope.READ), p.scopes());
    assertFalse(p.has(Scope.WRITE));
  }

  @Test
  void customScopeNamesAndWriteOnly() {
    JwtAuthenticator custom = new JwtAuthenticator(settings.withScopes("users:read", "users:write"));
    String token = sign(rsa, JWSAlgorithm.RS256, claims().claim("scope", "users:write scim.read").build());
    assertEquals(Set.of(Scope.WRITE), accepted(custom.authenticate(token)).scopes());
  }

  @Test
  void noScopeIsAuthenticatedWithoutScopes() {
    String token = sign(rsa, JWSAlgorithm.RS256, claims().build());
    assertEquals(Set.of(), accepted(auth.authenticate(token)).scopes());
  }

  @Test
  void subjectFallsBackToClientIdThenAzpThenJwt() {
    String clientId = sign(rsa, JWSAlgorithm.RS256, claims().subject(null).claim("client_id", "svc").claim("azp", "x").build());
    assertEquals("svc", accepted(auth.authenticate(clientId)).subject());
    String azp = sign(rsa, JWSAlgorithm.RS256, claims().subject(null).claim("azp", "app").build());
    assertEquals("app", accepted(auth.authenticate(azp)).subject());
    String none = sign(rsa, JWSAlgorithm.RS256, claims().subject(null).build());
    assertEquals("jwt", accepted(auth.authenticate(none)).subject());
  }

  @Test
  void accessTokenTypeAcceptedOtherTypeRejected() {
    JWTClaimsSet c = claims().build();
    String at = sign(TestTokens.header(JWSAlgorithm.RS256, rsa, new JOSEObjectType("at+jwt")), rsa, c);
    accepted(auth.authenticate(at));
    String other = sign(TestTokens.header(JWSAlgorithm.RS256, rsa, new JOSEObjectType("logout+jwt")), rsa, c);
    rejected("The bearer token's type (typ header) is not accepted.", auth.authenticate(other));
  }

  @Test
  void expired() {
    String token = sign(rsa, JWSAlgorithm.RS256, claims().expirationTime(inSeconds(-300)).build());
    rejected("The bearer token has expired.", auth.authenticate(token));
  }

  @Test
  void notYetValid() {
    String token = sign(rsa, JWSAlgorithm.RS256, claims().notBeforeTime(inSeconds(300)).build());
    rejected("The bearer token is not valid yet.", auth.authenticate(token));
  }

  @Test
  void withinClockSkewAccepted() {
    String late = sign(rsa, JWSAlgorithm.RS256, claims().expirationTime(inSeconds(-30)).build());
    accepted(auth.authenticate(late));
    String early = sign(rsa, JWSAlgorithm.RS256, claims().notBeforeTime(inSeconds(30)).build());
    accepted(auth.authenticate(early));
    JwtAuthenticator strict = new JwtAuthenticator(settings.withClockSkew(Duration.ZERO));
    rejected("The bearer token has expired.", strict.authenticate(late));
    rejected("The bearer token is not valid yet.", strict.authenticate(early));
  }

  @Test
  void wrongIssuer() {
    String token = sign(rsa, JWSAlgorithm.RS256, claims().issuer("https://evil.example.test").build());
    rejected("The token's issuer is not accepted by this gateway.", auth.authenticate(token));
    String missing = sign(rsa, JWSAlgorithm.RS256, claims().issuer(null).build());
    rejected("The token's issuer is not accepted by this gateway.", auth.authenticate(missing));
  }

  @Test
  void wrongOrMissingAudience() {
    String token = sign(rsa, JWSAlgorithm.RS256, claims().audience("another-api").build());
    rejected("The token's audience is not accepted by this gateway.", auth.authenticate(token));
    String missing = sign(rsa, JWSAlgorithm.RS256, claims().audience((String) null).build());
    rejected("The token's audience is not accepted by this gateway.", auth.authenticate(missing));
    String oneOfMany = sign(rsa, JWSAlgorithm.RS256, claims().audience(List.of("another-api", AUDIENCE)).build());
    accepted(auth.authenticate(oneOfMany));
  }

  @Test
  void missingExp() {
    String token = sign(rsa, JWSAlgorithm.RS256, claims().expirationTime(null).build());
    rejected("The bearer token has no expiry time (exp).", auth.authenticate(token));
  }

  @Test
  void signatureByAnotherKey() {
    String unknownKid = sign(stranger, JWSAlgorithm.RS256, claims().build());
    rejected("The bearer token was signed with a key this gateway does not trust.", auth.authenticate(unknownKid));
    String sameKid = sign(impostor, JWSAlgorithm.RS256, claims().build());
    rejected("The bearer token's signature is not valid.", auth.authenticate(sameKid));
  }

  @Test
  void tamperedPayload() {
    String token = sign(rsa, JWSAlgorithm.RS256, claims().build());
    String[] parts = token.split("\\.");
    String forged = sign(stranger, JWSAlgorithm.RS256, claims().subject("root").build()).split("\\.")[1];
    rejected("The bearer token's signature is not valid.", auth.authenticate(parts[0] + "." + forged + "." + parts[2]));
  }

  @Test
  void algNone() {
    rejected("Unsigned bearer tokens (alg none) are not accepted.", auth.authenticate(TestTokens.unsigned(claims().build())));
  }

  @Test
  void hs256KeyedWithTheRsaPublicKeyIsRejected() throws Exception {
    byte[] publicKeyBytes = rsa.toRSAPublicKey().getEncoded();
    String token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
        new MACSigner(publicKeyBytes), claims().claim("scope", "scim.read scim.write").build());
    rejected("The bearer token's signing algorithm is not accepted by this gateway.", auth.authenticate(token));
  }

  @Test
  void algorithmOutsideAllowList() {
    JwtAuthenticator rs256Only = new JwtAuthenticator(settings.withAlgorithms(List.of("RS256")));
    String rs512 = sign(rsa, JWSAlgorithm.RS512, claims().build());
    rejected("The bearer token's signing algorithm is not accepted by this gateway.", rs256Only.authenticate(rs512));
    String es256 = sign(ec, JWSAlgorithm.ES256, claims().build());
    rejected("The bearer token's signing algorithm is not accepted by this gateway.", rs256Only.authenticate(es256));
    accepted(rs256Only.authenticate(sign(rsa, JWSAlgorithm.RS256, claims().build())));
  }

  @Test
  void encryptedTokenRejected() throws Exception {
    com.nimbusds.jwt.EncryptedJWT jwe = new com.nimbusds.jwt.EncryptedJWT(
        new com.nimbusds.jose.JWEHeader(com.nimbusds.jose.JWEAlgorithm.RSA_OAEP_256,
            com.nimbusds.jose.EncryptionMethod.A128GCM), claims().build());
    jwe.encrypt(new com.nimbusds.jose.crypto.RSAEncrypter(rsa.toRSAPublicKey()));
    rejected("Encrypted bearer tokens (JWE) are not accepted.", auth.authenticate(jwe.serialize()));
  }

  @Test
  void garbage() {
    for (String junk : List.of("not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "....", "e30.e30.")) {
      rejected("The bearer token is not a well-formed JWT.", auth.authenticate(junk));
    }
    rejected("No bearer token was presented.", auth.authenticate(" "));
    rejected("No bearer token was presented.", auth.authenticate(null));
  }

  @Test
  void jwksFileProblemsFailAtStart() throws Exception {
    Path missing = dir.resolve("missing.json");
    assertThrows(IllegalArgumentException.class,
        () -> new JwtAuthenticator(JwtSettings.ofJwksFile(missing, ISSUER, List.of(AUDIENCE))));
    Path empty = Files.writeString(dir.resolve("empty.json"), "{\"keys\":[]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JwtAuthenticator(JwtSettings.ofJwksFile(empty, ISSUER, List.of(AUDIENCE))));
    assertTrue(e.getMessage().contains("no public key"), e.getMessage());
  }

  @Test
  void privateKeysInTheFileAreReducedToPublicOnes() throws Exception {
    Path file = Files.writeString(dir.resolve("private.json"),
        new com.nimbusds.jose.jwk.JWKSet(rsa).toString(false));
    JwtAuthenticator fromPrivate = new JwtAuthenticator(JwtSettings.ofJwksFile(file, ISSUER, List.of(AUDIENCE)));
    accepted(fromPrivate.authenticate(sign(rsa, JWSAlgorithm.RS256, claims().build())));
  }
}
