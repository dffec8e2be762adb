package io.scimgateway.spi;

import java.util.Map;

/**
 * A store capability: attributes of the resource type's core schema that this backend holds with a stricter
 * mutability than the schema says (a login id the platform cannot change after creation: {@code immutable}), so
 * that {@code /Schemas} tells clients before they try. The store still refuses such writes itself.
 */
public interface AttributeMutability {

  /** Top-level attribute names to {@code immutable} or {@code readOnly}. */
  Map<String, String> mutability();
}
