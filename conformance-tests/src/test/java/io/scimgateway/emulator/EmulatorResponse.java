package io.scimgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer: status, a JSON body (null for none) and extra headers. */
public record EmulatorResponse(int status, JsonNode body, Map<String, String> headers) {

  public EmulatorResponse {
    headers = Map.copyOf(headers);
  }

  public EmulatorResponse(int status, JsonNode body) {
    this(status, body, Map.of());
  }

  public static EmulatorResponse ok(JsonNode body) {
    return new EmulatorResponse(200, body);
  }

  public static EmulatorResponse created(JsonNode body) {
    return new EmulatorResponse(201, body);
  }

  public static EmulatorResponse noContent() {
    return new EmulatorResponse(204, null);
  }

  /** This response with the given headers added (replacing ones of the same name). */
  public EmulatorResponse withHeaders(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(more);
    return new EmulatorResponse(status, body, all);
  }
}
