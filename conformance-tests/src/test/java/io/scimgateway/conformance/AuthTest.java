package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import io.scimgateway.conformance.TestJwtIssuer.Keys;
import io.scimgateway.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer-token authentication, black box over HTTP: static tokens (plain from the environment, SHA-256
 * hashes from the configuration), JWTs checked against a JWKS file or URL, scopes, and the shape of
 * every refusal (a SCIM error that never echoes the token).
 */
class AuthTest {

  private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final String SEARCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

  /** One identity provider for the whole class: key generation is the slow part. */
  private static final TestJwtIssuer IDP = new TestJwtIssuer();

  @TempDir
  Path dir;

  @RegisterExtension
  final RunningGateway running = new RunningGateway();

  private final List<AutoCloseable> open = new ArrayList<>();
  private int gateways;

  @AfterEach
  void closeEverything() throws Exception {
    Collections.reverse(open);
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  // ---------------------------------------------------------------- the Authorization header

  @Test
  void noAuthorizationHeaderIs401WithBearerChallengeAndScimError() {
    ScimClient anonymous = staticGateway().withToken(null);

    ScimResponse list = anonymous.get("/Users");
    assertScimError(list, 401);

    ScimResponse create = anonymous.post("/Users", user("anon@example.com"));
    assertScimError(create, 401);
  }

  @Test
  void anonymousCreateLeavesNothingBehind() {
    ScimClient scim = staticGateway();
    assertScimError(scim.withToken(null).post("/Users", user("ghost@example.com")), 401);

    ScimResponse list = scim.get("/Users");
    assertEquals(200, list.status(), list::toString);
    assertEquals(0, list.json().path("totalResults").asInt(), list::toString);
  }

  @Test
  void wrongStaticTokenIs401() {
    ScimClient scim = staticGateway();
    for (String wrong : List.of("not-the-conformance-token-9876543210", TestGateway.TOKEN + "x",
        TestGateway.TOKEN.substring(1), TestGateway.TOKEN.toUpperCase(Locale.ROOT))) {
      ScimResponse response = scim.withToken(wrong).get("/Users");
      assertScimError(response, 401, wrong);
    }
  }

  @Test
  void emptyBearerCredentialIs401() {
    ScimClient scim = staticGateway();
    for (String header : List.of("Bearer", "Bearer ", "")) {
      ScimResponse response = scim.withToken(null).get("/Users", "Authorization", header);
      assertScimError(response, 401);
    }
  }

  @Test
  void basicSchemeIs401EvenWithTheRightSecret() {
    ScimClient scim = staticGateway();
    String userPass = Base64.getEncoder()
        .encodeToString(("scim:" + TestGateway.TOKEN).getBytes(StandardCharsets.UTF_8));
    for (String header : List.of("Basic " + userPass, "Basic " + TestGateway.TOKEN)) {
      ScimResponse response = scim.withToken(null).get("/Users", "Authorization", header);
      assertScimError(response, 401, TestGateway.TOKEN, userPass);
    }
  }

  @Test
  void tokenWithoutBearerPrefixIsAccepted() {
    ScimClient scim = staticGateway().withToken(null);

    ScimResponse list = scim.get("/Users", "Authorization", TestGateway.TOKEN);
    assertEquals(200, list.status(), list::toString);

    ScimResponse created = scim.post("/Users", user("no.prefix@example.com"),
        "Authorization", TestGateway.TOKEN);
    assertEquals(201, created.status(), created::toString);
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    ScimClient scim = staticGateway().withToken(null);
    for (String scheme : List.of("bearer", "BEARER", "Bearer")) {
      ScimResponse response = scim.get("/Users", "Authorization", scheme + " " + TestGateway.TOKEN);
      assertEquals(200, response.status(), () -> scheme + ": " + response);
    }
  }

  // ---------------------------------------------------------------- static tokens

  @Test
  void plainTokenFromTheEnvironmentWorks() {
    ScimClient scim = staticGateway();

    ScimResponse created = scim.post("/Users", user("env.token@example.com"));
    assertEquals(201, created.status(), created::toString);
    ScimResponse read = scim.get("/Users/" + created.text("id"));
    assertEquals(200, read.status(), read::toString);
    ScimResponse config = scim.get("/ServiceProviderConfig");
    assertEquals(200, config.status(), config::toString);
  }

  @Test
  void hashedTokensFromTheConfigurationWorkWithoutAnEnvironmentToken() {
    String first = "first-hashed-token-" + random();
    String second = "second-hashed-token-" + random();
    TestGateway gateway = startGateway(
        new GatewayConfig.Auth(List.of(sha256Hex(first), sha256Hex(second).toUpperCase(Locale.ROOT)),
            null),
        null);
    ScimClient scim = gateway.client();

    for (String token : List.of(first, second)) {
      ScimClient client = scim.withToken(token);
      ScimResponse created = client.post("/Users", user(token.substring(0, 5) + "@example.com"));
      assertEquals(201, created.status(), () -> token.substring(0, 6) + ": " + created);
      ScimResponse read = client.get("/Users/" + created.text("id"));
      assertEquals(200, read.status(), read::toString);
    }

    // the default test token was not given to this gateway
    assertScimError(scim.get("/Users"), 401, TestGateway.TOKEN);
    // the stored hash is not itself a credential
    String hash = sha256Hex(first);
    assertScimError(scim.withToken(hash).get("/Users"), 401, hash);
  }

  @Test
  void hashedAndEnvironmentTokensWorkSideBySide() {
    String hashed = "hashed-token-" + random();
    TestGateway gateway = startGateway(new GatewayConfig.Auth(List.of(sha256Hex(hashed)), null),
        TestGateway.TOKEN);

    ScimResponse viaEnv = gateway.client().get("/Users");
    assertEquals(200, viaEnv.status(), viaEnv::toString);
    ScimResponse viaHash = gateway.client().withToken(hashed).get("/Users");
    assertEquals(200, viaHash.status(), viaHash::toString);
  }

  @Test
  void refusesToStartWithoutAnyCredential() {
    for (String plain : new String[] {null, "", "   "}) {
      GatewayConfig config = TestGateway.config(dataDirectory()).withAuth(new GatewayConfig.Auth(null, null));
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> startGateway(config, plain),
              () -> "started with plain token [" + plain + "]");
      assertNotNull(refused.getMessage());
      assertTrue(refused.getMessage().contains("SCIM_GATEWAY_TOKEN"), refused::getMessage);
    }
  }

