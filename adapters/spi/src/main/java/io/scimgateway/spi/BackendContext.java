package io.scimgateway.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.schemas.SchemaRegistry;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a backend is given when it opens.
 *
 * @param schemas the SCIM schemas and resource types the gateway serves
 * @param settings the backend's own section of the configuration ({@code backend:} in the YAML file)
 * @param dataDirectory where the backend may keep files (the embedded store's database, local state)
 */
public record BackendContext(SchemaRegistry schemas, ObjectNode settings, Path dataDirectory) {

  public BackendContext {
    Objects.requireNonNull(schemas, "schemas");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
  }
}
