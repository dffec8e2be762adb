package io.scimgateway.conformance.equivalence;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.server.utils.SchemaAwareFilterEvaluator;
import io.scimgateway.conformance.ConformancePlatform;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.Backend;
import io.scimgateway.spi.BackendContext;
import io.scimgateway.spi.BackendProvider;
import io.scimgateway.spi.FilterSupport.Support;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.SearchPage;
import io.scimgateway.spi.SearchQuery;
import io.scimgateway.spi.StoredResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every backend's filter push-down agrees with the SDK's schema-aware evaluator, the reference for SCIM
 * filter semantics: the embedded store, and each remote platform's translation through its emulator
 * (every {@link ConformancePlatform} found). Random users and filters come from one seed (printed; set
 * it with {@code -Dequivalence.seed=...}). Ids and timestamps are the store's own, so values picked
 * from them differ between runs of one seed. A user the platform refuses (a userName SpaceONE cannot
 * take, say) is left out. For each filter the store declares exact (and whose shape it combines), the
 * store's result must be the evaluator's; for each it declares a superset, it must contain it; the
 * rest are skipped, and each backend must evaluate at least its share of the filters itself.
 */
@Tag("platform")
class PushDownEquivalenceTest {

  static final long DEFAULT_SEED = 7_401_937L;
  static final double REPLACED_SHARE = 0.1;
  /** Paging is checked for every this-many-th compared filter. */
  static final int PAGING_SAMPLE = 10;
  static final int ALL = 10_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * How much of the harness a backend runs, small enough for seconds over an emulator, and the share
   * of generated filters it must evaluate itself, exactly or as a superset (what it declares).
   */
  record Run(String backend, int users, int filters, double minComparedShare) {
  }

  static List<Run> runs() {
    return List.of(new Run("sqlite", 400, 2_000, 0.5), new Run("appwrite", 60, 2_000, 0.01),
        new Run("zidentity", 60, 2_000, 0.01), new Run("spaceone", 60, 2_000, 0.01),
        new Run("braincloud", 60, 2_000, 0.01));
  }

  @ParameterizedTest
  @MethodSource("runs")
  void storeResultsAgreeWithTheSdkEvaluator(Run run) throws Exception {
    ConformancePlatform platform = platform(run.backend());
    Path data = Files.createTempDirectory("equivalence-" + run.backend() + "-");
    ObjectNode section = platform.section(data);
    try {
      onShallowStack(() -> {
        check(run, section, data);
        return null;
      });
    } finally {
      platform.release(section);
    }
  }

