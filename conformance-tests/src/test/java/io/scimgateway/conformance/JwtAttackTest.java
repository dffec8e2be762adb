package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.scimgateway.conformance.TestJwtIssuer.Keys;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forged and misused JWTs an attacker tries, each refused by a gateway that trusts one issuer's
 * JWKS: {@code 401} (or {@code 403} for a token without the SCIM scopes), never a 2xx and never a
 * 5xx, and no token echoed back. A valid token on the same gateway works, so the refusals are real.
 */
class JwtAttackTest {

  private static final TestJwtIssuer IDP = new TestJwtIssuer();

  @TempDir
  Path data;

  @Test
  void everyAttackIsRefused() {
    GatewayConfig.Auth auth = new GatewayConfig.Auth(null, TestJwtIssuer.fileConfig(IDP.writeJwks(data)));
    try (TestGateway gateway = TestGateway.start(TestGateway.config(data.resolve("gateway"))
        .withAuth(auth), null)) {
      ScimClient anonymous = gateway.client().withToken(null);
      assertEquals(200, anonymous.withToken(IDP.token(TestJwtIssuer.READ_WRITE)).get("/Users").status());
      Map<String, Function<ScimClient, ScimResponse>> attacks = attacks();
      int refused = 0;
      for (Map.Entry<String, Function<ScimClient, ScimResponse>> attack : attacks.entrySet()) {
        ScimResponse response = attack.getValue().apply(anonymous);
        int status = response.status();
        // 400 only for the 100 KB token: the HTTP server refuses a header that large itself.
        boolean oversized = attack.getKey().startsWith("100 KB") && status == 400;
        assertTrue(status == 401 || status == 403 || oversized, attack.getKey() + " was answered "
            + response);
        assertFalse(response.body().contains("eyJ"), attack.getKey() + " echoed a token: " + response);
        refused++;
      }
      assertEquals(attacks.size(), refused);
      System.out.println("JWT attack cases refused: " + refused + " of " + attacks.size());
    }
  }

  private static Map<String, Function<ScimClient, ScimResponse>> attacks() {
    JWTClaimsSet valid = claims(b -> b);
    TestJwtIssuer stranger = new TestJwtIssuer(Keys.STRANGER, "stranger-rsa", "stranger-ec");
    TestJwtIssuer impostor = new TestJwtIssuer(Keys.IMPOSTOR, IDP.rsaKeyId(), "conformance-ec");
    Instant now = Instant.now();
    Map<String, Function<ScimClient, ScimResponse>> attacks = new LinkedHashMap<>();
    attacks.put("alg none", bearer(TestJwtIssuer.unsigned(valid)));
    attacks.put("HS256 keyed with the RSA public key",
        bearer(TestJwtIssuer.hs256(valid, IDP.rsaPublicKeyBytes(), IDP.rsaKeyId())));
    attacks.put("unknown kid", bearer(stranger.rs256(valid)));
    attacks.put("key from another JWKS under a trusted kid", bearer(impostor.rs256(valid)));
    attacks.put("expired", bearer(IDP.rs256(claims(b -> b.issueTime(Date.from(now.minusSeconds(7200)))
        .expirationTime(Date.from(now.minusSeconds(3600)))))));
    attacks.put("not yet valid", bearer(IDP.rs256(claims(b -> b.notBeforeTime(
        Date.from(now.plus(Duration.ofHours(1))))))));
    attacks.put("wrong issuer", bearer(IDP.rs256(claims(b -> b.issuer("https://evil.example")))));
    attacks.put("wrong audience", bearer(IDP.rs256(claims(b -> b.audience("another-api")))));
    attacks.put("missing scope", bearer(IDP.rs256(claims(b -> b.claim("scope", null)))));
    String good = IDP.token(TestJwtIssuer.READ_WRITE);
    attacks.put("token in the query string", scim -> scim.get("/Users?access_token=" + good));
    attacks.put("100 KB token", bearer(IDP.rs256(claims(b -> b.claim("pad", "x".repeat(100_000))))));
    return attacks;
  }

  private static JWTClaimsSet claims(Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> change) {
    return change.apply(TestJwtIssuer.validClaims().claim("scope", TestJwtIssuer.READ_WRITE)).build();
  }

  private static Function<ScimClient, ScimResponse> bearer(String token) {
    return scim -> scim.withToken(token).get("/Users");
  }
}
