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
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwksUrlTest {

  private static RSAKey rsa;
  private static ECKey ec;
  private static RSAKey stranger;

  private HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();

  @BeforeAll
  static void keys() {
    rsa = TestTokens.rsa("rsa-1");
    ec = TestTokens.ec("ec-1");
    stranger = TestTokens.rsa("stranger");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves {@code body} with {@code status} at /jwks on 127.0.0.1 and returns its URL. */
  private URI serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks", exchange -> {
      fetches.incrementAndGet();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
  }

  private static JwtAuthenticator authenticator(URI url) {
    return new JwtAuthenticator(JwtSettings.ofJwksUrl(url, ISSUER, List.of(AUDIENCE)));
  }

  @Test
  void keysFromUrlAreFetchedOnceAndCached() throws Exception {
    JwtAuthenticator auth = authenticator(serve(200, TestTokens.publicJwks(rsa, ec)));
    assertEquals(0, fetches.get(), "the JWKS is fetched on the first token, not at start");
    for (int i = 0; i < 3; i++) {
      AuthResult result = auth.authenticate(
          sign(rsa, JWSAlgorithm.RS256, claims().claim("scope", "scim.read scim.write").build()));
      Principal p = assertInstanceOf(AuthResult.Authenticated.class, result).principal();
      assertEquals(Set.of(Scope.READ, Scope.WRITE), p.scopes());
    }
    AuthResult es = auth.authenticate(
        sign(ec, JWSAlgorithm.ES256, claims().claim("scope", List.of("scim.read")).build()));
    assertEquals(Set.of(Scope.READ),
        assertInstanceOf(AuthResult.Authenticated.class, es).principal().scopes());
    assertEquals(1, fetches.get());
  }

  @Test
  void sharedByConcurrentRequests() throws Exception {
    JwtAuthenticator auth = authenticator(serve(200, TestTokens.publicJwks(rsa, ec)));
    String rs = sign(rsa, JWSAlgorithm.RS256, claims().build());
    String es = sign(ec, JWSAlgorithm.ES256, claims().build());
    String bad = sign(stranger, JWSAlgorithm.RS256, claims().build());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AuthResult>> results = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String token = i % 3 == 0 ? rs : i % 3 == 1 ? es : bad;
        results.add(pool.submit(() -> auth.authenticate(token)));
      }
      for (int i = 0; i < results.size(); i++) {
        AuthResult result = results.get(i).get(30, TimeUnit.SECONDS);
        assertEquals(i % 3 != 2, result instanceof AuthResult.Authenticated, "request " + i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(fetches.get() <= 3, "fetches: " + fetches.get());
  }

  @Test
  void unknownKidIsRejectedAfterOneRefresh() throws Exception {
    JwtAuthenticator auth = authenticator(serve(200, TestTokens.publicJwks(rsa)));
    String token = sign(stranger, JWSAlgorithm.RS256, claims().build());
    for (int i = 0; i < 3; i++) {
      AuthResult result = auth.authenticate(token);
      assertEquals("The bearer token was signed with a key this gateway does not trust.",
          assertInstanceOf(AuthResult.Rejected.class, result).reason());
    }
    assertTrue(fetches.get() <= 2, "refreshes for unknown keys are rate-limited: " + fetches.get());
  }

  @Test
  void unreachableJwksUrlIsTheGatewaysProblem() throws Exception {
    URI url = serve(200, TestTokens.publicJwks(rsa));
    server.stop(0);
    server = null;
    JwtAuthenticator auth = authenticator(url);
    String token = sign(rsa, JWSAlgorithm.RS256, claims().build());
    AuthenticationUnavailableException e =
        assertThrows(AuthenticationUnavailableException.class, () -> auth.authenticate(token));
    assertTrue(e.getMessage().contains(url.toString()), e.getMessage());
    assertFalse(e.getMessage().contains(token));
  }

  @Test
  void jwksUrlAnsweringAnErrorIsTheGatewaysProblem() throws Exception {
    JwtAuthenticator auth = authenticator(serve(500, "oops"));
    String token = sign(rsa, JWSAlgorithm.RS256, claims().build());
    assertThrows(AuthenticationUnavailableException.class, () -> auth.authenticate(token));
  }

  @Test
  void jwksUrlAnsweringNonsenseIsTheGatewaysProblem() throws Exception {
    JwtAuthenticator auth = authenticator(serve(200, "<html>not a jwks</html>"));
    String token = sign(rsa, JWSAlgorithm.RS256, claims().build());
    assertThrows(AuthenticationUnavailableException.class, () -> auth.authenticate(token));
  }

  @Test
  void tokenRefusedBeforeAnyKeyLookupDoesNotNeedTheUrl() throws Exception {
    URI url = serve(200, TestTokens.publicJwks(rsa));
    server.stop(0);
    server = null;
    AuthResult result = authenticator(url).authenticate(TestTokens.unsigned(claims().build()));
    assertEquals("Unsigned bearer tokens (alg none) are not accepted.",
        assertInstanceOf(AuthResult.Rejected.class, result).reason());
  }
}
