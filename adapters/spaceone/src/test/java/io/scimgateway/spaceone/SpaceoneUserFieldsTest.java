package io.scimgateway.spaceone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import org.junit.jupiter.api.Test;

class SpaceoneUserFieldsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void mapsTheAttributesSpaceoneHolds() throws Exception {
    ObjectNode fields = SpaceoneUserFields.forCreate(json("{\"userName\":\"ada@example.com\","
        + "\"displayName\":\" Ada Lovelace \",\"emails\":[{\"value\":\"other@example.com\"},"
        + "{\"value\":\"ada@example.com\",\"primary\":true}],\"locale\":\"en-GB\",\"preferredLanguage\":\"en\","
        + "\"timezone\":\"Europe/London\",\"userType\":\"Employee\"}"));
    assertEquals(json("{\"user_id\":\"ada@example.com\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\","
        + "\"language\":\"en\",\"timezone\":\"Europe/London\"}"), fields);
    assertEquals("API_USER", SpaceoneUserFields.forCreate(json("{\"userName\":\"robot-7\",\"userType\":\"api_user\"}"))
        .get("user_type").asText());
  }

  @Test
  void refusesWhatSpaceoneWouldBeforeAnyCall() {
    BadRequestException form = assertThrows(BadRequestException.class,
        () -> SpaceoneUserFields.forCreate(json("{\"userName\":\"jdoe\"}")));
    assertEquals("invalidValue", form.getScimError().getScimType());
    assertTrue(form.getMessage().contains("email form"), form.getMessage());
    assertThrows(BadRequestException.class,
        () -> SpaceoneUserFields.forCreate(json("{\"userName\":\"" + "a".repeat(30) + "@example.com\"}")));
    BadRequestException zone = assertThrows(BadRequestException.class,
        () -> SpaceoneUserFields.forCreate(json("{\"userName\":\"a@x.io\",\"timezone\":\"Mars/Base\"}")));
    assertTrue(zone.getMessage().contains("Mars/Base"));
    assertThrows(BadRequestException.class,
        () -> SpaceoneUserFields.forCreate(json("{\"userName\":\"a@x.io\",\"preferredLanguage\":\"en-GB-oxendict\"}")));
  }

  @Test
  void updatesOnlyWhatChangedAndNeverRenames() throws Exception {
    ObjectNode user = json("{\"user_id\":\"ada@example.com\",\"name\":\"Ada\",\"email\":\"\",\"language\":\"en\","
        + "\"timezone\":\"UTC\",\"user_type\":\"USER\"}");
    assertEquals(json("{\"name\":\"Ada L\",\"email\":\"ada@example.com\"}"), SpaceoneUserFields.changed(user,
        json("{\"userName\":\"ADA@example.com\",\"displayName\":\"Ada L\",\"emails\":[{\"value\":\"ada@example.com\"}]}")));
    BadRequestException rename = assertThrows(BadRequestException.class,
        () -> SpaceoneUserFields.changed(user, json("{\"userName\":\"lovelace@example.com\"}")));
    assertEquals("mutability", rename.getScimError().getScimType());
    assertThrows(BadRequestException.class, () -> SpaceoneUserFields.changed(user,
        json("{\"userName\":\"ada@example.com\",\"userType\":\"API_USER\"}")));
  }
}
