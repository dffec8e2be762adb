package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one gateway a test JVM shares between the tests of {@link RunningGateway}: started on first use
 * over the suite's backend, emptied after each test by deleting through SCIM every group and user that
 * was not there when it started, and stopped when the run ends. Starting a gateway (and an emulator)
 * for each test was most of the suite's time. Should emptying fail, a fresh gateway replaces it, so
 * that no test meets what an earlier one left.
 */
final class SharedGateway implements ExtensionContext.Store.CloseableResource {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedGateway.class);
  private static final List<String> TYPES = List.of("/Groups", "/Users");
  private static final int PAGE = 200;
  private static final int MAX_ROUNDS = 100;

  private Path data;
  private TestGateway gateway;
  /** What the backend listed when the gateway started (a platform's own accounts), kept by resets. */
  private Set<String> initial;

  private SharedGateway() {
    start();
  }

  /** The run's shared gateway, started on first use. */
  static SharedGateway of(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedGateway.class, key -> new SharedGateway(), SharedGateway.class);
  }

  TestGateway gateway() {
    return gateway;
  }

  /** Deletes what tests made; a fresh gateway where that fails. */
  void reset() {
    try {
      ScimClient scim = gateway.client();
      for (String type : TYPES) {
        deleteAllBut(scim, type);
      }
    } catch (RuntimeException e) {
      System.err.println("The shared gateway could not be emptied (" + e.getMessage()
          + "); starting a fresh one.");
      close();
      start();
    }
  }

  @Override
  public void close() {
    try {
      gateway.close();
    } finally {
      deleteAll(data);
    }
  }

  private void start() {
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

  /** Deletes every {@code type} resource but the initial ones, until the first page holds no other. */
  private void deleteAllBut(ScimClient scim, String type) {
    List<String> made;
    int rounds = 0;
    do {
      if (++rounds > MAX_ROUNDS) {
        throw new IllegalStateException(type + " still lists deleted resources");
      }
      made = new ArrayList<>(firstPage(scim, type));
      made.removeAll(initial);
      for (String id : made) {
        int status = scim.delete(type + "/" + id).status();
        if (status != 204 && status != 404) {
          throw new IllegalStateException("DELETE " + type + "/" + id + " answered " + status);
        }
      }
    } while (!made.isEmpty());
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
