package io.scimgateway.conformance;

import io.scimgateway.gateway.config.GatewayConfig;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The gateway for each test: the {@link SharedGateway} over the suite's backend, with no users or
 * groups at the start of the test (only what the backend itself holds), and a session of its own,
 * checked after the test to have received no 5xx. Register it with
 * {@code @RegisterExtension final RunningGateway running = new RunningGateway();}, or with
 * {@link #withQueryFixtures()} for a gateway that holds the {@link QueryFixtures} and nothing else. A
 * test that needs another configuration runs on a gateway of its own with {@link #with}.
 */
final class RunningGateway implements BeforeEachCallback, AfterEachCallback {

  private final boolean withFixtures;
  private SharedGateway shared;
  private ScimSession session;
  private QueryFixtures fixtures;

  RunningGateway() {
    this(false);
  }

  private RunningGateway(boolean withFixtures) {
    this.withFixtures = withFixtures;
  }

  /** The shared gateway holding the query fixtures at the start of each test. */
  static RunningGateway withQueryFixtures() {
    return new RunningGateway(true);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    shared = SharedGateway.instance();
    session = ScimSession.of(shared.gateway());
    if (withFixtures) {
      fixtures = shared.queryFixtures(session);
    } else {
      shared.dropQueryFixtures();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      session.assertNoServerErrors();
    } finally {
      shared.reset();
    }
  }

  /** Runs {@code test} on a gateway started with {@code config}, checking it answered no 5xx. */
  static void with(GatewayConfig config, Consumer<ScimSession> test) {
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
    return shared.gateway();
  }

  ScimSession session() {
    return session;
  }

  /** The query fixtures, for a gateway registered {@link #withQueryFixtures()}. */
  QueryFixtures fixtures() {
    if (fixtures == null) {
      throw new IllegalStateException("register RunningGateway.withQueryFixtures() for fixtures");
    }
    return fixtures;
  }
}
