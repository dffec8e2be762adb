package io.scimgateway.kit.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformRequest;
import io.scimgateway.kit.PlatformResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@link PlatformCollection} on a REST API whose records are JSON objects at
 * {@code <list path>/<id>}: {@code GET} reads one (404: none), {@code DELETE} deletes one (404:
 * already gone). An adapter adds how the platform lists and filters.
 */
public abstract class RestCollection implements PlatformCollection {

  private static final int NOT_FOUND = 404;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlatformClient client;
  private final String listPath;
  private final String idField;

  /**
   * @param listPath the collection's path, e.g. {@code /users}
   * @param idField the field of a record that holds its id, e.g. {@code id} or {@code $id}
   */
  protected RestCollection(PlatformClient client, String listPath, String idField) {
    this.client = client;
    this.listPath = listPath;
    this.idField = idField;
  }

  /** The path of one record, e.g. {@code /users/abc}. */
  public final String path(String id) {
    return listPath + "/" + segment(id);
  }

  @Override
  public final Optional<ObjectNode> find(String id) throws ScimException {
    PlatformResponse response = client.send(PlatformRequest.get(path(id)), NOT_FOUND);
    if (response.status() == NOT_FOUND) {
      return Optional.empty();
    }
    try {
      if (JSON.readTree(response.body() == null ? "" : response.body()) instanceof ObjectNode record) {
        return Optional.of(record);
      }
    } catch (JsonProcessingException e) {
      // answered below
    }
    throw client.errors().unreadable("a body that is not a JSON object");
  }

  @Override
  public final void delete(String id) throws ScimException {
    client.send(PlatformRequest.delete(path(id)), NOT_FOUND);
  }

  @Override
  public final String idOf(ObjectNode record) {
    return record.path(idField).asText();
  }

  /** One path segment, percent-encoded. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
