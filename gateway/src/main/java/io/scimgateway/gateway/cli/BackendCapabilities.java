package io.scimgateway.gateway.cli;

import io.scimgateway.spi.Backend;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.WriteBatching;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a backend can do, in words: the stores it serves and their optional abilities. */
final class BackendCapabilities {

  private BackendCapabilities() {
  }

  static List<String> describe(Backend backend) {
    List<String> lines = new ArrayList<>();
    for (String type : List.of("User", "Group")) {
      Optional<ResourceStore> store = backend.store(type);
      lines.add(type + "s: " + store.map(s -> store(type, s)).orElse("not served"));
    }
    lines.add("entitlements and roles catalog: "
        + yesNo(backend.capability(EntitlementCatalog.class).isPresent()));
    lines.add("bulk writes in one transaction: "
        + yesNo(backend.capability(WriteBatching.class).isPresent()));
    return lines;
  }

  private static String store(String type, ResourceStore store) {
    List<String> abilities = new ArrayList<>();
    abilities.add("page size " + (store.maxPageSize() == Integer.MAX_VALUE ? "unlimited"
        : String.valueOf(store.maxPageSize())));
    abilities.add(store.supportsPositions() ? "stable cursors" : "offset cursors");
    abilities.add("filters evaluated by the backend: " + (store.filterSupport() == FilterSupport.NONE ? "none" : "some or all"));
    store.capability(GroupMembership.class).ifPresent(m -> abilities.add("member changes in place"));
    store.capability(PasswordManagement.class).ifPresent(p -> abilities.add("passwords ("
        + p.features().stream().map(BackendCapabilities::feature).collect(Collectors.joining(", "))
        + ")"));
    return String.join("; ", abilities);
  }

  private static String feature(PasswordFeature feature) {
    return feature.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
