package io.scimgateway.gateway.core.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.schemas.SchemaRegistry;
import org.junit.jupiter.api.Test;

/**
 * What a projection tells the store to read: a list needs {@code meta} (and so the version) only when
 * its resources show it; one resource always needs it, for its {@code ETag} header.
 */
class ProjectionNeedsTest {

  private final ResourceTypeDefinition users = SchemaRegistry.load().resourceType("User").orElseThrow();

  @Test
  void aListOfUserNamesNeedsNoVersionButOneUserDoes() throws Exception {
    Projection userNames = Projection.of(users, "userName", null);
    assertTrue(userNames.listed().includes("userName"));
    assertFalse(userNames.listed().includes("meta"));
    assertFalse(userNames.listed().includes("groups"));
    assertTrue(userNames.returned().includes("meta"));
    assertFalse(userNames.returned().includes("groups"));
  }

  @Test
  void aListThatShowsMetaOrGroupsNeedsThem() throws Exception {
    assertTrue(Projection.of(users, "userName,meta.version", null).listed().includes("meta"));
    assertTrue(Projection.of(users, "groups", null).listed().includes("groups"));
    assertTrue(Projection.of(users, null, "userName").listed().includes("meta"));
    assertTrue(Projection.plain(users).listed().includes("meta"));
    assertFalse(Projection.of(users, null, "meta").listed().includes("meta"));
  }
}
