package io.scimgateway.spaceone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformRequest;
import io.scimgateway.kit.PlatformResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SpaceONE's identity API in its REST form: every call is {@code POST <prefix>/<resource>/<verb>}
 * with a snake_case JSON body carrying {@code domain_id}, over the kit's {@link PlatformClient}.
 * Errors arrive as console-api's {@code {"error":{"code","message"}}} or python-core FastAPI's
 * {@code {"detail":{"code","message"}}}; both are read into a {@link SpaceoneAnswer}. Thread-safe.
 */
final class SpaceoneApi {

  private static final int[] ANSWERED = {400, 403, 404, 409};

  private final PlatformClient client;
  private final ObjectMapper json;
  private final String domainId;

  SpaceoneApi(PlatformClient client, ObjectMapper json, String domainId) {
    this.client = client;
    this.json = json;
    this.domainId = domainId;
  }

  ObjectMapper json() {
    return json;
  }

  /** A body for a call, with {@code domain_id} filled in. */
  ObjectNode body() {
    return json.createObjectNode().put("domain_id", domainId);
  }

  /** Sends a call and returns its result, or throws the SCIM error its failure means. */
  ObjectNode call(String path, ObjectNode body, boolean repeatable) throws ScimException {
    return attempt(path, body, repeatable).orThrow();
  }

  /**
   * Sends a call and returns its answer: a result, or the platform's refusal (a 4xx with its code)
   * for the caller to act on. Other failures (5xx after retries, the gateway's own credentials
   * refused) are thrown as the SCIM error the kit gives them.
   *
   * @param repeatable whether sending it twice cannot apply it twice (reads, updates to a value,
   *     enable/disable): only these are retried after a 5xx or a connection lost mid-call
   */
  SpaceoneAnswer attempt(String path, ObjectNode body, boolean repeatable) throws ScimException {
    PlatformResponse response = client.send(new PlatformRequest("POST", path, Map.of(), body.toString(),
        repeatable), ANSWERED);
    JsonNode answer = read(response);
    if (response.successful()) {
      if (answer instanceof ObjectNode object) {
        return SpaceoneAnswer.of(object);
      }
      throw client.errors().unreadable("a body that is not a JSON object");
    }
    if (response.status() == 403) {
      throw client.errors().credentialsRefused(403);
    }
    JsonNode error = answer.has("error") ? answer.path("error") : answer.path("detail");
    String code = error.path("code").asText("");
    if (code.isEmpty()) {
      throw client.errors().translate(response);
    }
    return SpaceoneAnswer.refused(code, error.path("message").asText(""),
        client.errors().translate(response));
  }

  /** A get: the record, or empty when SpaceONE has none by that id. */
  Optional<ObjectNode> find(String path, ObjectNode body) throws ScimException {
    SpaceoneAnswer answer = attempt(path, body, true);
    return answer.is(SpaceoneRefusals.NOT_FOUND) ? Optional.empty() : Optional.of(answer.orThrow());
  }

  /** A list call's page: its results and {@code total_count}. */
  SpaceoneUsers.Page page(String path, ObjectNode body) throws ScimException {
    ObjectNode answer = call(path, body, true);
    List<ObjectNode> results = new ArrayList<>();
    for (JsonNode result : answer.path("results")) {
      if (result instanceof ObjectNode object) {
        results.add(object);
      }
    }
    return new SpaceoneUsers.Page(results, answer.path("total_count").asLong(results.size()));
  }

  /** A hard delete; a record already gone (a retried delete) is no error. */
  void delete(String path, ObjectNode body) throws ScimException {
    SpaceoneAnswer answer = attempt(path, body, true);
    if (!answer.is(SpaceoneRefusals.NOT_FOUND)) {
      answer.orThrow();
    }
  }

  private JsonNode read(PlatformResponse response) throws ScimException {
    try {
      String text = response.body() == null || response.body().isBlank() ? "{}" : response.body();
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw client.errors().unreadable("a body that is not JSON");
    }
  }

  /** SpaceONE's explanation from an error body of either shape: "message (CODE)". */
  static String reason(PlatformResponse response) {
    try {
      JsonNode body = new ObjectMapper().readTree(response.body() == null ? "" : response.body());
      JsonNode error = body.has("error") ? body.path("error") : body.path("detail");
      String code = error.path("code").asText("");
      String message = error.path("message").asText("");
      return code.isEmpty() || message.isEmpty() ? code + message : message + " (" + code + ")";
    } catch (Exception e) {
      return "";
    }
  }
}