  @Test
  void discoveryEndpointsRequireAuthentication() {
    ScimClient scim = staticGateway();
    for (String path : List.of("/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/User",
        "/Schemas", "/Schemas/" + USER_SCHEMA)) {
      assertScimError(scim.withToken(null).get(path), 401);
      ScimResponse allowed = scim.get(path);
      assertEquals(200, allowed.status(), () -> path + ": " + allowed);
    }
  }

  @Test
  void searchRequiresAuthentication() {
    ScimClient scim = staticGateway();
    assertScimError(scim.withToken(null).post("/Users/.search", search("nobody@example.com")), 401);
    assertScimError(scim.withToken("wrong-" + random()).post("/Users/.search", search("x@example.com")),
        401);
  }

  // ---------------------------------------------------------------- JWT, keys from a file

  @Test
  void jwtWithReadAndWriteScopeCanCreateReadChangeAndDelete() {
    ScimClient scim = jwtGateway().withToken(IDP.token(TestJwtIssuer.READ_WRITE));

    ScimResponse created = scim.post("/Users", user("jwt.user@example.com"));
    assertEquals(201, created.status(), created::toString);
    String id = created.text("id");
    ScimResponse read = scim.get("/Users/" + id);
    assertEquals(200, read.status(), read::toString);
    ScimResponse list = scim.get("/Users");
    assertEquals(200, list.status(), list::toString);
    assertEquals(1, list.json().path("totalResults").asInt(), list::toString);

    assert2xx(scim.put("/Users/" + id, user("jwt.user@example.com")));
    assert2xx(scim.patch("/Users/" + id, deactivate()));
    assert2xx(scim.delete("/Users/" + id));
  }

