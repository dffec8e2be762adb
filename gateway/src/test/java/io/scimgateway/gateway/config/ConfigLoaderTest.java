package io.scimgateway.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML file as the README documents it: every section optional, unknown keys refused. */
class ConfigLoaderTest {

  @TempDir
  Path dir;

  @Test
  void readsEveryDocumentedSection() throws IOException {
    GatewayConfig config = ConfigLoader.load(write("""
        server:
          bind: 0.0.0.0
          port: 9443
          basePath: /scim
        data: /var/lib/scim
        backend:
          type: sqlite
          synchronous: normal
          entitlements:
            - {value: license.full, display: Full license, type: License, description: Every feature}
          roles:
            - {value: admin, display: Administrator}
        auth:
          tokens: [5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8]
          jwt:
            jwksFile: /etc/scim/jwks.json
            issuer: https://login.example.com/
            audiences: [scim-gateway]
            clockSkewSeconds: 30
        limits:
          maxResults: 200
          maxPayloadBytes: 2048
        passwordReset:
          sink: webhook
          webhook: {url: https://hooks.example.com/scim-reset, secretEnv: SCIM_RESET_SECRET}
        """));
    assertEquals("0.0.0.0", config.server().bind());
    assertEquals(9443, config.server().port());
    assertEquals("/scim", config.server().basePath());
    assertEquals(Path.of("/var/lib/scim"), config.data());
    assertEquals("normal", config.backend().path("synchronous").asText());
    assertEquals(1, config.auth().tokens().size());
    assertEquals(List.of("scim-gateway"), config.auth().jwt().audiences());
    assertEquals(200, config.limits().toGatewayLimits().maxResults());
    assertEquals(2048, config.limits().toGatewayLimits().maxPayloadBytes());
    assertEquals(100_000, config.limits().toGatewayLimits().scanLimit(), "unset limits keep defaults");
    assertEquals("Full license", config.backend().path("entitlements").path(0).path("display").asText());
    assertEquals("webhook", config.passwordReset().sink());
    assertEquals("SCIM_RESET_SECRET", config.passwordReset().webhook().secretEnv());
    assertEquals(10, config.passwordReset().webhook().timeoutSeconds(), "the default timeout");
  }

  @Test
  void emptyFileMeansDefaults() throws IOException {
    GatewayConfig config = ConfigLoader.load(write(""));
    assertEquals(8080, config.server().port());
    assertEquals("/scim/v2", config.server().basePath());
    assertEquals("sqlite", config.backendType());
    assertEquals("file", config.passwordReset().sink());
  }

  @Test
  void resetWebhooksNeedHttpsBeyondLoopbackAndASecretVariable() throws IOException {
    String webhook = "passwordReset:\n  sink: webhook\n  webhook:\n    url: %s\n    secretEnv: S\n";
    assertEquals("http://127.0.0.1:9000/reset", ConfigLoader.load(write(webhook.formatted(
        "http://127.0.0.1:9000/reset"))).passwordReset().webhook().url());
    assertMessage("must be https", webhook.formatted("http://hooks.example.com/reset"));
    assertMessage("file, log or webhook", "passwordReset:\n  sink: mail\n");
    assertMessage("needs passwordReset.webhook", "passwordReset:\n  sink: webhook\n");
    assertMessage("needs url and secretEnv",
        "passwordReset:\n  sink: webhook\n  webhook: {url: https://h.example.com/r}\n");
  }

  private void assertMessage(String expected, String yaml) throws IOException {
    Path file = write(yaml);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.load(file));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }

  @Test
  void misspeltKeyStopsTheGateway() throws IOException {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.load(write("server:\n  prot: 9000\n")));
    assertTrue(error.getMessage().contains("prot"), error.getMessage());
  }

  @Test
  void everyMistakeIsReportedWithItsLineAndColumn() throws IOException {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.load(write("server:\n  prot: 9000\n  port: many\nlimits:\n"
            + "  maxResult: 5\ncompatibility:\n  emptyPatches: [1]\n")));
    String message = error.getMessage();
    for (String expected : new String[] {"line 2, column 3: unknown key \"prot\"",
        "line 3, column 9: \"many\" is not a whole number", "line 5, column 3: unknown key \"maxResult\"",
        "line 7, column 17: expected true or false, found a list"}) {
      assertTrue(message.contains(expected), message);
    }
    for (String internal : new String[] {"Source:", "line -1", "byte offset"}) {
      assertTrue(!message.contains(internal), message);
    }
  }

  @Test
  void invalidValueNamesTheSetting() throws IOException {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.load(write("limits:\n  maxResults: 0\n")));
    assertTrue(error.getMessage().contains("limits.maxResults"), error.getMessage());
  }

  @Test
  void missingFileIsReported() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ConfigLoader.load(dir.resolve("absent.yaml")));
    assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
