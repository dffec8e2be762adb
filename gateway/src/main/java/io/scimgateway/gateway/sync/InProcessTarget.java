package io.scimgateway.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
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
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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

  /** A user read by key: its attributes and its groups, which a previous export's run plans from. */
  private static final NeededAttributes SOME_USER_ATTRIBUTES = NeededAttributes.allBut(Set.of("meta"));

  /** A group read by name: no members, which may be many. */
  private static final NeededAttributes GROUP_NAME = NeededAttributes.only(Set.of("id", "displayName"));

  /** The embedded store's setting of its writer's page cache (README, "Configuration"). */
  private static final String WRITER_CACHE_MB = "writerCacheMb";
  private static final int SYNC_WRITER_CACHE_MB = 64;

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

  static InProcessTarget open(GatewayConfig given) throws TargetUnavailableException {
    GatewayConfig config = withBatchJobCache(given);
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

  /**
   * The embedded store's writer with a page cache of {@value #SYNC_WRITER_CACHE_MB} MB, unless the
   * configuration sets one: a sync batch changes index pages all over the file, and with SQLite's
   * default of 2 MB it reads most of them again from disk. Sync is a job that ends, so the memory a
   * gateway keeps small is not at stake.
   */
  private static GatewayConfig withBatchJobCache(GatewayConfig config) {
    if (!config.backendType().equals("sqlite") || config.backend().has(WRITER_CACHE_MB)) {
      return config;
    }
    ObjectNode backend = config.backend().deepCopy();
    backend.put(WRITER_CACHE_MB, SYNC_WRITER_CACHE_MB);
    return config.withBackend(backend);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Directory read(PlannedAttributes planned) throws TargetUnavailableException {
    List<Directory.User> users = new ArrayList<>();
    each("Users", null, USER_ATTRIBUTES, user -> users.add(
        new Directory.User(user.id(), planned.keep(user.attributes()))));
    List<Directory.Group> groups = new ArrayList<>();
    each("Groups", null, NeededAttributes.ALL,
        group -> groups.add(Directory.Group.of(group.id(), group.attributes())));
    return new Directory(users, groups);
  }

  @Override
  public Directory readSome(PlannedAttributes planned, String keyAttribute, Collection<String> keys,
      Collection<String> groupNames) throws TargetUnavailableException {
    List<Directory.User> users = new ArrayList<>();
    for (String filter : ValueFilters.anyOf(keyAttribute, keys)) {
      each("Users", filter, SOME_USER_ATTRIBUTES, user -> users.add(
          new Directory.User(user.id(), planned.keepWithGroups(user.attributes()))));
    }
    List<Directory.Group> groups = new ArrayList<>();
    for (String filter : ValueFilters.anyOf("displayName", groupNames)) {
      each("Groups", filter, GROUP_NAME,
          group -> groups.add(Directory.Group.of(group.id(), group.attributes())));
    }
    return new Directory(users, groups);
  }

  /**
   * Hands over every resource of a type that matches {@code filter} (all where it is null), page by
   * page with cursors, so that concurrent writes skip none and only one page is held whole.
   */
  private void each(String endpoint, String filter, NeededAttributes needed,
      Consumer<StoredResource> each) throws TargetUnavailableException {
    if (services.byEndpoint(endpoint).isEmpty()) {
      return; // a backend without groups: the plan says so if the mapping needs them
    }
    ResourceService service = services.byEndpoint(endpoint).get();
    try {
      Filter parsed = filter == null ? null : Filter.fromString(filter);
      String cursor = "";
      do {
        ListResult page = service.search(new ListQuery(parsed, null, 1, limits.maxResults(), cursor,
            needed));
        page.resources().forEach(each);
        cursor = page.nextCursor();
      } while (cursor != null);
    } catch (ScimException e) {
      throw new TargetUnavailableException("Reading " + endpoint + " failed: "
          + e.getScimError().getDetail(), e);
    }
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