  @Test
  void es256JwtFromTheSameJwksIsAccepted() {
    ScimClient scim = jwtGateway();
    String token = IDP.es256(TestJwtIssuer.validClaims().claim("scope", TestJwtIssuer.READ_WRITE).build());
    ScimResponse response = scim.withToken(token).get("/Users");
    assertEquals(200, response.status(), response::toString);
  }

  @Test
  void accessTokenTypeHeaderIsAccepted() {
    ScimClient scim = jwtGateway();
    String token = IDP.rs256WithType(
        TestJwtIssuer.validClaims().claim("scope", TestJwtIssuer.READ_WRITE).build(), "at+jwt");
    ScimResponse response = scim.withToken(token).get("/Users");
    assertEquals(200, response.status(), response::toString);
  }

  @Test
  void jwtAloneIsEnoughToStartAndStaticTokenIsThenRefused() {
    ScimClient scim = jwtGateway();
    assertScimError(scim.withToken(TestGateway.TOKEN).get("/Users"), 401, TestGateway.TOKEN);
  }

  @Test
  void expiredJwtIs401AndSaysSo() {
    ScimClient scim = jwtGateway();
    Instant past = Instant.now().minus(Duration.ofMinutes(30));
    String token = IDP.token(claims -> claims
        .claim("scope", TestJwtIssuer.READ_WRITE)
        .issueTime(Date.from(past))
        .expirationTime(Date.from(past.plus(Duration.ofMinutes(10)))));

    ScimResponse response = scim.withToken(token).get("/Users");
    assertScimError(response, 401, token);
    assertTrue(response.text("detail").toLowerCase(Locale.ROOT).contains("expir"),
        () -> "detail should mention expiry: " + response);
  }

