package io.scimgateway.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A gateway for each test: started on a free port over a fresh SQLite file before the test, and after
 * it checked to have answered no 5xx, stopped, and its data deleted. Register it with
 * {@code @RegisterExtension final RunningGateway running = new RunningGateway();}.
 */
final class RunningGateway implements BeforeEachCallback, AfterEachCallback {

  private Path data;
  private TestGateway gateway;
  private ScimSession session;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    data = Files.createTempDirectory("scim-gateway-test-");
    gateway = TestGateway.start(data);
    session = ScimSession.of(gateway);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      session.assertNoServerErrors();
    } finally {
      gateway.close();
      deleteAll(data);
    }
  }

  /** Runs {@code test} on a gateway started with {@code config}, checking it answered no 5xx. */
  static void with(io.scimgateway.gateway.config.GatewayConfig config,
      java.util.function.Consumer<ScimSession> test) {
    try (TestGateway gateway = TestGateway.start(config, TestGateway.TOKEN)) {
      ScimSession scim = ScimSession.of(gateway);
      try {
        test.accept(scim);
      } finally {
        scim.assertNoServerErrors();
      }
    }
  }

  TestGateway gateway() {
    return gateway;
  }

  ScimSession session() {
    return session;
  }

  private static void deleteAll(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
