package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one gateway a test JVM shares between the tests of {@link RunningGateway}: started on first use
 * over the suite's backend, emptied after each test by deleting through SCIM every group and user that
 * was not there when it started, and stopped when the JVM exits. Starting a gateway (and an emulator)
 * for each test was most of the suite's time. Should emptying fail, a fresh gateway replaces it, so
 * that no test meets what an earlier one left.
 *
 * <p>It is held by the JVM, not by JUnit's root context: with more than one fork, surefire runs each
 * test class as a launch of its own, and a root-context resource was closed and started again for
 * every class.
 *
 * <p>The {@link QueryFixtures} of the read-mostly query tests outlive a test when it left them as they
 * were: a reset keeps them if every fixture resource still carries the version it was created with,
 * and deletes them with the rest otherwise. Making and deleting nine resources for each of a hundred
 * tests had been a third of a remote platform's run. A test that does not ask for them never sees
 * them: {@link #dropQueryFixtures()} deletes them first.
 */
final class SharedGateway {

  private static SharedGateway instance;
  private static final List<String> TYPES = List.of("/Groups", "/Users");
  private static final int PAGE = 200;
  private static final int MAX_ROUNDS = 100;

  private Path data;
  private TestGateway gateway;
  /** What the backend listed when the gateway started (a platform's own accounts), kept by resets. */
  private Set<String> initial;
  /** The query fixtures on the gateway, or null. */
  private QueryFixtures fixtures;
  /** Each fixture resource's id and the version it was created with. */
  private Map<String, String> fixtureVersions;

  private SharedGateway() {
    start();
  }

  /** The JVM's shared gateway, started on first use and stopped when the JVM exits. */
  static synchronized SharedGateway instance() {
    if (instance == null) {
      SharedGateway started = new SharedGateway();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-gateway-stop"));
      instance = started;
    }
    return instance;
  }

  TestGateway gateway() {
    return gateway;
  }

  /** The query fixtures, made through {@code scim} unless the gateway holds them intact already. */
  QueryFixtures queryFixtures(ScimSession scim) {
    if (fixtures == null) {
      QueryFixtures made = QueryFixtures.create(scim);
      Set<String> ids = new HashSet<>(made.allIds());
      Map<String, String> versions = versions(gateway.client(), ids);
      if (!versions.keySet().equals(ids) || versions.containsValue("")) {
        // not kept: the test's reset deletes them with the rest
        throw new IllegalStateException("the fixtures are not all listed with a version: " + versions);
      }
      fixtures = made;
      fixtureVersions = versions;
    }
    return fixtures;
  }

  /** Deletes the query fixtures, if the gateway holds them. */
  void dropQueryFixtures() {
    if (fixtures != null) {
      fixtures = null;
      reset();
    }
  }

  /**
   * Deletes what tests made, and the query fixtures unless each is as it was created; a fresh gateway
   * where that fails.
   */
  void reset() {
    try {
      ScimClient scim = gateway.client();
      Set<String> kept = new HashSet<>(initial);
      if (fixtures != null) {
        kept.addAll(fixtureVersions.keySet());
      }
      for (String type : TYPES) {
        deleteAllBut(scim, type, kept);
      }
      if (fixtures != null && !fixtureVersions.equals(versions(scim, fixtureVersions.keySet()))) {
        fixtures = null;
        for (String type : TYPES) {
          deleteAllBut(scim, type, initial);
        }
      }
    } catch (RuntimeException e) {
      System.err.println("The shared gateway could not be emptied (" + e.getMessage()
          + "); starting a fresh one.");
      close();
      start();
    }
  }

  private void close() {
    try {
      gateway.close();
    } finally {
      deleteAll(data);
    }
  }

  private void start() {
    fixtures = null;
    try {
      data = Files.createTempDirectory("scim-gateway-shared-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gateway = TestGateway.start(data);
    initial = new HashSet<>();
    for (String type : TYPES) {
      initial.addAll(firstPage(gateway.client(), type));
    }
  }

  /**
   * Deletes every {@code type} resource but the {@code kept} ones, a page at a time in one /Bulk request
   * (one request and, on the embedded store, one transaction for up to {@value #PAGE} deletes), until
   * the first page holds no other.
   */
  private static void deleteAllBut(ScimClient scim, String type, Set<String> kept) {
    List<String> made;
    int rounds = 0;
    do {
      if (++rounds > MAX_ROUNDS) {
        throw new IllegalStateException(type + " still lists deleted resources");
      }
      made = new ArrayList<>(firstPage(scim, type));
      made.removeAll(kept);
      if (!made.isEmpty()) {
        deleteInBulk(scim, type, made);
      }
    } while (!made.isEmpty());
  }

  private static void deleteInBulk(ScimClient scim, String type, List<String> ids) {
    ObjectNode request = ScimJson.bulkRequest();
    ArrayNode operations = ScimJson.operations(request);
    for (String id : ids) {
      operations.addObject().put("method", "DELETE").put("path", type + "/" + id);
    }
    ScimResponse answer = scim.post("/Bulk", request);
    if (answer.status() != 200) {
      throw new IllegalStateException("POST /Bulk deleting " + type + " answered " + answer.status()
          + ": " + answer.body());
    }
    for (JsonNode operation : answer.json().path("Operations")) {
      String status = operation.path("status").asText();
      if (!status.equals("204") && !status.equals("404")) {
        throw new IllegalStateException("DELETE " + operation.path("location").asText()
            + " in a /Bulk answered " + status + ": " + operation);
      }
    }
  }

  /** The versions of the resources {@code ids} as listed now; a missing one is left out. */
  private static Map<String, String> versions(ScimClient scim, Set<String> ids) {
    Map<String, String> versions = new HashMap<>();
    for (String type : TYPES) {
      ScimResponse list = scim.get(type + "?attributes=meta&count=" + PAGE);
      if (list.status() != 200) {
        throw new IllegalStateException("GET " + type + " answered " + list.status() + ": " + list.body());
      }
      for (JsonNode resource : list.json().path("Resources")) {
        String id = resource.path("id").asText();
        if (ids.contains(id)) {
          versions.put(id, resource.path("meta").path("version").asText());
        }
      }
    }
    return versions;
  }

  private static List<String> firstPage(ScimClient scim, String type) {
    ScimResponse list = scim.get(type + "?attributes=id&count=" + PAGE);
    if (list.status() != 200) {
      throw new IllegalStateException("GET " + type + " answered " + list.status() + ": " + list.body());
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode resource : list.json().path("Resources")) {
      ids.add(resource.path("id").asText());
    }
    return ids;
  }

  private static void deleteAll(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
