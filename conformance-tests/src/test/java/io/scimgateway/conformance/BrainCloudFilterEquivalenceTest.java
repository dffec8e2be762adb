package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimAssertions.assertStatus;
import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.literal;
import static io.scimgateway.conformance.ScimJson.minimalUser;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;
import io.scimgateway.schemas.SchemaRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brainCloud adapter's filter translation ({@code searchCriteria} with escaped, case-insensitive
 * {@code $regex}, profileId lookups, {@code $and}/{@code $or}/{@code $nor}) gives what the SDK's schema-aware
 * evaluator gives over the same users: random users whose names and emails hold regular-expression characters,
 * random filters from one seed (repeat with {@code -Dequivalence.seed=...}). Over an emulator of its own
 * whatever the suite's backend, so it runs once, with the platforms' tests.
 */
@Tag("platform")
class BrainCloudFilterEquivalenceTest {

  private static final long DEFAULT_SEED = 20_261_204L;
  private static final int USERS = 24;
  private static final int FILTERS = 120;
  private static final String[] PIECES = {"Ann", "a.b", "A+B", "(x)", "[z]", "$d", "q?", "^c", "back\\s", "o|r",
      "Ünï", "st*r", "{1}", "ann"};
  private static final String[] OPERATORS = {"eq", "co", "sw", "ew"};
  private static final String[] ATTRIBUTES = {"displayName", "emails.value", "userName", "id"};

  @TempDir
  Path data;

  @Test
  void gatewayResultsOverBrainCloudAgreeWithTheSdkEvaluator() throws Exception {
    long seed = Long.getLong("equivalence.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    SchemaAwareFilterEvaluator evaluator =
        new SchemaAwareFilterEvaluator(SchemaRegistry.load().resourceType("User").orElseThrow());
    try (BrainCloudGateway bc = BrainCloudGateway.start(data, section -> section.put("identityType", "Universal"))) {
      List<JsonNode> users = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        users.add(create(bc, random, i));
      }
      for (int i = 0; i < FILTERS; i++) {
        String expression = expression(random, users, 2);
        Set<String> expected = new TreeSet<>();
        for (JsonNode user : users) {
          if (Filter.fromString(expression).visit(evaluator, (ObjectNode) user)) {
            expected.add(user.path("id").asText());
          }
        }
        ScimResponse found = bc.scim.get("/Users" + filter(expression) + "&count=100");
        assertStatus(200, found);
        Set<String> actual = new TreeSet<>();
        found.json().path("Resources").forEach(user -> actual.add(user.path("id").asText()));
        assertEquals(expected, actual, "seed " + seed + ", filter " + expression);
      }
    }
  }

  private static JsonNode create(BrainCloudGateway bc, Random random, int i) {
    String name = pick(random, PIECES) + " " + pick(random, PIECES);
    ObjectNode user = minimalUser("u" + i + "." + pick(random, PIECES) + "@Ex.com").put("displayName", name);
    user.putArray("emails").addObject().put("value", pick(random, PIECES).replace(' ', '_') + i + "@Mail.org")
        .put("primary", true);
    if (random.nextBoolean()) {
      user.withArray("emails").addObject().put("value", "second." + pick(random, PIECES) + "@other.net");
    }
    ScimResponse created = bc.scim.post("/Users", user);
    assertStatus(201, created);
    return created.json();
  }

  /** A comparison on a value taken from a user (a piece of it, its case changed), or and/or/not of those. */
  private static String expression(Random random, List<JsonNode> users, int depth) {
    int kind = depth == 0 ? 0 : random.nextInt(5);
    if (kind == 1 || kind == 2) {
      return "(" + expression(random, users, depth - 1) + (kind == 1 ? " and " : " or ")
          + expression(random, users, depth - 1) + ")";
    }
    if (kind == 3) {
      return "not (" + expression(random, users, depth - 1) + ")";
    }
    String attribute = pick(random, ATTRIBUTES);
    String operator = attribute.equals("id") ? "eq" : pick(random, OPERATORS);
    JsonNode user = users.get(random.nextInt(users.size()));
    String value = switch (attribute) {
      case "emails.value" -> user.path("emails").path(random.nextInt(user.path("emails").size())).path("value")
          .asText();
      default -> user.path(attribute).asText();
    };
    if (!operator.equals("eq") && value.length() > 2) {
      int from = operator.equals("sw") ? 0 : random.nextInt(value.length() / 2);
      int to = operator.equals("ew") ? value.length() : from + 1 + random.nextInt(value.length() - from - 1);
      value = value.substring(from, to);
    }
    if (!attribute.equals("id") && random.nextBoolean()) {
      value = random.nextBoolean() ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT);
    }
    return attribute + " " + operator + " " + literal(value);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
