package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.gateway.Backends;
import io.scimgateway.gateway.config.GatewayConfig;
import io.scimgateway.gateway.config.ResetSinkFactory;
import io.scimgateway.gateway.core.GatewayLimits;
import io.scimgateway.gateway.core.Requester;
import io.scimgateway.gateway.core.ResourceService;
import io.scimgateway.gateway.core.ResourceServices;
import io.scimgateway.gateway.core.bulk.BulkProcessor;
import io.scimgateway.gateway.core.query.ListQuery;
import io.scimgateway.gateway.core.query.ListResult;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.StoredResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The gateway's own configured backend, in this process and without listening: reads and writes go
 * through the same core as HTTP requests (schema checks, uniqueness, PATCH, entitlement rules), and a
 * batch of writes is one bulk request, committed together where the backend batches writes.
 */
final class InProcessTarget implements SyncTarget {

  /** Locations in bulk answers are built on it; only the ids at their ends are used. */
  private static final URI BASE = URI.create("http://localhost/scim/v2");

  /**
   * What a plan uses of a user: neither the computed {@code groups} (memberships are planned from
   * the groups' members) nor {@code meta}, whose version would need them; the embedded store then
   * skips a membership query per user.
   */
  private static final NeededAttributes USER_ATTRIBUTES =
      NeededAttributes.allBut(Set.of("groups", "meta"));

  /** Member values in one group PATCH where no payload limit stands in the way. */
  static final int LARGE_MEMBER_WRITES = 10_000;

  private final String description;
  private final Backend backend;
  private final ResourceServices services;
  private final BulkProcessor bulk;
  private final GatewayLimits limits;

  private InProcessTarget(String description, Backend backend, ResourceServices services,
      GatewayLimits limits) {
    this.description = description;
    this.backend = backend;
    this.services = services;
    this.limits = limits;
    this.bulk = new BulkProcessor(services, limits);
  }

  static InProcessTarget open(GatewayConfig config) throws TargetUnavailableException {
    SchemaRegistry registry = SchemaRegistry.load();
    GatewayLimits limits = config.limits().toGatewayLimits();
    Backend backend;
    try {
      backend = Backends.open(config, registry);
    } catch (RuntimeException e) {
      throw new TargetUnavailableException("The configured backend does not open: " + e.getMessage(), e);
    }
    try {
      SchemaRegistry served = Backends.servedSchemas(registry, backend);
      ResourceServices services = new ResourceServices(served, backend, limits,
          config.compatibility().toClientCompatibility(),
          ResetSinkFactory.create(config.passwordReset(), config.data(), System::getenv),
          config.audit().enabled());
      return new InProcessTarget("the " + config.backendType() + " backend (data in " + config.data()
          + ")", backend, services, limits);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Directory read() throws TargetUnavailableException {
    List<Directory.User> users = new ArrayList<>();
    for (StoredResource user : all("Users", USER_ATTRIBUTES)) {
      users.add(new Directory.User(user.id(), user.attributes()));
    }
    List<Directory.Group> groups = new ArrayList<>();
    for (StoredResource group : all("Groups", NeededAttributes.ALL)) {
      Set<String> members = new HashSet<>();
      group.attributes().path("members").forEach(m -> members.add(m.path("value").asText()));
      groups.add(new Directory.Group(group.id(), group.attributes().path("displayName").asText(null),
          members));
    }
    return new Directory(users, groups);
  }

  /** Every resource of a type, page by page with cursors, so that concurrent writes skip none. */
  private List<StoredResource> all(String endpoint, NeededAttributes needed)
      throws TargetUnavailableException {
    List<StoredResource> all = new ArrayList<>();
    if (services.byEndpoint(endpoint).isEmpty()) {
      return all; // a backend without groups: the plan says so if the mapping needs them
    }
    ResourceService service = services.byEndpoint(endpoint).get();
    try {
      String cursor = "";
      do {
        ListResult page = service.search(new ListQuery(null, null, 1, limits.maxResults(), cursor,
            needed));
        all.addAll(page.resources());
        cursor = page.nextCursor();
      } while (cursor != null);
    } catch (ScimException e) {
      throw new TargetUnavailableException("Reading " + endpoint + " failed: "
          + e.getScimError().getDetail(), e);
    }
    return all;
  }

  @Override
  public int batchSize() {
    return limits.bulkMaxOperations();
  }

  @Override
  public long maxBatchBytes() {
    return Long.MAX_VALUE; // nothing is sent over a wire
  }

  /** Nothing goes over a wire, and each PATCH costs a read of the whole group. */
  @Override
  public int membersPerWrite() {
    return LARGE_MEMBER_WRITES;
  }

  @Override
  public List<WriteResult> write(List<TargetWrite> writes) throws TargetUnavailableException {
    try {
      JsonNode answer = bulk.process(BulkAnswers.request(writes), BASE, Requester.localSync());
      return BulkAnswers.results(writes, answer);
    } catch (ScimException e) {
      throw new TargetUnavailableException("The backend refused a batch of writes: "
          + e.getScimError().getDetail(), e);
    }
  }

  @Override
  public void close() {
    backend.close();
  }
}
