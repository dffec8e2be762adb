package io.scimgateway.emulator.zidentity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admin entitlements (roles and scope per service) and service entitlements (services a user may sign in to). The API
 * only reads them: the portal assigns them to a user or to a group, and a user has those of their groups too. Here a
 * test assigns them through {@link ZidEmulator}. Callers hold the tenant's lock.
 */
public final class ZidEntitlements {

  /** An {id, name, displayName} reference: a role or a scope. */
  public record Named(String id, String name, String displayName) {}

  /** A Zscaler service of the organisation. */
  public record Service(String id, String serviceName, String cloudName, String cloudDomainName, String orgName,
      String orgId) {}

  /** Admin roles within a scope of one service. */
  public record Admin(List<Named> roles, Named scope, Service service) {

    public Admin {
      roles = List.copyOf(roles);
    }
  }

  private final Grants<Admin> admin = new Grants<>();
  private final Grants<Service> services = new Grants<>();

  void grantAdmin(String principalId, Admin entitlement) {
    admin.grant(principalId, entitlement);
  }

  void grantService(String principalId, Service service) {
    services.grant(principalId, service);
  }

  /** What the principals (a user and their groups) hold together, each once. */
  List<Admin> admin(List<String> principalIds) {
    return admin.of(principalIds);
  }

  List<Service> services(List<String> principalIds) {
    return services.of(principalIds);
  }

  void forget(String principalId) {
    admin.byPrincipal.remove(principalId);
    services.byPrincipal.remove(principalId);
  }

  private static final class Grants<T> {

    private final Map<String, Set<T>> byPrincipal = new HashMap<>();

    void grant(String principalId, T item) {
      byPrincipal.computeIfAbsent(principalId, id -> new LinkedHashSet<>()).add(item);
    }

    List<T> of(List<String> principalIds) {
      Set<T> all = new LinkedHashSet<>();
      principalIds.forEach(id -> all.addAll(byPrincipal.getOrDefault(id, Set.of())));
      return new ArrayList<>(all);
    }
  }
}
