package io.scimgateway.zidentity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformRequest;
import io.scimgateway.kit.PlatformResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * ZIdentity's admin API as JSON in and out, over the kit's {@link PlatformClient} (which adds the
 * bearer token and honours the rate limit): list pages as {@code offset}/{@code limit} envelopes,
 * failures as SCIM errors. Thread-safe.
 */
final class ZidentityApi {

  static final int NOT_FOUND = 404;

  private final PlatformClient client;
  private final ObjectMapper json;
  private final int pageSize;

  ZidentityApi(PlatformClient client, ObjectMapper json, int pageSize) {
    this.client = client;
    this.json = json;
    this.pageSize = pageSize;
  }

  /** One page of a list; the total is {@code results_total}, else {@code totalRecord} (both are seen). */
  record Page(List<ObjectNode> records, long total) {
  }

  /** One page: {@code parameters} are name and value pairs (a name may repeat). */
  Page page(String path, List<Map.Entry<String, String>> parameters, long offset, int limit)
      throws ScimException {
    List<Map.Entry<String, String>> query = new ArrayList<>(parameters);
    query.add(Map.entry("offset", Long.toString(offset)));
    query.add(Map.entry("limit", Integer.toString(limit)));
    JsonNode envelope = read(client.send(PlatformRequest.get(path + queryString(query))));
    List<ObjectNode> records = new ArrayList<>();
    envelope.path("records").forEach(record -> records.add((ObjectNode) record));
    long total = envelope.has("results_total") ? envelope.path("results_total").asLong()
        : envelope.path("totalRecord").asLong(records.size());
    return new Page(records, total);
  }

  /** Every record of a list (a user's groups, a group's users), a full page at a time. */
  List<ObjectNode> all(String path) throws ScimException {
    List<ObjectNode> all = new ArrayList<>();
    while (true) {
      Page page = page(path, List.of(), all.size(), pageSize);
      all.addAll(page.records());
      if (page.records().isEmpty() || all.size() >= page.total()) {
        return all;
      }
    }
  }

  PlatformClient client() {
    return client;
  }

  /** A record, or empty when ZIdentity answers 404. */
  Optional<ObjectNode> find(String path) throws ScimException {
    PlatformResponse response = client.send(PlatformRequest.get(path), NOT_FOUND);
    return response.status() == NOT_FOUND ? Optional.empty() : Optional.of(object(response));
  }

  /** A JSON array answer (the entitlements of a user). */
  List<JsonNode> array(String path) throws ScimException {
    List<JsonNode> items = new ArrayList<>();
    read(client.send(PlatformRequest.get(path))).forEach(items::add);
    return items;
  }

  /** A POST that is not safe to repeat after an answer is lost; the answer's body, possibly empty. */
  Optional<ObjectNode> post(String path, JsonNode body) throws ScimException {
    PlatformResponse response = client.send(PlatformRequest.post(path, body.toString()));
    return response.body() == null || response.body().isBlank() ? Optional.empty()
        : Optional.of(object(response));
  }

  /** A POST that is not safe to repeat, whose answer does not matter (an action that sends email). */
  void act(String path) throws ScimException {
    client.send(PlatformRequest.post(path, "{}"));
  }

  /** Removes what a create left half-done ({@link PlatformClient#undo}). */
  void undo(String path) {
    client.undo(PlatformRequest.delete(path));
  }

  /** A call whose repetition changes nothing more (a full replace, adding members to a set). */
  void repeatable(String method, String path, JsonNode body) throws ScimException {
    client.send(new PlatformRequest(method, path, Map.of(), body == null ? null : body.toString(),
        true));
  }

  ObjectNode replace(String path, ObjectNode body) throws ScimException {
    return object(client.send(PlatformRequest.put(path, body.toString())));
  }

  /** Deletes; a 404 is a retried delete whose first attempt went through. */
  void delete(String path) throws ScimException {
    client.send(PlatformRequest.delete(path), NOT_FOUND);
  }

  ScimException unreadable(String what) {
    return client.errors().unreadable(what);
  }

  private ObjectNode object(PlatformResponse response) throws ScimException {
    if (read(response) instanceof ObjectNode object) {
      return object;
    }
    throw client.errors().unreadable("a body that is not a JSON object");
  }

  private JsonNode read(PlatformResponse response) throws ScimException {
    try {
      return json.readTree(response.body() == null ? "" : response.body());
    } catch (JsonProcessingException e) {
      throw client.errors().unreadable("a body that is not JSON");
    }
  }

  private static String queryString(List<Map.Entry<String, String>> query) {
    return query.stream().map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** One path segment, encoded. */
  static String segment(String value) {
    return encode(value);
  }
}
