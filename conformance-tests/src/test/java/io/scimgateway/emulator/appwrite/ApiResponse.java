package io.scimgateway.emulator.appwrite;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer: 200, 201 with the created model, or 204 with no body. */
record ApiResponse(int status, JsonNode body) {

  static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body);
  }

  static ApiResponse created(JsonNode body) {
    return new ApiResponse(201, body);
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, null);
  }
}
