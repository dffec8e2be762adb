package io.scimgateway.emulator;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as an emulator receives it: method, URI, decoded path segments, query parameters in arrival order,
 * headers (names case-insensitive) and the raw body. What a platform makes of parameter names and bodies is its own.
 */
public final class EmulatorRequest {

  /** One decoded {@code name=value} pair of a query string or form body. */
  public record Parameter(String name, String value) {}

  private final String method;
  private final URI uri;
  private final List<String> segments;
  private final List<Parameter> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private EmulatorRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.uri = uri;
    this.segments = segments(uri.getRawPath());
    this.query = decodePairs(uri.getRawQuery());
    this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    this.headers.putAll(headers);
    this.body = body;
  }

  public static EmulatorRequest of(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    return new EmulatorRequest(method, uri, headers, body);
  }

  public String method() {
    return method;
  }

  /** The URI as received, absolute when the server knows its own address. */
  public URI uri() {
    return uri;
  }

  /** Path segments, percent-decoded, empty ones dropped. */
  public List<String> segments() {
    return segments;
  }

  public List<Parameter> query() {
    return query;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every header as received, names case-insensitive. */
  public Map<String, List<String>> headers() {
    return Collections.unmodifiableMap(headers);
  }

  public byte[] body() {
    return body;
  }

  /** The body read as {@code application/x-www-form-urlencoded}. */
  public List<Parameter> form() {
    return decodePairs(new String(body, StandardCharsets.UTF_8));
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String part : (rawPath == null ? "" : rawPath).split("/")) {
      if (!part.isEmpty()) {
        segments.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
      }
    }
    return List.copyOf(segments);
  }

  private static List<Parameter> decodePairs(String raw) {
    List<Parameter> pairs = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return pairs;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      pairs.add(new Parameter(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
    }
    return List.copyOf(pairs);
  }
}