  /**
   * Runs {@code check} on a thread of its own. The SDK's evaluator throws and catches an exception for
   * every text comparison (it tries each side as a date), and an exception costs in proportion to the
   * stack it records: some 70 frames under JUnit and surefire, a handful on a fresh thread. That was a
   * quarter of this test's time.
   */
  private static void onShallowStack(Callable<Void> check) throws Exception {
    FutureTask<Void> task = new FutureTask<>(check);
    new Thread(task, "push-down-equivalence").start();
    try {
      task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error; // an assertion failure among them
      }
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static ConformancePlatform platform(String name) {
    return ServiceLoader.load(ConformancePlatform.class).stream().map(ServiceLoader.Provider::get)
        .filter(platform -> platform.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no conformance platform " + name));
  }

  private static Backend open(ObjectNode section, SchemaRegistry schemas, Path data) {
    String type = section.path("type").asText();
    BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(candidate -> candidate.name().equals(type)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no backend " + type));
    return provider.open(new BackendContext(schemas, section, data));
  }

  private static void check(Run run, ObjectNode section, Path data) throws ScimException {
    long seed = Long.getLong("equivalence.seed", DEFAULT_SEED);
    String name = run.backend();
    System.out.println("PushDownEquivalenceTest: " + name + ", seed " + seed + " (repeat with -Dequivalence.seed="
        + seed + ")");
    Random random = new Random(seed);
    SchemaRegistry schemas = SchemaRegistry.load();
    SchemaAwareFilterEvaluator evaluator =
        new SchemaAwareFilterEvaluator(schemas.resourceType("User").orElseThrow());
    try (Backend backend = open(section, schemas, data)) {
      ResourceStore store = backend.store("User").orElseThrow();
      int[] refused = {0};
      Map<String, ObjectNode> users = createUsers(store, random, run.users(), refused);
      FilterValues values = FilterValues.of(users.values(), FilterAttribute.stringPaths());
      List<Filter> filters = new GeneratedFilters(random, values).generate(run.filters());

      Map<String, String> userNames = new LinkedHashMap<>();
      users.forEach((id, user) -> userNames.put(id, user.path("userName").asText()));
      Mismatches mismatches = new Mismatches(userNames);
      int exact = 0;
      int superset = 0;
      int matchingNone = 0;
      int matchingAll = 0;
      for (Filter filter : filters) {
        Support support = PushDownSupport.of(filter, store.filterSupport());
        if (support == Support.NONE) {
          continue;
        }
        Set<String> expected = matching(filter, users, evaluator);
        matchingNone += expected.isEmpty() ? 1 : 0;
        matchingAll += expected.size() == users.size() ? 1 : 0;
        if (support == Support.EXACT) {
          exact++;
        } else {
          superset++;
        }
        List<String> actual = compare(store, filter, expected, support, mismatches);
        if (actual != null && (exact + superset) % PAGING_SAMPLE == 0) {
          checkPaging(store, filter, actual, random, mismatches);
        }
      }

      int compared = exact + superset;
      System.out.printf("PushDownEquivalenceTest: %s, seed %d, %d users (%d refused), %d filters: %d compared"
              + " exactly, %d compared as superset (of those compared, %d match no user, %d every user),"
              + " %d skipped as not pushable, %d mismatch(es)%n", name, seed, users.size(), refused[0],
          filters.size(), exact, superset, matchingNone, matchingAll, filters.size() - compared,
          mismatches.count());
      int required = (int) Math.ceil(run.minComparedShare() * filters.size());
      List<String> failures = new ArrayList<>();
      if (mismatches.count() > 0) {
        failures.add(mismatches.report());
      }
      if (compared < required) {
        failures.add("the store evaluated only " + compared + " of " + filters.size() + " filters itself;"
            + " at least " + required + " (share " + run.minComparedShare() + ") are required");
      }
      if (!failures.isEmpty()) {
        fail(name + ", seed " + seed + ": " + String.join("\n", failures));
      }
    }
  }

  /**
   * Creates the users, then replaces some so that lastModified differs from created; by id, as the
   * store reads them back. Users the store refuses with a 400 are counted in {@code refused}.
   */
  private static Map<String, ObjectNode> createUsers(ResourceStore store, Random random, int count,
      int[] refused) throws ScimException {
    GeneratedUsers generator = new GeneratedUsers(random);
    List<ObjectNode> generated = generator.generate(count);
    List<StoredResource> stored = new ArrayList<>();
    List<ObjectNode> kept = new ArrayList<>();
    for (ObjectNode user : generated) {
      try {
        stored.add(store.create(user));
        kept.add(user);
      } catch (BadRequestException notForThisPlatform) {
        refused[0]++;
      }
    }
    for (int i = 0; i < stored.size(); i++) {
      if (random.nextDouble() < REPLACED_SHARE) {
        stored.set(i, store.replace(new ResourceChange(stored.get(i), generator.changed(kept.get(i)))));
      }
    }
    Map<String, ObjectNode> users = new LinkedHashMap<>();
    for (StoredResource resource : stored) {
      users.put(resource.id(), representation(store.get(resource.id()).orElseThrow()));
    }
    return users;
  }

  /** The SCIM representation a filter is evaluated on: the stored attributes, id and meta. */
  private static ObjectNode representation(StoredResource resource) {
    ObjectNode node = resource.attributes().deepCopy();
    node.put("id", resource.id());
    node.putObject("meta")
        .put("resourceType", "User")
        .put("created", resource.created().toString())
        .put("lastModified", resource.lastModified().toString());
    return node;
  }

  private static Set<String> matching(Filter filter, Map<String, ObjectNode> users,
      SchemaAwareFilterEvaluator evaluator) throws ScimException {
    Set<String> ids = new LinkedHashSet<>();
    for (Map.Entry<String, ObjectNode> user : users.entrySet()) {
      if (filter.visit(evaluator, user.getValue())) {
        ids.add(user.getKey());
      }
    }
    return ids;
  }

  /** Searches with the whole filter and records any disagreement; the ids found, or null on failure. */
  private static List<String> compare(ResourceStore store, Filter filter, Set<String> expected,
      Support support, Mismatches mismatches) {
    SearchPage page;
    try {
      page = everything(store, filter);
    } catch (ScimException | RuntimeException e) {
      mismatches.error(filter, e);
      return null;
    }
    List<String> actual = ids(page);
    Set<String> found = new LinkedHashSet<>(actual);
    Set<String> missing = new LinkedHashSet<>(expected);
    missing.removeAll(found);
    Set<String> extra = new LinkedHashSet<>(found);
    extra.removeAll(expected);
    boolean exact = support == Support.EXACT;
    List<String> notes = new ArrayList<>();
    if (found.size() != actual.size()) {
      notes.add((actual.size() - found.size()) + " user(s) returned more than once");
    }
    if (page.totalResults() != actual.size()) {
      notes.add("totalResults " + page.totalResults() + " but " + actual.size() + " returned");
    }
    if (!missing.isEmpty() || (exact && !extra.isEmpty()) || !notes.isEmpty()) {
      mismatches.result(filter, exact ? "exact: expected " + expected.size() + ", store found "
              + actual.size() : "superset: store found " + actual.size() + ", must include all "
              + expected.size(), missing, exact ? extra : Set.of(), String.join("; ", notes));
    }
    return actual;
  }

  /** Pages of a random size, read until the end, are the full result in the same order. */
  private static void checkPaging(ResourceStore store, Filter filter, List<String> all, Random random,
      Mismatches mismatches) {
    int pageSize = Math.min(store.maxPageSize(), 1 + random.nextInt(Math.max(1, all.size() / 3 + 1)));
    List<String> paged = new ArrayList<>();
    try {
      long onlyTotal = store.search(new SearchQuery(filter, 0, 0)).totalResults();
      if (onlyTotal != all.size()) {
        mismatches.other(filter, "limit 0 gives totalResults " + onlyTotal + ", not " + all.size());
      }
      for (long offset = 0; offset <= all.size(); offset += pageSize) {
        SearchPage page = store.search(new SearchQuery(filter, offset, pageSize));
        paged.addAll(ids(page));
        if (page.totalResults() != all.size()) {
          mismatches.other(filter, "the page at offset " + offset + " gives totalResults "
              + page.totalResults() + ", not " + all.size());
          return;
        }
      }
    } catch (ScimException | RuntimeException e) {
      mismatches.error(filter, e);
      return;
    }
    if (!paged.equals(all)) {
      mismatches.other(filter, "pages of " + pageSize + " give " + paged.size() + " ids ("
          + new HashSet<>(paged).size() + " distinct), not the " + all.size() + " of one full page in order");
    }
  }

  /** Every match, read a page of the store's most at a time, with the first page's total. */
  private static SearchPage everything(ResourceStore store, Filter filter) throws ScimException {
    List<StoredResource> all = new ArrayList<>();
    int size = Math.min(ALL, store.maxPageSize());
    SearchPage first = null;
    while (true) {
      SearchPage page = store.search(new SearchQuery(filter, all.size(), size));
      first = first == null ? page : first;
      all.addAll(page.resources());
      if (page.resources().size() < size || all.size() >= ALL) {
        return new SearchPage(all, first.totalResults());
      }
    }
  }

  private static List<String> ids(SearchPage page) {
    return page.resources().stream().map(StoredResource::id).toList();
  }
}
