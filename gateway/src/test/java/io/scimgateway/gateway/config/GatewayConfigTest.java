package io.scimgateway.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Configurations built the way the file builds them: defaults, fragments laid over, sections replaced. */
class GatewayConfigTest {

  @Test
  void defaultsAreWhatAnEmptyFileGives() {
    GatewayConfig defaults = GatewayConfig.defaults();
    assertEquals(8080, defaults.server().port());
    assertEquals("/scim/v2", defaults.server().basePath());
    assertEquals("sqlite", defaults.backendType());
    assertEquals("file", defaults.passwordReset().sink());
    assertTrue(defaults.compatibility().toClientCompatibility().booleanStrings());
    assertEquals(100_000, defaults.limits().toGatewayLimits().scanLimit());
  }

  @Test
  void aFragmentChangesOnlyWhatItNames() {
    GatewayConfig config = GatewayConfig.defaults().withData(Path.of("/tmp/gateway-data"))
        .with("limits: {scanLimit: 100}\ncompatibility: {booleanStrings: false}");
    assertEquals(100, config.limits().toGatewayLimits().scanLimit());
    assertEquals(1_000, config.limits().toGatewayLimits().maxResults());
    assertFalse(config.compatibility().toClientCompatibility().booleanStrings());
    assertTrue(config.compatibility().toClientCompatibility().valuePathComparisons());
    assertEquals(Path.of("/tmp/gateway-data"), config.data());
    assertEquals(8080, config.server().port());
  }

  @Test
  void aSectionIsReplacedWholeAndCheckedAsInTheFile() {
    GatewayConfig config = GatewayConfig.defaults().with("limits: {scanLimit: 100}")
        .withServer(new GatewayConfig.Server("0.0.0.0", 9090, null));
    assertEquals("0.0.0.0", config.server().bind());
    assertEquals("/scim/v2", config.server().basePath());
    assertEquals(100, config.limits().toGatewayLimits().scanLimit());
    assertThrows(IllegalArgumentException.class, () -> config.with("limits: {scanLimt: 100}"));
    assertThrows(IllegalArgumentException.class, () -> config.with("server: {port: 70000}"));
  }
}
