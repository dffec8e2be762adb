package io.scimgateway.gateway.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.query.ListQuery;
import io.scimgateway.gateway.core.query.ListQueryParser;
import io.scimgateway.gateway.core.query.QueryPlanner;
import io.scimgateway.gateway.core.write.PatchRequestReader;
import io.scimgateway.gateway.core.write.ResourceValidator;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.FilterSupport;

/**
 * Coverage-guided fuzzing of what parses client input: filters and the push-down planner, PATCH
 * bodies applied to a user, and POST/PUT bodies. Whatever the input, the answer is a value or a
 * {@link ScimException} (a 4xx); any other exception would be a 500 and is a finding. Each build
 * replays the corpus under {@code src/test/resources/.../ParserFuzzTestInputs}; {@code -Pfuzz}
 * fuzzes one target for its {@code maxDuration}.
 */
class ParserFuzzTest {

  private static final ResourceTypeDefinition USERS =
      SchemaRegistry.load().resourceType("User").orElseThrow();
  private static final QueryPlanner PLANNER = new QueryPlanner((attribute, operator) ->
      attribute.toString().startsWith("e") ? FilterSupport.Support.SUPERSET
          : attribute.toString().startsWith("u") ? FilterSupport.Support.EXACT
              : FilterSupport.Support.NONE);
  private static final String[] OPS = {"add", "remove", "replace", "Replace", "copy"};
  private static final String[] ATTRIBUTES = {"schemas", "userName", "name", "emails",
      "phoneNumbers", "active", "groups", "meta", "id", "password", "displayName", "entitlements",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "x509Certificates", "addresses"};
  private static final ObjectNode CURRENT = object("{\"schemas\": "
      + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"fuzz@example.com\", "
      + "\"name\": {\"givenName\": \"F\"}, \"emails\": [{\"value\": \"a@example.com\", "
      + "\"type\": \"work\", \"primary\": true}], \"active\": true}");

  @FuzzTest(maxDuration = "60s")
  void filters(FuzzedDataProvider data) {
    ClientCompatibility compatibility = compatibility(data.consumeBoolean());
    ListQueryParser parser = new ListQueryParser(USERS, GatewayLimits.defaults(), compatibility);
    String sortBy = data.consumeBoolean() ? data.consumeString(40) : null;
    String count = data.consumeBoolean() ? data.consumeString(12) : null;
    try {
      ListQuery query = parser.parse(new ListQueryParser.Parameters(data.consumeRemainingAsString(),
          sortBy, null, null, count, null));
      Filter filter = query.filter();
      if (filter != null) {
        PLANNER.plan(filter);
      }
    } catch (ScimException refused) {
      // a 400: what bad input should get
    }
  }

  @FuzzTest(maxDuration = "60s")
  void patches(FuzzedDataProvider data) {
    ClientCompatibility compatibility = compatibility(data.consumeBoolean());
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (data.consumeBoolean()) {
      body.putArray("schemas").add(PatchRequestReader.PATCH_OP);
    }
    ArrayNode operations = body.putArray("Operations");
    for (int n = data.consumeInt(0, 3); n > 0; n--) {
      ObjectNode operation = operations.addObject().put("op", data.pickValue(OPS));
      if (data.consumeBoolean()) {
        operation.put("path", data.consumeString(80));
      }
      if (data.consumeBoolean()) {
        operation.set("value", jsonOrText(data.consumeString(200)));
      }
    }
    try {
      PatchRequest patch = PatchRequestReader.read(body, compatibility);
      new ResourceValidator(USERS, compatibility, ValueLimits.defaults())
          .forPatch(patch, "fuzz-id", CURRENT.deepCopy());
    } catch (ScimException refused) {
      // a 400
    }
  }

  @FuzzTest(maxDuration = "60s")
  void bodies(FuzzedDataProvider data) {
    ClientCompatibility compatibility = compatibility(data.consumeBoolean());
    ObjectNode body = data.consumeBoolean() ? CURRENT.deepCopy() : JsonNodeFactory.instance.objectNode();
    for (int n = data.consumeInt(0, 4); n > 0; n--) {
      String name = data.consumeBoolean() ? data.pickValue(ATTRIBUTES) : data.consumeString(40);
      body.set(name, jsonOrText(data.consumeString(200)));
    }
    ResourceValidator validator =
        new ResourceValidator(USERS, compatibility, ValueLimits.defaults());
    try {
      validator.forCreate(body.deepCopy());
    } catch (ScimException refused) {
      // a 400
    }
    try {
      validator.forReplace(body, CURRENT.deepCopy());
    } catch (ScimException refused) {
      // a 400
    }
  }

  /** The text as JSON when it parses, else as a string value: both kinds of value reach the code. */
  private static JsonNode jsonOrText(String text) {
    try {
      return JsonUtils.getObjectReader().readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  private static ClientCompatibility compatibility(boolean lenient) {
    return lenient ? ClientCompatibility.defaults() : ClientCompatibility.strict();
  }

  /** The text as a JSON object, as the HTTP layer reads a body; null when it is not one (a 400 there). */
  private static ObjectNode objectOrNull(String text) {
    try {
      JsonNode node = JsonUtils.getObjectReader().readTree(text);
      return node instanceof ObjectNode object ? object : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static ObjectNode object(String text) {
    return objectOrNull(text);
  }
}
