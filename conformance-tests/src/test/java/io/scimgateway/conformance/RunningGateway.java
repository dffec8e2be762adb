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
 * {@code @RegisterExtension final RunningGateway running = new RunningGateway();}. A test that needs
 * another configuration runs on a gateway of its own with {@link #with}.
 */
final class RunningGateway implements BeforeEachCallback, AfterEachCallback {

  private SharedGateway shared;
  private ScimSession session;

  @Override
  public void beforeEach(ExtensionContext context) {
    shared = SharedGateway.of(context);
    session = ScimSession.of(shared.gateway());
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
}
