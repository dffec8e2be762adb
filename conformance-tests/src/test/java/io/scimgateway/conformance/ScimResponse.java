package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/** An HTTP response from the gateway, with its body parsed as JSON when it is JSON. */
record ScimResponse(int status, HttpResponse<String> raw, JsonNode json) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static ScimResponse of(HttpResponse<String> response) {
    String body = response.body();
    JsonNode json = MissingNode.getInstance();
    if (body != null && !body.isBlank()) {
      try {
        json = MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Response body is not JSON: " + body, e);
      }
    }
    return new ScimResponse(response.statusCode(), response, json);
  }

  Optional<String> header(String name) {
    return raw.headers().firstValue(name);
  }

  String body() {
    return raw.body();
  }

  /** A field of the JSON body as text, or null. */
  String text(String field) {
    JsonNode node = json.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  @Override
  public String toString() {
    return status + " " + raw.body();
  }
}
