package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformErrors;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.sqlite.LocalState;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SCIM Users (and Groups, as configured) on one SpaceONE domain's identity service, with an API key
 * as bearer token and what SpaceONE cannot hold kept in local state. Thread-safe.
 */
final class SpaceoneBackend implements Backend {

  private final LocalState local;
  private final Map<String, ResourceStore> stores = new HashMap<>();
  private final SpaceoneRoles roles;

  SpaceoneBackend(SpaceoneSettings settings) {
    Clock clock = Clock.systemUTC();
    PlatformClient client = new PlatformClient(settings.api(),
        new PlatformErrors(settings.api(), SpaceoneApi::reason));
    SpaceoneApi api = new SpaceoneApi(client, new ObjectMapper(), settings.domainId());
    SpaceoneUsers users = new SpaceoneUsers(api, settings.prefix());
    this.local = LocalState.open(settings.localState());
    this.roles = new SpaceoneRoles(api, settings.prefix());
    SpaceoneUserStore.GroupsOf groupsOf = userIds -> Map.of();
    if (settings.groups() == SpaceoneSettings.GroupMode.USER_GROUPS) {
      SpaceoneGroupStore groups = new SpaceoneGroupStore(
          new SpaceoneUserGroups(api, settings.userGroupPrefix()), users, local, settings.pageSize(), clock);
      stores.put(SpaceoneGroupStore.RESOURCE_TYPE, groups);
      groupsOf = groups;
    } else if (settings.groups() == SpaceoneSettings.GroupMode.PROJECTS) {
      local.close();
      throw new IllegalArgumentException("backend.groups: projects is not available yet; use userGroups "
          + "(SpaceONE v2) or none");
    }
    stores.put(SpaceoneUserStore.RESOURCE_TYPE, new SpaceoneUserStore(users, local, groupsOf, roles,
        settings.pageSize(), clock));
  }

  @Override
  public Optional<ResourceStore> store(String resourceTypeId) {
    return Optional.ofNullable(stores.get(resourceTypeId));
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return type == EntitlementCatalog.class ? Optional.of(type.cast(roles)) : Optional.empty();
  }

  @Override
  public void close() {
    local.close();
  }
}
