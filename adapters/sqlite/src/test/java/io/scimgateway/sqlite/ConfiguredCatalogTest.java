package io.scimgateway.sqlite;

import io.scimgateway.spi.ListedCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.scimgateway.spi.CatalogValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog the {@code backend:} section configures, and the messages for what it gets wrong. */
class ConfiguredCatalogTest {

  @Test
  void listsEntitlementsAndRolesInConfiguredOrder() throws Exception {
    ListedCatalog catalog = ConfiguredCatalog.from(settings("""
        {"entitlements": [{"value": "license.full", "display": "Full license", "type": "License",
                           "description": "Every feature"},
                          {"value": "storage.100gb"}],
         "roles": [{"value": "admin"}]}"""));
    assertEquals(List.of(new CatalogValue("license.full", "Full license", "License", "Every feature"),
        new CatalogValue("storage.100gb", null, null, null)), catalog.entitlements());
    assertEquals(List.of(new CatalogValue("admin", null, null, null)), catalog.roles());
    assertTrue(catalog.entitlementsWritable() && catalog.rolesWritable() && catalog.holdsRoles());
  }

  @Test
  void noListsMeanAnyValue() throws Exception {
    ListedCatalog catalog = ConfiguredCatalog.from(settings("{\"file\": \"x.db\"}"));
    assertTrue(catalog.entitlements().isEmpty() && catalog.roles().isEmpty());
  }

  @Test
  void mistakesNameTheSetting() {
    assertMessage("backend.roles must be a list", "{\"roles\": \"admin\"}");
    assertMessage("backend.entitlements[1] needs a non-empty \"value\"",
        "{\"entitlements\": [{\"value\": \"a\"}, {\"display\": \"b\"}]}");
    assertMessage("backend.roles[0] has the unknown key \"dispaly\"",
        "{\"roles\": [{\"value\": \"a\", \"dispaly\": \"A\"}]}");
    assertMessage("backend.roles lists the value \"a\" twice",
        "{\"roles\": [{\"value\": \"a\"}, {\"value\": \"a\"}]}");
  }

  private static void assertMessage(String expected, String json) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ConfiguredCatalog.from(settings(json)));
    assertTrue(error.getMessage().startsWith(expected), error.getMessage());
  }

  private static ObjectNode settings(String json) {
    try {
      return (ObjectNode) JsonUtils.getObjectReader().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
