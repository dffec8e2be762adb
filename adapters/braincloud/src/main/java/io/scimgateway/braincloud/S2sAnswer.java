package io.scimgateway.braincloud;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to one message: its status, reason code and message, and its data. brainCloud's documents show both
 * {@code status}/{@code reason_code}/{@code status_message} and {@code statusCode}/{@code reasonCode}/
 * {@code statusMessage}; both are read.
 */
record S2sAnswer(int status, int reasonCode, String message, JsonNode data, JsonNode raw) {

  static final int OK = 200;

  static S2sAnswer of(JsonNode response) {
    int status = first(response, "status", "statusCode").asInt(0);
    int reason = first(response, "reason_code", "reasonCode").asInt(0);
    String message = first(response, "status_message", "statusMessage").asText("");
    return new S2sAnswer(status, reason, message, response.path("data"), response);
  }

  private static JsonNode first(JsonNode response, String name, String alias) {
    return response.has(name) ? response.get(name) : response.path(alias);
  }

  boolean ok() {
    return status == OK;
  }
}
