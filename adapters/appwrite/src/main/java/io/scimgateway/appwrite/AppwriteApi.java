package io.scimgateway.appwrite;

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

/**
 * Appwrite's REST API as JSON in and out, over the kit's {@link PlatformClient}: paths under
 * {@code /v1}, queries as indexed {@code queries[i]} JSON strings, failures as SCIM errors. Thread-safe.
 */
final class AppwriteApi {

  /** Page size of {@link #listAll}: every Appwrite version accepts 100. */
  static final int PAGE = 100;
  /** Appwrite's totals are exact below this count, and this count at or above it. */
  static final int COUNTED = 5_000;
  static final int BAD_REQUEST = 400;
  static final int NOT_FOUND = 404;
  static final int CONFLICT = 409;

  private final PlatformClient client;
  private final ObjectMapper json;

  AppwriteApi(PlatformClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  ObjectMapper json() {
    return json;
  }

  /** A list call: {@code {total, <key>: [...]}}. */
  ObjectNode list(String path, List<ObjectNode> queries) throws ScimException {
    return read(client.send(PlatformRequest.get(path + queryString(queries))));
  }

  /** Every document of a list, read {@link #PAGE} at a time (a user's teams, a team's members). */
  List<JsonNode> listAll(String path, String key, List<ObjectNode> filters) throws ScimException {
    List<JsonNode> all = new ArrayList<>();
    while (true) {
      List<ObjectNode> queries = new ArrayList<>(filters);
      queries.add(AppwriteQuery.order("$id", false));
      queries.add(AppwriteQuery.limit(PAGE));
      queries.add(AppwriteQuery.offset(all.size()));
      ObjectNode answer = list(path, queries);
      JsonNode page = answer.path(key);
      page.forEach(all::add);
      // Appwrite counts up to 5,000 exactly: below that, its total says when the last page is read.
      int total = answer.path("total").asInt(COUNTED);
      if (page.size() < PAGE || (total < COUNTED && all.size() >= total)) {
        return all;
      }
    }
  }

  /**
   * A list call that resumes after (or before) a document; empty when Appwrite no longer has that
   * document ({@code general_cursor_not_found}), so the caller can resume by value instead.
   */
  Optional<ObjectNode> listFromCursor(String path, List<ObjectNode> queries) throws ScimException {
    PlatformResponse response = client.send(PlatformRequest.get(path + queryString(queries)),
        BAD_REQUEST);
    if (response.status() != BAD_REQUEST) {
      return Optional.of(read(response));
    }
    if (response.body() != null && response.body().contains("\"general_cursor_not_found\"")) {
      return Optional.empty();
    }
    throw client.errors().translate(response);
  }

  PlatformClient client() {
    return client;
  }

  /** A document, or empty when Appwrite answers 404. */
  Optional<ObjectNode> find(String path) throws ScimException {
    PlatformResponse response = client.send(PlatformRequest.get(path), NOT_FOUND);
    return response.status() == NOT_FOUND ? Optional.empty() : Optional.of(read(response));
  }

  /**
   * Creates a document under an id the gateway chose, which makes the create safe to retry: when a
   * retry meets 409, the document with that id is the first attempt's (the ids are random); when no
   * document has it, the conflict is real (an email already taken) and is the client's 409.
   *
   * @param path where to POST, e.g. {@code /users} or {@code /users/bcrypt}
   * @param documentPath where the created document is read, e.g. {@code /users/<id>}
   */
  ObjectNode createOnce(String path, ObjectNode body, String documentPath) throws ScimException {
    PlatformResponse response = client.send(PlatformRequest.post(path, write(body)).asIdempotent(),
        CONFLICT);
    if (response.status() != CONFLICT) {
      return read(response);
    }
    Optional<ObjectNode> created = find(documentPath);
    if (created.isPresent()) {
      return created.get();
    }
    throw client.errors().translate(response);
  }

  /**
   * Creates something that may already be there (a membership), which is then left as it is; a 409
   * on a retry is the first attempt's success.
   */
  void createUnlessPresent(String path, ObjectNode body) throws ScimException {
    client.send(PlatformRequest.post(path, write(body)).asIdempotent(), CONFLICT);
  }

  /** A call that sets fields to values: repeating it changes nothing, so it is retried. */
  ObjectNode set(String method, String path, ObjectNode body) throws ScimException {
    return read(client.send(new PlatformRequest(method, path, Map.of(), write(body), true)));
  }

  /** A POST that is not safe to repeat (a new login token). */
  ObjectNode post(String path, ObjectNode body) throws ScimException {
    return read(client.send(PlatformRequest.post(path, write(body))));
  }

  /** Deletes; answers false when there was nothing to delete (already gone, perhaps by a retry). */
  boolean delete(String path) throws ScimException {
    return client.send(PlatformRequest.delete(path), NOT_FOUND).status() != NOT_FOUND;
  }

  /** Removes what a create left half-done ({@link PlatformClient#undo}). */
  void undoCreate(String path) {
    client.undo(PlatformRequest.delete(path));
  }

  /** A 502 for an answer the adapter cannot use. */
  ScimException unreadable(String what) {
    return client.errors().unreadable(what);
  }

  ObjectNode read(PlatformResponse response) throws ScimException {
    try {
      return (ObjectNode) json.readTree(response.body());
    } catch (JsonProcessingException | ClassCastException e) {
      throw client.errors().unreadable("a body that is not a JSON object");
    }
  }

  private String write(ObjectNode body) {
    return body.toString();
  }

  private static String queryString(List<ObjectNode> queries) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < queries.size(); i++) {
      query.append(i == 0 ? '?' : '&').append("queries%5B").append(i).append("%5D=")
          .append(URLEncoder.encode(queries.get(i).toString(), StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  /** One path segment, encoded (ids are already safe; names passed in paths are not). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