  @Test
  void jwtExpiredWithinTheDefaultClockSkewIsStillAccepted() {
    ScimClient scim = jwtGateway();
    String token = IDP.token(claims -> claims
        .claim("scope", TestJwtIssuer.READ_WRITE)
        .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))
        .expirationTime(Date.from(Instant.now().minus(Duration.ofSeconds(10)))));
    ScimResponse response = scim.withToken(token).get("/Users");
    assertEquals(200, response.status(), response::toString);
  }

  @Test
  void jwtWithoutExpiryIs401() {
    ScimClient scim = jwtGateway();
    String token = IDP.token(claims -> claims.claim("scope", TestJwtIssuer.READ_WRITE).expirationTime(null));
    assertScimError(scim.withToken(token).get("/Users"), 401, token);
  }

  @Test
  void jwtNotValidBeforeAFutureTimeIs401() {
    ScimClient scim = jwtGateway();
    String token = IDP.token(claims -> claims
        .claim("scope", TestJwtIssuer.READ_WRITE)
        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
        .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(20)))));
    assertScimError(scim.withToken(token).get("/Users"), 401, token);
  }

  @Test
  void jwtForAnotherAudienceIs401() {
    ScimClient scim = jwtGateway();
    String other = IDP.token(claims -> claims.claim("scope", TestJwtIssuer.READ_WRITE)
        .audience("some-other-api"));
    assertScimError(scim.withToken(other).get("/Users"), 401, other);
    String none = IDP.token(claims -> claims.claim("scope", TestJwtIssuer.READ_WRITE)
        .audience((String) null));
    assertScimError(scim.withToken(none).get("/Users"), 401, none);
  }

  @Test
  void jwtFromAnotherIssuerIs401() {
    ScimClient scim = jwtGateway();
    String other = IDP.token(claims -> claims.claim("scope", TestJwtIssuer.READ_WRITE)
        .issuer("https://evil.example"));
    assertScimError(scim.withToken(other).get("/Users"), 401, other);
    String prefixed = IDP.token(claims -> claims.claim("scope", TestJwtIssuer.READ_WRITE)
        .issuer(TestJwtIssuer.ISSUER + ".evil.example"));
    assertScimError(scim.withToken(prefixed).get("/Users"), 401, prefixed);
    String none = IDP.token(claims -> claims.claim("scope", TestJwtIssuer.READ_WRITE).issuer(null));
    assertScimError(scim.withToken(none).get("/Users"), 401, none);
  }

  @Test
  void unsignedAlgNoneJwtIs401() {
    ScimClient scim = jwtGateway();
    String token = TestJwtIssuer.unsigned(
        TestJwtIssuer.validClaims().claim("scope", TestJwtIssuer.READ_WRITE).build());
    assertTrue(token.endsWith("."), token);
    assertScimError(scim.withToken(token).get("/Users"), 401, token);
    assertScimError(scim.withToken(token).post("/Users", user("none@example.com")), 401, token);
  }

  @Test
  void jwtSignedByAnUntrustedKeyIs401() {
    ScimClient scim = jwtGateway();
    JWTClaimsSet claims = TestJwtIssuer.validClaims().claim("scope", TestJwtIssuer.READ_WRITE).build();

    String otherKid = new TestJwtIssuer(Keys.STRANGER, "stranger-rsa", "stranger-ec").rs256(claims);
    assertScimError(scim.withToken(otherKid).get("/Users"), 401, otherKid);

    // an impostor that reuses the trusted key ids
    TestJwtIssuer impostor = new TestJwtIssuer(Keys.IMPOSTOR, IDP.rsaKeyId(), "conformance-ec");
    String sameKid = impostor.rs256(claims);
    assertScimError(scim.withToken(sameKid).get("/Users"), 401, sameKid);
    String sameKidEc = impostor.es256(claims);
    assertScimError(scim.withToken(sameKidEc).get("/Users"), 401, sameKidEc);
  }

  @Test
  void hs256JwtIs401IncludingKeyConfusion() {
    ScimClient scim = jwtGateway();
    JWTClaimsSet claims = TestJwtIssuer.validClaims().claim("scope", TestJwtIssuer.READ_WRITE).build();

    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String random = TestJwtIssuer.hs256(claims, secret, null);
    assertScimError(scim.withToken(random).get("/Users"), 401, random);

    // HMAC keyed with the issuer's public key, naming that key: the classic key-confusion forgery
    String confused = TestJwtIssuer.hs256(claims, IDP.rsaPublicKeyBytes(), IDP.rsaKeyId());
    assertScimError(scim.withToken(confused).get("/Users"), 401, confused);
  }

  @Test
  void jwtWithATamperedPayloadIs401() {
    ScimClient scim = jwtGateway();
    String readOnly = IDP.token("scim.read");
    String[] parts = readOnly.split("\\.");
    String escalated = Base64.getUrlEncoder().withoutPadding().encodeToString(
        TestJwtIssuer.validClaims().claim("scope", TestJwtIssuer.READ_WRITE).build().toString()
            .getBytes(StandardCharsets.UTF_8));
    String forged = parts[0] + "." + escalated + "." + parts[2];
    assertScimError(scim.withToken(forged).post("/Users", user("forged@example.com")), 401, forged);
  }

  @Test
  void readScopeMayReadButNotChange() {
    ScimClient gateway = jwtGateway();
    ScimClient admin = gateway.withToken(IDP.token(TestJwtIssuer.READ_WRITE));
    ScimResponse created = admin.post("/Users", user("read.only@example.com"));
    assertEquals(201, created.status(), created::toString);
    String id = created.text("id");

    String token = IDP.token("scim.read");
    ScimClient reader = gateway.withToken(token);
    assertEquals(200, reader.get("/Users").status());
    ScimResponse read = reader.get("/Users/" + id);
    assertEquals(200, read.status(), read::toString);
    assertEquals(200, reader.get("/ServiceProviderConfig").status());

    assertScimError(reader.post("/Users", user("sneaky@example.com")), 403, token);
    assertScimError(reader.put("/Users/" + id, user("renamed@example.com")), 403, token);
    assertScimError(reader.patch("/Users/" + id, deactivate()), 403, token);
    assertScimError(reader.delete("/Users/" + id), 403, token);

    ScimResponse after = admin.get("/Users/" + id);
    assertEquals(200, after.status(), "the refused DELETE must not delete: " + after);
    assertEquals(created.json().path("userName"), after.json().path("userName"), after::toString);
    assertEquals(created.json().path("active"), after.json().path("active"), after::toString);
    ScimResponse all = admin.get("/Users");
    assertEquals(1, all.json().path("totalResults").asInt(), "the refused POST must not create: " + all);
  }

  @Test
  void readScopeMaySearchWithPost() {
    ScimClient gateway = jwtGateway();
    ScimResponse created = gateway.withToken(IDP.token(TestJwtIssuer.READ_WRITE))
        .post("/Users", user("searched@example.com"));
    assertEquals(201, created.status(), created::toString);

    ScimResponse found = gateway.withToken(IDP.token("scim.read"))
        .post("/Users/.search", search("searched@example.com"));
    assertEquals(200, found.status(), found::toString);
    assertEquals(1, found.json().path("totalResults").asInt(), found::toString);
  }

  /**
   * Only a real {@code POST .../.search} is a read: a path that merely ends in ".search" (here through a
   * matrix parameter, which resource matching ignores) must still need the write scope.
   */
  @Test
  void readScopeCannotCreateThroughAPathThatOnlyLooksLikeASearch() {
    ScimClient gateway = jwtGateway();
    String token = IDP.token("scim.read");
    ScimClient reader = gateway.withToken(token);
    List<String> succeeded = new ArrayList<>();
    List<String> paths = List.of("/Users;.search", "/Users;x=.search", "/Groups;.search");
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      ObjectNode body =
          path.startsWith("/Groups") ? group("matrix-" + i) : user("matrix" + i + "@example.com");
      ScimResponse response = reader.post(path, body);
      if (response.status() >= 200 && response.status() < 300) {
        succeeded.add("POST " + path + " -> " + response.status());
      }
    }
    assertTrue(succeeded.isEmpty(), () -> "a token with only the read scope could write: " + succeeded);
    ScimClient admin = gateway.withToken(IDP.token(TestJwtIssuer.READ_WRITE));
    ScimResponse users = admin.get("/Users");
    assertEquals(0, users.json().path("totalResults").asInt(), () -> "a read-only token created: " + users);
  }

  @Test
  void writeScopeAloneMayNotRead() {
    ScimClient gateway = jwtGateway();
    String token = IDP.token("scim.write");
    ScimClient writer = gateway.withToken(token);

    assertScimError(writer.get("/Users"), 403, token);
    assertScimError(writer.get("/ServiceProviderConfig"), 403, token);
    assertScimError(writer.post("/Users/.search", search("x@example.com")), 403, token);

    ScimResponse created = writer.post("/Users", user("write.only@example.com"));
    assertEquals(201, created.status(), created::toString);
    assertScimError(writer.get("/Users/" + created.text("id")), 403, token);
  }

  @Test
  void jwtWithoutScimScopesIs403() {
    ScimClient gateway = jwtGateway();
    List<String> tokens = List.of(
        IDP.token("openid profile email"),
        IDP.token((String) null),
        IDP.token(""),
        IDP.token("scim.reader scim.writer"),
        IDP.token("SCIM.READ SCIM.WRITE"),
        IDP.token("scim.read,scim.write"));
    for (String token : tokens) {
      ScimClient client = gateway.withToken(token);
      assertScimError(client.get("/Users"), 403, token);
      assertScimError(client.post("/Users", user("unscoped@example.com")), 403, token);
    }
  }

  @Test
  void scopesMayComeFromACustomClaimWithCustomNames() {
    GatewayConfig.JwtConfig jwt = new GatewayConfig.JwtConfig(null, IDP.writeJwks(dir),
        TestJwtIssuer.ISSUER, List.of(TestJwtIssuer.AUDIENCE), null, null, "scp", "read", "write");
    ScimClient gateway = startGateway(new GatewayConfig.Auth(null, jwt), null).client().withToken(null);

    ScimClient both = gateway.withToken(IDP.token(c -> c.claim("scp", List.of("read", "write"))));
    ScimResponse created = both.post("/Users", user("scp.user@example.com"));
    assertEquals(201, created.status(), created::toString);
    ScimResponse read = both.get("/Users/" + created.text("id"));
    assertEquals(200, read.status(), read::toString);

    String readOnly = IDP.token(c -> c.claim("scp", List.of("read")));
    assertEquals(200, gateway.withToken(readOnly).get("/Users").status());
    assertScimError(gateway.withToken(readOnly).post("/Users", user("scp.x@example.com")), 403, readOnly);

    String spaceSeparated = IDP.token(c -> c.claim("scp", "read write"));
    ScimResponse viaString = gateway.withToken(spaceSeparated).post("/Users", user("scp.y@example.com"));
    assertEquals(201, viaString.status(), viaString::toString);

    // the default claim and names mean nothing once the configuration changes them
    String defaults = IDP.token(TestJwtIssuer.READ_WRITE);
    assertScimError(gateway.withToken(defaults).get("/Users"), 403, defaults);
    String defaultNamesInScp = IDP.token(c -> c.claim("scp", List.of("scim.read", "scim.write")));
    assertScimError(gateway.withToken(defaultNamesInScp).get("/Users"), 403, defaultNamesInScp);
  }

  @Test
  void staticTokenAndJwtWorkOnTheSameGateway() {
    TestGateway gateway = startGateway(
        new GatewayConfig.Auth(null, TestJwtIssuer.fileConfig(IDP.writeJwks(dir))), TestGateway.TOKEN);
    ScimResponse viaStatic = gateway.client().post("/Users", user("static@example.com"));
    assertEquals(201, viaStatic.status(), viaStatic::toString);
    ScimResponse viaJwt = gateway.client().withToken(IDP.token(TestJwtIssuer.READ_WRITE)).get("/Users");
    assertEquals(200, viaJwt.status(), viaJwt::toString);
    assertEquals(1, viaJwt.json().path("totalResults").asInt(), viaJwt::toString);
  }

  @Test
  void jwtWithoutBearerPrefixIsAccepted() {
    ScimClient scim = jwtGateway();
    String token = IDP.token(TestJwtIssuer.READ_WRITE);
    ScimResponse response = scim.get("/Users", "Authorization", token);
    assertEquals(200, response.status(), response::toString);
  }

  // ---------------------------------------------------------------- JWT, keys from a URL

  @Test
  void jwksFromAUrlIsUsed() {
    HttpServer jwks = serveJwks(IDP.publicJwks());
    TestGateway gateway = startGateway(new GatewayConfig.Auth(null, TestJwtIssuer.urlConfig(jwksUrl(jwks))),
        null);

    ScimClient scim = gateway.client().withToken(IDP.token(TestJwtIssuer.READ_WRITE));
    ScimResponse created = scim.post("/Users", user("url.user@example.com"));
    assertEquals(201, created.status(), created::toString);
    ScimResponse read = scim.get("/Users/" + created.text("id"));
    assertEquals(200, read.status(), read::toString);

    String stranger = new TestJwtIssuer(Keys.STRANGER, "stranger-rsa", "stranger-ec")
        .token(TestJwtIssuer.READ_WRITE);
    assertScimError(gateway.client().withToken(stranger).get("/Users"), 401, stranger);
  }

  @Test
  void unreachableJwksUrlIs503ForJwtsWhileStaticTokensStillWork() {
    HttpServer jwks = serveJwks(IDP.publicJwks());
    String url = jwksUrl(jwks);
    GatewayConfig.Auth auth = new GatewayConfig.Auth(null, TestJwtIssuer.urlConfig(url));

    TestGateway first = startGateway(auth, TestGateway.TOKEN);
    ScimResponse ok = first.client().withToken(IDP.token(TestJwtIssuer.READ_WRITE)).get("/Users");
    assertEquals(200, ok.status(), ok::toString);

    jwks.stop(0);
    // the running gateway keeps the keys it already fetched
    ScimResponse cached = first.client().withToken(IDP.token(TestJwtIssuer.READ_WRITE)).get("/Users");
    assertEquals(200, cached.status(), cached::toString);

    // a fresh gateway has no cached keys
    TestGateway second = startGateway(auth, TestGateway.TOKEN);
    String token = IDP.token(TestJwtIssuer.READ_WRITE);
    ScimResponse unavailable = second.client().withToken(token).get("/Users");
    assertScimError(unavailable, 503, token);

    ScimResponse viaStatic = second.client().get("/Users");
    assertEquals(200, viaStatic.status(), viaStatic::toString);
    ScimResponse createdViaStatic = second.client().post("/Users", user("static.ok@example.com"));
    assertEquals(201, createdViaStatic.status(), createdViaStatic::toString);
  }

  @Test
  void jwksUrlAnsweringSomethingOtherThanAJwksIs503() {
    HttpServer broken = serveJwks(200, () -> "<html>maintenance</html>");
    HttpServer failing = serveJwks(500, () -> "{\"error\":\"down\"}");
    for (HttpServer server : List.of(broken, failing)) {
      TestGateway gateway = startGateway(
          new GatewayConfig.Auth(null, TestJwtIssuer.urlConfig(jwksUrl(server))), TestGateway.TOKEN);
      String token = IDP.token(TestJwtIssuer.READ_WRITE);
      assertScimError(gateway.client().withToken(token).get("/Users"), 503, token);
      assertEquals(200, gateway.client().get("/Users").status());
    }
  }

  @Test
  void rotatedKeyPublishedAtTheJwksUrlIsPickedUp() {
    TestJwtIssuer rotated = new TestJwtIssuer(Keys.ROTATED, "rotated-rsa", "rotated-ec");
    AtomicReference<String> published = new AtomicReference<>(IDP.publicJwks());
    HttpServer jwks = serveJwks(200, published::get);
    TestGateway gateway = startGateway(
        new GatewayConfig.Auth(null, TestJwtIssuer.urlConfig(jwksUrl(jwks))), null);

    ScimResponse before = gateway.client().withToken(IDP.token(TestJwtIssuer.READ_WRITE)).get("/Users");
    assertEquals(200, before.status(), before::toString);

    // the issuer starts signing with a new key and publishes it next to the old one
    published.set(jwksOf(IDP, rotated));
    ScimResponse after = gateway.client().withToken(rotated.token(TestJwtIssuer.READ_WRITE)).get("/Users");
    assertEquals(200, after.status(), () -> "a token signed with the newly published key: " + after);
  }

  // ---------------------------------------------------------------- RFC 6750 challenges

  @Test
  void challengesCarryTheRfc6750ErrorCodes() {
    ScimClient scim = jwtGateway();

    ScimResponse missing = scim.get("/Users");
    assertScimError(missing, 401);
    assertFalse(missing.header("WWW-Authenticate").orElseThrow().contains("error="),
        () -> "no error code when no credentials were sent (RFC 6750 section 3.1): " + missing);

    String expired = IDP.token(c -> c.claim("scope", TestJwtIssuer.READ_WRITE)
        .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))));
    ScimResponse invalid = scim.withToken(expired).get("/Users");
    assertScimError(invalid, 401, expired);
    assertTrue(invalid.header("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""),
        invalid::toString);

    String readOnly = IDP.token("scim.read");
    ScimResponse forbidden = scim.withToken(readOnly).post("/Users", user("scope@example.com"));
    assertScimError(forbidden, 403, readOnly);
    assertTrue(forbidden.header("WWW-Authenticate").orElse("").contains("error=\"insufficient_scope\""),
        () -> "WWW-Authenticate: " + forbidden.header("WWW-Authenticate"));
  }

  // ---------------------------------------------------------------- helpers

  private static String jwksOf(TestJwtIssuer... issuers) {
    StringBuilder keys = new StringBuilder();
    for (TestJwtIssuer issuer : issuers) {
      JsonNode set;
      try {
        set = new ObjectMapper().readTree(issuer.publicJwks());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (JsonNode key : set.path("keys")) {
        keys.append(keys.length() == 0 ? "" : ",").append(key);
      }
    }
    return "{\"keys\":[" + keys + "]}";
  }


  /**
   * The shared gateway, which accepts only {@link TestGateway#TOKEN} (the default configuration);
   * returns its client with that token.
   */
  private ScimClient staticGateway() {
    return running.gateway().client();
  }

  /** A gateway accepting only JWTs from {@link #IDP}, keys from a JWKS file; client without a token. */
  private ScimClient jwtGateway() {
    GatewayConfig.Auth auth = new GatewayConfig.Auth(null, TestJwtIssuer.fileConfig(IDP.writeJwks(dir)));
    return startGateway(auth, null).client().withToken(null);
  }

  private TestGateway startGateway(GatewayConfig.Auth auth, String plainToken) {
    return startGateway(TestGateway.config(dataDirectory()).withAuth(auth), plainToken);
  }

  private TestGateway startGateway(GatewayConfig config, String plainToken) {
    TestGateway gateway = TestGateway.start(config, plainToken);
    open.add(gateway);
    return gateway;
  }

  private Path dataDirectory() {
    try {
      return Files.createDirectories(dir.resolve("data-" + gateways++));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpServer serveJwks(String body) {
    return serveJwks(200, () -> body);
  }

  /** Serves {@code /jwks.json} on a loopback port; {@code body} is asked again on every request. */
  private HttpServer serveJwks(int status, Supplier<String> body) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/jwks.json", exchange -> {
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      });
      server.start();
      open.add(() -> server.stop(0));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String jwksUrl(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
  }

  /**
   * A SCIM error (RFC 7644 section 3.12) with this status, a string {@code status}, a non-empty
   * {@code detail}, a Bearer challenge on 401, and none of {@code secrets} (nor a JWT's signature) in
   * the body or any header.
   */
  private static void assertScimError(ScimResponse response, int status, String... secrets) {
    assertEquals(status, response.status(), response::toString);
    JsonNode body = response.json();
    boolean errorSchema = false;
    for (JsonNode schema : body.path("schemas")) {
      errorSchema |= ERROR_SCHEMA.equals(schema.asText());
    }
    assertTrue(errorSchema, () -> "schemas should name " + ERROR_SCHEMA + ": " + response);
    assertTrue(body.path("status").isTextual(), () -> "status should be a JSON string: " + response);
    assertEquals(Integer.toString(status), body.path("status").asText(), response::toString);
    String detail = response.text("detail");
    assertTrue(detail != null && !detail.isBlank(), () -> "detail should say why: " + response);
    assertTrue(response.header("Content-Type").orElse("").startsWith("application/scim+json"),
        () -> "Content-Type: " + response.header("Content-Type"));
    if (status == 401) {
      String challenge = response.header("WWW-Authenticate").orElse("");
      assertTrue(challenge.startsWith("Bearer"), () -> "WWW-Authenticate: " + challenge);
    }
    for (String secret : secrets) {
      for (String part : secretParts(secret)) {
        assertFalse(response.body().contains(part), () -> "the body echoes the token: " + response);
        for (Map.Entry<String, List<String>> header : response.raw().headers().map().entrySet()) {
          for (String value : header.getValue()) {
            assertFalse(value.contains(part), () -> "header " + header.getKey() + " echoes the token");
          }
        }
      }
    }
  }

  /** The whole token, and for a JWT its signature part too. */
  private static List<String> secretParts(String token) {
    List<String> parts = new ArrayList<>(List.of(token));
    String[] segments = token.split("\\.");
    if (segments.length == 3 && segments[2].length() >= 16) {
      parts.add(segments[2]);
    }
    return parts;
  }

  private static void assert2xx(ScimResponse response) {
    assertTrue(response.status() >= 200 && response.status() < 300, response::toString);
  }

  private static ObjectNode user(String userName) {
    ObjectNode user = JsonNodeFactory.instance.objectNode();
    user.putArray("schemas").add(USER_SCHEMA);
    user.put("userName", userName);
    user.putObject("name").put("givenName", "Auth").put("familyName", "Test");
    user.put("active", true);
    return user;
  }

  private static ObjectNode group(String displayName) {
    ObjectNode group = JsonNodeFactory.instance.objectNode();
    group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    group.put("displayName", displayName);
    return group;
  }

  private static ObjectNode deactivate() {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putArray("schemas").add(PATCH_SCHEMA);
    patch.putArray("Operations").addObject().put("op", "replace").put("path", "active").put("value", false);
    return patch;
  }

  private static ObjectNode search(String userName) {
    ObjectNode search = JsonNodeFactory.instance.objectNode();
    search.putArray("schemas").add(SEARCH_SCHEMA);
    search.put("filter", "userName eq \"" + userName + "\"");
    return search;
  }

  private static String sha256Hex(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
