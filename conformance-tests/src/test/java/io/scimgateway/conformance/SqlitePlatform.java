package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/** The embedded store: everything the suite tests. */
public final class SqlitePlatform implements ConformancePlatform {

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  @Override
  public ObjectNode section(Path data) {
    return JsonNodeFactory.instance.objectNode().put("type", "sqlite");
  }
}
