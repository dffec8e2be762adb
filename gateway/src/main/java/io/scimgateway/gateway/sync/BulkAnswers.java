package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A batch of writes as a BulkRequest, and the BulkResponse read back as one result per write. */
final class BulkAnswers {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BulkAnswers() {}

  static ObjectNode request(List<TargetWrite> writes) {
    ObjectNode request = JSON.objectNode();
    request.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:BulkRequest");
    ArrayNode operations = request.putArray("Operations");
    for (TargetWrite write : writes) {
      ObjectNode operation = operations.addObject().put("method", write.method())
          .put("path", write.path());
      if (write.bulkId() != null) {
        operation.put("bulkId", write.bulkId());
      }
      if (write.data() != null) {
        operation.set("data", write.data());
      }
    }
    return request;
  }

  /**
   * One result per write: POSTs matched by bulkId (RFC 7644 section 3.7.3), the others by position,
   * as servers answer in request order. A write the answer does not mention failed.
   */
  static List<WriteResult> results(List<TargetWrite> writes, JsonNode response) {
    JsonNode operations = response.path("Operations");
    Map<String, JsonNode> byBulkId = new HashMap<>();
    operations.forEach(op -> {
      if (op.hasNonNull("bulkId")) {
        byBulkId.put(op.get("bulkId").asText(), op);
      }
    });
    List<WriteResult> results = new ArrayList<>(writes.size());
    for (int i = 0; i < writes.size(); i++) {
      TargetWrite write = writes.get(i);
      JsonNode op = write.bulkId() != null ? byBulkId.get(write.bulkId()) : operations.get(i);
      results.add(op == null ? new WriteResult(500, null, "The bulk response has no result for it.")
          : result(op));
    }
    return results;
  }

  private static WriteResult result(JsonNode op) {
    int status = op.path("status").asInt(op.path("status").path("code").asInt(500));
    if (status >= 400) {
      return WriteResult.failed(status, op.path("response"));
    }
    String location = op.path("location").asText("");
    return location.isEmpty() ? new WriteResult(status, null, null)
        : WriteResult.created(status, location);
  }
}
