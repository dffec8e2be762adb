package io.scimgateway.gateway.http;

import jakarta.ws.rs.core.MediaType;

/** The SCIM media type of RFC 7644 section 3.1; plain {@code application/json} is accepted too. */
public final class ScimMediaType {

  public static final String SCIM_JSON = "application/scim+json";
  public static final MediaType SCIM_JSON_TYPE = MediaType.valueOf(SCIM_JSON);

  private ScimMediaType() {
  }
}
