package io.scimgateway.spaceone;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgateway.kit.PlatformClient;
import io.scimgateway.kit.PlatformErrors;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.remote.RemoteBackend;
import io.scimgateway.kit.remote.RemoteGroupStore;
import io.scimgateway.spi.EntitlementCatalog;
import java.time.Clock;
import java.util.Map;

/**
 * SCIM Users (and Groups, as configured) on one SpaceONE domain's identity service, with an API key
 * as bearer token and what SpaceONE cannot hold kept in local state. Thread-safe.
 */
final class SpaceoneBackend extends RemoteBackend {

  SpaceoneBackend(SpaceoneSettings settings) {
    super(LocalState.open(settings.localState()), settings.api());
    Clock clock = Clock.systemUTC();
    PlatformClient client = new PlatformClient(settings.api(),
        new PlatformErrors(settings.api(), SpaceoneApi::reason));
    SpaceoneApi api = new SpaceoneApi(client, new ObjectMapper(), settings.domainId());
    SpaceoneUsers users = new SpaceoneUsers(api, settings.prefix());
    SpaceoneRoles roles = new SpaceoneRoles(api, settings.prefix());
    SpaceoneUserCollection.GroupsOf groupsOf = userIds -> Map.of();
    SpaceoneGroups platformGroups = switch (settings.groups()) {
      case USER_GROUPS -> new SpaceoneUserGroups(api, settings.userGroupPrefix());
      case PROJECTS -> new SpaceoneProjects(api, settings.prefix(), settings.projectGroupId(),
          settings.projectRoleId());
      case NONE -> null;
    };
    if (platformGroups != null) {
      SpaceoneGroupStore groups = new SpaceoneGroupStore(platformGroups, users, local, settings.pageSize(), clock);
      serve(RemoteGroupStore.RESOURCE_TYPE, groups);
      groupsOf = groups;
    }
    serve(SpaceoneUserStore.RESOURCE_TYPE, SpaceoneUserStore.of(users, local, groupsOf, roles,
        settings.pageSize(), clock));
    offer(EntitlementCatalog.class, roles);
    repairInterruptedWrites();
  }
}
