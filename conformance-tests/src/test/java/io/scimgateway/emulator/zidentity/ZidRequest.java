package io.scimgateway.emulator.zidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.EmulatorRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An admin API request: the path below {@code /admin/api/v1}, query parameters looked up case-insensitively (the Go
 * SDK sends {@code loginname[like]}, the Python SDK {@code loginName[like]}: open question 5) and the JSON body.
 */
final class ZidRequest {

  /** A guess: the documented 413 needs some limit, and membership arrays stay far below this. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final EmulatorRequest raw;
  private final List<String> path;
  private final JsonNode body;

  ZidRequest(EmulatorRequest raw, List<String> path, ObjectMapper json) {
    if (!acceptsJson(raw.header("Accept"))) {
      throw ZidError.notAcceptable();
    }
    this.raw = raw;
    this.path = path;
    this.body = parse(raw.body(), json);
  }

  private static boolean acceptsJson(String accept) {
    return accept == null || accept.isBlank() || accept.contains("json") || accept.contains("*/*")
        || accept.contains("application/*");
  }

  private static JsonNode parse(byte[] bytes, ObjectMapper json) {
    if (bytes.length > MAX_BODY_BYTES) {
      throw ZidError.payloadTooLarge(MAX_BODY_BYTES);
    }
    if (bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return json.readTree(bytes);
    } catch (IOException e) {
      throw ZidError.badRequest("The request body is not valid JSON.");
    }
  }

  String method() {
    return raw.method();
  }

  /** Segments below the API base, e.g. [users, abc, groups]. */
  List<String> path() {
    return path;
  }

  ZidError noRoute() {
    return ZidError.noRoute(raw.method(), raw.uri().getPath());
  }

  /** Every value of a query parameter, whatever the case of its name. */
  List<String> parameters(String name) {
    List<String> values = new ArrayList<>();
    for (EmulatorRequest.Parameter parameter : raw.query()) {
      if (parameter.name().equalsIgnoreCase(name)) {
        values.add(parameter.value());
      }
    }
    return values;
  }

  /** The last value of a query parameter, or null. */
  String parameter(String name) {
    List<String> values = parameters(name);
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }

  ObjectNode objectBody() {
    if (!body.isObject()) {
      throw ZidError.badRequest("The request body must be a JSON object.");
    }
    return (ObjectNode) body;
  }

  ArrayNode arrayBody() {
    if (!body.isArray()) {
      throw ZidError.badRequest("The request body must be a JSON array.");
    }
    return (ArrayNode) body;
  }

  /** This request's URL with {@code offset} set, as a next or previous page link. */
  String link(int offset) {
    StringBuilder query = new StringBuilder("offset=" + offset);
    for (EmulatorRequest.Parameter parameter : raw.query()) {
      if (!parameter.name().toLowerCase(Locale.ROOT).equals("offset")) {
        query.append('&').append(encode(parameter.name())).append('=').append(encode(parameter.value()));
      }
    }
    String uri = raw.uri().toString();
    int question = uri.indexOf('?');
    return (question < 0 ? uri : uri.substring(0, question)) + "?" + query;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
