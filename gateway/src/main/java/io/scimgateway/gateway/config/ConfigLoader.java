package io.scimgateway.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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

  /** Reads the file, and builds every configuration record: from the file, a fragment or defaults. */
  static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .findAndRegisterModules();

  private ConfigLoader() {
  }

  /** @throws IllegalArgumentException naming the file and every mistake, with line and column */
  public static GatewayConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("The configuration file " + file + " does not exist.");
    }
    ConfigProblems problems = null;
    GatewayConfig config = null;
    try {
      JsonNode tree = MAPPER.readTree(file.toFile());
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return GatewayConfig.defaults();
      }
      try (JsonParser keys = MAPPER.createParser(file.toFile())) {
        problems = new ConfigProblems(keys);
      }
      config = MAPPER.readerFor(GatewayConfig.class).withHandler(problems).readValue(file.toFile());
      config.limits().toGatewayLimits(); // checks the limits now, while the file can be named
    } catch (IllegalArgumentException e) {
      problems.add(null, e.getMessage());
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      problems.add(e.getLocation(), cause == e ? e.getOriginalMessage() : cause.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The configuration file " + file + " is not valid YAML at "
          + "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the configuration file " + file + ": "
          + e.getMessage(), e);
    }
    if (!problems.all().isEmpty()) {
      throw new IllegalArgumentException("The configuration file " + file + " is not valid:\n  "
          + String.join("\n  ", problems.all()));
    }
    return config;
  }
}
