package io.scimgateway.gateway.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the YAML configuration file. An unknown key is an error, not a silent default: a misspelt
 * setting should stop the gateway at start, not weaken it quietly.
 */
public final class ConfigLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .findAndRegisterModules();

  private ConfigLoader() {
  }

  /** @throws IllegalArgumentException naming the file, line and problem */
  public static GatewayConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("The configuration file " + file + " does not exist.");
    }
    try {
      JsonNode tree = YAML.readTree(file.toFile());
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return GatewayConfig.defaults();
      }
      GatewayConfig config = YAML.treeToValue(tree, GatewayConfig.class);
      config.limits().toGatewayLimits(); // checks the limits now, while the file can be named
      return config;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The configuration file " + file + " is not valid: "
          + e.getMessage(), e);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException("The configuration file " + file + where + " is not valid: "
          + (cause == e ? e.getOriginalMessage() : cause.getMessage()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the configuration file " + file + ": "
          + e.getMessage(), e);
    }
  }
}
