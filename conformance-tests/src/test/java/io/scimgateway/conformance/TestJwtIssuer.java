package io.scimgateway.conformance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.scimgateway.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A stand-in for an identity provider in tests: it holds an RSA and an EC signing key, publishes their
 * public halves as a JWKS, and mints JWT access tokens (valid ones, and the broken kinds a gateway must
 * refuse). The keys are fixed test keys read from {@code test-issuer-keys.json}, one pair for each
 * {@link Keys}: generating a 2048-bit RSA key took about two seconds of a test JVM's CPU, and the suite
 * made nine of them over every backend.
 */
final class TestJwtIssuer {

  static final String ISSUER = "https://idp.conformance.test";
  static final String AUDIENCE = "scim-gateway-conformance";
  static final String SUBJECT = "provisioning-client";
  static final String READ_WRITE = "scim.read scim.write";

  private final RSAKey rsa;
  private final ECKey ec;
  private final JWSSigner rsaSigner;
  private final JWSSigner ecSigner;

  /** Which stored key pair an issuer signs with; each is different key material. */
  enum Keys { TRUSTED, STRANGER, IMPOSTOR, ROTATED }

  private static final JWKSet STORED = storedKeys();

  /** The issuer a test gateway trusts, with key ids {@code conformance-rsa} and {@code conformance-ec}. */
  TestJwtIssuer() {
    this(Keys.TRUSTED, "conformance-rsa", "conformance-ec");
  }

  /**
   * An issuer signing with the {@code keys} pair under the given key ids (an impostor takes another
   * issuer's ids with its own keys).
   */
  TestJwtIssuer(Keys keys, String rsaKeyId, String ecKeyId) {
    String name = keys.name().toLowerCase(Locale.ROOT);
    try {
      rsa = new RSAKey.Builder(STORED.getKeyByKeyId(name + "-rsa").toRSAKey())
          .keyID(rsaKeyId).keyUse(KeyUse.SIGNATURE).build();
      ec = new ECKey.Builder(STORED.getKeyByKeyId(name + "-ec").toECKey())
          .keyID(ecKeyId).keyUse(KeyUse.SIGNATURE).build();
      rsaSigner = new RSASSASigner(rsa);
      ecSigner = new ECDSASigner(ec);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot use the stored test keys", e);
    }
  }

  private static JWKSet storedKeys() {
    try (InputStream in = TestJwtIssuer.class.getResourceAsStream("test-issuer-keys.json")) {
      if (in == null) {
        throw new IllegalStateException("test-issuer-keys.json is missing from the test resources");
      }
      return JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("test-issuer-keys.json is not a JWKS", e);
    }
  }

  /** The public keys as a JWKS document (no private parts). */
  String publicJwks() {
    return new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())).toString();
  }

  /** Writes {@link #publicJwks()} to {@code directory/jwks.json} and returns that file. */
  Path writeJwks(Path directory) {
    Path file = directory.resolve("jwks.json");
    try {
      Files.writeString(file, publicJwks(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A JWT configuration trusting this issuer through a JWKS file, with every other setting default. */
  static GatewayConfig.JwtConfig fileConfig(Path jwksFile) {
    return new GatewayConfig.JwtConfig(null, jwksFile, ISSUER, List.of(AUDIENCE), null, null, null, null,
        null);
  }

  /** A JWT configuration trusting this issuer through a JWKS URL, with every other setting default. */
  static GatewayConfig.JwtConfig urlConfig(String jwksUrl) {
    return new GatewayConfig.JwtConfig(jwksUrl, null, ISSUER, List.of(AUDIENCE), null, null, null, null,
        null);
  }

  /** Claims a gateway should accept: right issuer and audience, issued now, valid for five minutes. */
  static JWTClaimsSet.Builder validClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(SUBJECT)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(Long.toHexString(new SecureRandom().nextLong()));
  }

  /** An RS256 token with valid claims and the given scope string (null: no scope claim). */
  String token(String scope) {
    return rs256(validClaims().claim("scope", scope).build());
  }

  /** An RS256 token with valid claims changed by {@code change}. */
  String token(UnaryOperator<JWTClaimsSet.Builder> change) {
    return rs256(change.apply(validClaims()).build());
  }

  String rs256(JWTClaimsSet claims) {
    return sign(rsaSigner, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()), claims);
  }

  String es256(JWTClaimsSet claims) {
    return sign(ecSigner, new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()), claims);
  }

  /** An RS256 token whose header names the RSA key but whose header type is {@code typ}. */
  String rs256WithType(JWTClaimsSet claims, String typ) {
    return sign(rsaSigner, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID())
        .type(new JOSEObjectType(typ)), claims);
  }

  /** An unsigned token ({@code "alg": "none"}, empty signature part). */
  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /** An HS256 token keyed with {@code secret} (at least 32 bytes), naming {@code keyId}. */
  static String hs256(JWTClaimsSet claims, byte[] secret, String keyId) {
    try {
      return sign(new MACSigner(secret), new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String rsaKeyId() {
    return rsa.getKeyID();
  }

  /** The RSA public key in X.509 encoding: what a key-confusion attacker would use as an HMAC secret. */
  byte[] rsaPublicKeyBytes() {
    try {
      return rsa.toRSAPublicKey().getEncoded();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWSSigner signer, JWSHeader.Builder header, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a test token", e);
    }
    return jwt.serialize();
  }
}
