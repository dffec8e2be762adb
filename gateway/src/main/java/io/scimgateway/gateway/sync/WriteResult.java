package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one write went.
 *
 * @param id for a successful POST, the new resource's id; otherwise null
 * @param error for a failure, the SCIM error as {@code 409 uniqueness: detail}; otherwise null
 */
record WriteResult(int status, String id, String error) {

  boolean ok() {
    return status < 400;
  }

  static WriteResult failed(int status, JsonNode errorBody) {
    String scimType = errorBody.path("scimType").asText("");
    String detail = errorBody.path("detail").asText("no detail");
    return new WriteResult(status, null, status + (scimType.isEmpty() ? "" : " " + scimType) + ": "
        + detail);
  }

  /** The id at the end of a resource's location ({@code .../Users/2819c223}). */
  static WriteResult created(int status, String location) {
    return new WriteResult(status, location.substring(location.lastIndexOf('/') + 1), null);
  }
}
