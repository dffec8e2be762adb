package io.scimgateway.kit.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.scimgateway.kit.local.LocalState;
import io.scimgateway.kit.local.PendingWrite;
import io.scimgateway.spi.FilterSupport;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, finishes the writes a crash interrupted between their platform calls and their
 * local-state write ({@link io.scimgateway.kit.local.PendingWrites}), or says why it cannot.
 *
 * <p>A write is finished by writing it again, which the stores make safe: a replace or a change of
 * members compares with what the platform holds now and calls only what still differs, then keeps
 * the local attributes; a create is looked up by its {@code userName} (a group by its
 * {@code displayName}) and, found, finished as a replace, and, not found, reported; a delete the
 * platform carried out has its local attributes forgotten. A write that never reached the platform is
 * dropped: its client had no answer. A write that cannot be finished now (the platform unreachable) is reported and tried again
 * at the next start.
 */
final class InterruptedWrites {

  private static final Logger LOG = LoggerFactory.getLogger(InterruptedWrites.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private InterruptedWrites() {
  }

  /** What a change of members is noted as. */
  static ObjectNode memberChange(Collection<String> add, Collection<String> remove) {
    ObjectNode change = JSON.objectNode();
    add.forEach(change.putArray("add")::add);
    remove.forEach(change.putArray("remove")::add);
    return change;
  }

  /** Repairs every noted write, by the stores (unjournaled) of their resource types; one line each. */
  static List<String> repair(LocalState local, Map<String, ResourceStore> stores) {
    List<String> report = new ArrayList<>();
    for (PendingWrite write : local.pendingWrites().all()) {
      ResourceStore store = stores.get(write.resourceType());
      try {
        String outcome = store == null ? "no store serves " + write.resourceType() + " now; dropped"
            : repairOne(write, store, local);
        local.pendingWrites().finish(write.id());
        report.add("A " + write.describe() + " was interrupted by a crash: " + outcome + ".");
      } catch (ScimException | RuntimeException e) {
        report.add("A " + write.describe() + " was interrupted by a crash and could not be "
            + "finished (" + e.getMessage() + "); it is tried again at the next start, or send the "
            + "write again.");
      }
    }
    report.forEach(LOG::warn);
    return report;
  }

  private static String repairOne(PendingWrite write, ResourceStore store, LocalState local)
      throws ScimException {
    String id = write.platformId();
    return switch (write.operation()) {
      case CREATE -> finishCreate(write, store, local);
      case REPLACE -> rewrite(store, store.get(id), write.attributes());
      case DELETE -> finishDelete(write, store, local);
      case MEMBERS -> finishMembers(write, store);
    };
  }

  private static String rewrite(ResourceStore store, Optional<StoredResource> current,
      ObjectNode after) throws ScimException {
    if (current.isEmpty()) {
      return "the resource is no longer on the platform; nothing to finish";
    }
    store.replace(new ResourceChange(current.get(), after));
    return "finished; the platform and local state agree again";
  }

  private static String finishCreate(PendingWrite write, ResourceStore store, LocalState local)
      throws ScimException {
    String key = write.resourceType().equals("User") ? "userName" : "displayName";
    String value = write.attributes().path(key).asText();
    Path path = Path.root().attribute(key);
    if (store.filterSupport().support(path, FilterType.EQUAL) == FilterSupport.Support.NONE) {
      return "the platform cannot be searched by " + key + "; check whether it holds " + value;
    }
    List<StoredResource> found = new ArrayList<>();
    for (StoredResource resource : store.search(new SearchQuery(Filter.eq(key, value), 0, 10))
        .resources()) {
      if (resource.attributes().path(key).asText().equalsIgnoreCase(value)) {
        found.add(resource);
      }
    }
    if (found.isEmpty()) {
      // Most likely it never reached the platform. Where the platform finds only the users the
      // gateway recorded (brainCloud's Universal ids), it may be there without its local attributes.
      return "no " + write.resourceType() + " with this " + key + " is found on the platform, so "
          + "nothing was finished; if the platform holds it, delete it there or send the write again";
    }
    if (local.get(write.resourceType(), found.get(0).id()).isPresent()) {
      return "it had been finished";
    }
    return rewrite(store, Optional.of(found.get(0)), write.attributes());
  }

  private static String finishDelete(PendingWrite write, ResourceStore store, LocalState local)
      throws ScimException {
    if (store.get(write.platformId()).isPresent()) {
      return "it never reached the platform; nothing to finish";
    }
    local.delete(write.resourceType(), write.platformId());
    return "finished; its local attributes are forgotten";
  }

  private static String finishMembers(PendingWrite write, ResourceStore store) throws ScimException {
    Optional<GroupMembership> membership = store.capability(GroupMembership.class);
    if (membership.isEmpty() || store.get(write.platformId()).isEmpty()) {
      return "the group is no longer on the platform; nothing to finish";
    }
    membership.get().changeMembers(write.platformId(), texts(write.attributes().path("add")),
        texts(write.attributes().path("remove")), null);
    return "finished; the platform and local state agree again";
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return texts;
  }
}
