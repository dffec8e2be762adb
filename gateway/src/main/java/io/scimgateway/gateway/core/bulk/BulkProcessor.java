package io.scimgateway.gateway.core.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.Requester;
import io.scimgateway.gateway.core.ResourceService;
import io.scimgateway.gateway.core.ResourceServices;
import io.scimgateway.gateway.core.ScimErrorBody;
import io.scimgateway.gateway.core.password.PasswordExtension;
import io.scimgateway.gateway.core.write.ETags;
import io.scimgateway.gateway.core.write.PatchRequestReader;
import io.scimgateway.gateway.core.write.Preconditions;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.StoredResource;
import io.scimgateway.spi.WriteBatching;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a bulk request (RFC 7644 section 3.7). Each operation is one ordinary create, replace, patch or
 * delete, committed on its own; {@code bulkId:} references (in a path or anywhere in data, e.g. a
 * group's members) are replaced by the ids the referenced POSTs produced. An operation whose references
 * are not yet resolved waits for a later pass, so forward references work; references that can never
 * resolve (circular, unknown, or to a failed POST) fail that operation with {@code 409}. Processing
 * stops after {@code failOnErrors} errors. Where the backend batches writes, the request's operations
 * are committed together, once, before the answer is sent. Thread-safe: all state is per request.
 */
public final class BulkProcessor {

  public static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ResourceServices services;
  private final GatewayLimits limits;

  public BulkProcessor(ResourceServices services, GatewayLimits limits) {
    this.services = services;
    this.limits = limits;
  }

  public ObjectNode process(ObjectNode request, URI baseUri, Requester by) throws ScimException {
    JsonNode operations = request.get("Operations");
    if (operations == null || !operations.isArray()) {
      throw BadRequestException.invalidSyntax("A bulk request is {\"schemas\": [\"urn:ietf:params:"
          + "scim:api:messages:2.0:BulkRequest\"], \"Operations\": [...]} (RFC 7644 section 3.7).");
    }
    if (operations.size() > limits.bulkMaxOperations()) {
      throw new PayloadTooLargeException("The bulk request has " + operations.size()
          + " operations; this gateway takes at most " + limits.bulkMaxOperations()
          + " (bulk.maxOperations in /ServiceProviderConfig). Split it into several requests.");
    }
    List<BulkOperation> pending = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      pending.add(BulkOperation.read(i, operations.get(i)));
    }
    int failOnErrors = request.path("failOnErrors").asInt(Integer.MAX_VALUE);
    int stopAfter = failOnErrors <= 0 ? Integer.MAX_VALUE : failOnErrors;
    // One commit for the whole request: the answer is sent only after it, so every 201 is durable.
    // Each run starts from its own copy of the operations, so the backend may run the work twice.
    WriteBatching.Work<ObjectNode> work = () -> run(new ArrayList<>(pending), stopAfter, baseUri, by);
    return startsResets(pending)
        ? services.batching().inOneBatch(work)
        : services.batching().inOneRepeatableBatch(work);
  }

  /**
   * Whether an operation may deliver a password reset (to a reset sink, outside the backend): such a
   * batch must run once, never as an attempt that is undone and run again. Read generously, by name
   * in any case anywhere in an operation's data (a field name or a text value, such as a PATCH
   * path), so that no spelling of the attribute escapes.
   */
  static boolean startsResets(List<BulkOperation> operations) {
    String name = PasswordExtension.Attribute.RESET_PASSWORD.schemaName;
    return operations.stream().anyMatch(operation -> operation.data() != null
        && JsonTexts.any(operation.data(), text -> JsonTexts.containsIgnoringCase(text, name)));
  }

  private ObjectNode run(List<BulkOperation> pending, int failOnErrors, URI baseUri,
      Requester by) {
    Map<String, String> created = new HashMap<>();
    Set<String> failedBulkIds = new HashSet<>();
    Map<Integer, ObjectNode> results = new TreeMap<>();
    int errors = 0;
    boolean progress = true;
    while (!pending.isEmpty() && errors < failOnErrors && progress) {
      progress = false;
      Iterator<BulkOperation> iterator = pending.iterator();
      while (iterator.hasNext() && errors < failOnErrors) {
        BulkOperation operation = iterator.next();
        String blocker = blocker(operation, created);
        if (blocker != null && !failedBulkIds.contains(blocker)) {
          continue; // waits for a later operation (a forward reference)
        }
        iterator.remove();
        progress = true;
        ObjectNode result = blocker != null
            ? failed(operation, 409, null, "It refers to bulkId \"" + blocker + "\", whose POST failed.")
            : execute(operation, created, baseUri, by);
        results.put(operation.index(), result);
        boolean ok = result.path("status").asInt() < 400;
        if (operation.bulkId() != null && operation.method().equals("POST") && !ok) {
          failedBulkIds.add(operation.bulkId());
        }
        errors += ok ? 0 : 1;
      }
    }
    if (errors < failOnErrors) {
      for (BulkOperation unresolved : pending) {
        results.put(unresolved.index(), failed(unresolved, 409, null, "Its bulkId references "
            + unresolved.references() + " cannot be resolved: they name no POST of this request, or "
            + "refer to each other in a circle."));
      }
    }
    ObjectNode response = JSON.objectNode();
    response.putArray("schemas").add(RESPONSE_SCHEMA);
    ArrayNode array = response.putArray("Operations");
    results.values().forEach(array::add);
    return response;
  }

  /** The first bulkId this operation needs that no POST has produced yet, or null. */
  private static String blocker(BulkOperation operation, Map<String, String> created) {
    for (String reference : operation.references()) {
      if (!created.containsKey(reference)) {
        return reference;
      }
    }
    return null;
  }

  private ObjectNode execute(BulkOperation operation, Map<String, String> created, URI baseUri,
      Requester by) {
    try {
      boolean refers = !operation.references().isEmpty();
      String path = refers ? substitute(operation.path(), created) : operation.path();
      JsonNode data = operation.data() == null || !refers ? operation.data()
          : substitute(operation.data(), created);
      BulkTarget target = BulkTarget.of(path, services, operation.method());
      Preconditions preconditions = new Preconditions(operation.version(), null);
      ResourceService service = target.service();
      return switch (operation.method()) {
        case "POST" -> {
          StoredResource resource = service.create(by, (ObjectNode) data);
          created.put(operation.bulkId(), resource.id());
          yield succeeded(operation, 201, service, resource, baseUri);
        }
        case "PUT" -> succeeded(operation, 200, service,
            service.replace(by, target.id(), (ObjectNode) data, preconditions), baseUri);
        case "PATCH" -> succeeded(operation, 200, service, service.patch(by, target.id(),
            PatchRequestReader.read((ObjectNode) data, services.compatibility()), preconditions,
            NeededAttributes.ID_AND_VERSION), baseUri);
        default -> {
          service.delete(by, target.id(), preconditions);
          yield result(operation, 204).put("location", target.location(baseUri));
        }
      };
    } catch (ScimException e) {
      return failed(operation, e.getScimError().getStatus(), e.getScimError().getScimType(),
          e.getScimError().getDetail());
    }
  }

  private static ObjectNode succeeded(BulkOperation operation, int status, ResourceService service,
      StoredResource resource, URI baseUri) {
    return result(operation, status)
        .put("location", service.representation().location(resource, baseUri))
        .put("version", ETags.of(resource));
  }

  private static ObjectNode failed(BulkOperation operation, int status, String scimType,
      String detail) {
    ObjectNode result = result(operation, status);
    result.set("response", ScimErrorBody.of(status, scimType, detail));
    return result;
  }

  private static ObjectNode result(BulkOperation operation, int status) {
    ObjectNode result = JSON.objectNode().put("method", operation.method());
    if (operation.bulkId() != null) {
      result.put("bulkId", operation.bulkId());
    }
    return result.put("status", Integer.toString(status));
  }

  private static String substitute(String text, Map<String, String> created) {
    if (!text.contains("bulkId:")) {
      return text; // most paths refer to nothing; trying every POST so far made large requests quadratic
    }
    String result = text;
    for (Map.Entry<String, String> entry : created.entrySet()) {
      result = result.replace("bulkId:" + entry.getKey(), entry.getValue());
    }
    return result;
  }

  /** Replaces {@code "bulkId:x"} string values (a member's value, a manager's value) with ids. */
  private static JsonNode substitute(JsonNode node, Map<String, String> created) {
    if (node.isTextual() && node.textValue().startsWith("bulkId:")) {
      String id = created.get(node.textValue().substring("bulkId:".length()));
      return id == null ? node : TextNode.valueOf(id);
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JSON.objectNode();
      object.fields().forEachRemaining(f -> copy.set(f.getKey(), substitute(f.getValue(), created)));
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.arrayNode();
      array.forEach(each -> copy.add(substitute(each, created)));
      return copy;
    }
    return node;
  }

  /** 413: RFC 7644 section 3.7.4 answers an oversized bulk request with it. */
  public static final class PayloadTooLargeException extends ScimException {
    PayloadTooLargeException(String detail) {
      super(413, null, detail);
    }
  }
}
