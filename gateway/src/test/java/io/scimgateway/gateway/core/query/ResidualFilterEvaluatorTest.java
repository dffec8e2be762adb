package io.scimgateway.gateway.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;
import io.scimgateway.schemas.SchemaRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidualFilterEvaluatorTest {

  private static final ResourceTypeDefinition USERS = SchemaRegistry.load().resourceType("User")
      .orElseThrow();
  private final ResidualFilterEvaluator evaluator = new ResidualFilterEvaluator(USERS);
  private final ObjectNode user;

  ResidualFilterEvaluatorTest() throws Exception {
    user = (ObjectNode) new ObjectMapper().readTree("""
        {"userName": "BJensen", "title": "2024-01-01T00:00:00Z", "displayName": "Babs",
         "profileUrl": "https://example.com/Babs",
         "emails": [{"value": "b@example.com", "type": "work"}, {"value": "babs@home.example"}],
         "meta": {"lastModified": "2024-01-01T00:00:00.000Z"}}""");
  }

  @Test
  void aStringAttributeComparesAsTextEvenWhereBothSidesReadAsDates() throws Exception {
    assertFalse(matches("title eq \"2024-01-01T00:00:00.000Z\""));
    assertTrue(matches("title ne \"2024-01-01T00:00:00.000Z\""));
    assertTrue(matches("title eq \"2024-01-01T00:00:00Z\""));
    // as text "2024-01-01T00:00:00Z" sorts after "2024-01-01T00:00:00.000Z" ('Z' > '.')
    assertTrue(matches("title gt \"2024-01-01T00:00:00.000Z\""));
  }

  @Test
  void aDateTimeAttributeStillComparesAsAnInstant() throws Exception {
    assertTrue(matches("meta.lastModified eq \"2024-01-01T00:00:00Z\""));
    assertTrue(matches("meta.lastModified ge \"2024-01-01T00:00:00Z\""));
    assertFalse(matches("meta.lastModified gt \"2024-01-01T00:00:00Z\""));
  }

  @Test
  void agreesWithTheSdkOnOrdinaryText() throws Exception {
    SchemaAwareFilterEvaluator sdk = new SchemaAwareFilterEvaluator(USERS);
    for (String filter : List.of("userName eq \"bjensen\"", "userName eq \"BJENSEN\"",
        "userName ne \"bjensen\"", "userName ne \"other\"", "userName gt \"b\"", "userName ge \"bjensen\"",
        "userName lt \"bjensen\"", "userName le \"bjensen\"", "userName lt \"C\"",
        "displayName eq \"babs\"", "nickName eq \"x\"", "nickName ne \"x\"",
        "emails.value eq \"BABS@home.example\"", "emails[type eq \"work\" and value eq \"b@example.com\"]",
        "emails[value gt \"b@\"]", "emails.value ne \"b@example.com\"",
        "profileUrl eq \"https://example.com/Babs\"",
        "userName eq \"bjensen\" and not (displayName gt \"c\")")) {
      Filter parsed = Filter.fromString(filter);
      assertEquals(parsed.visit(sdk, user), parsed.visit(evaluator, user), filter);
    }
  }

  @Test
  void aCaseExactReferenceComparesWithCase() throws Exception {
    assertTrue(matches("profileUrl eq \"https://example.com/Babs\""));
    assertFalse(matches("profileUrl eq \"https://example.com/babs\""));
  }

  @Test
  void anOrderingOfBooleansIsStillRefused() {
    ObjectNode active = user.deepCopy().put("active", true);
    assertThrows(BadRequestException.class,
        () -> Filter.fromString("active gt \"x\"").visit(evaluator, active));
  }

  private boolean matches(String filter) throws ScimException {
    return Filter.fromString(filter).visit(evaluator, user);
  }
}
