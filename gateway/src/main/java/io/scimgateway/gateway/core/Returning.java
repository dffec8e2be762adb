package io.scimgateway.gateway.core;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.query.Projection;

/**
 * The {@code attributes} and {@code excludedAttributes} a client sent (RFC 7644 section 3.9), as
 * text, either or both null; the core reads them against each resource type's schema.
 */
public record Returning(String attributes, String excludedAttributes) {

  /** What a response of {@code resourceType} keeps; {@code invalidValue} for a malformed list. */
  public Projection projection(ResourceTypeDefinition resourceType) throws BadRequestException {
    return Projection.of(resourceType, attributes, excludedAttributes);
  }
}
