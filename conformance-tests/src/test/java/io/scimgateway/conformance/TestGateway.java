package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.GatewayServer;
import io.scimgateway.gateway.config.GatewayConfig;
import java.nio.file.Path;

/**
 * The gateway started for a test exactly as {@code java -jar} starts it: from a configuration, on a free
 * loopback port, over a real SQLite file in {@code dataDirectory} (or, with
 * {@code -Dconformance.backend=appwrite}, over an Appwrite emulator and local state in that directory).
 */
final class TestGateway implements AutoCloseable {

  static final String TOKEN = "conformance-test-token-0123456789";

  private final GatewayServer server;
  private final GatewayConfig config;

  private TestGateway(GatewayServer server, GatewayConfig config) {
    this.server = server;
    this.config = config;
  }

  static TestGateway start(Path dataDirectory) {
    return start(config(dataDirectory), TOKEN);
  }

  static TestGateway start(GatewayConfig config, String plainToken) {
    try {
      return new TestGateway(GatewayServer.start(config, plainToken), config);
    } catch (RuntimeException e) {
      ConformanceBackend.release(config.backend());
      throw e;
    }
  }

  /**
   * The default configuration on port 0 with data in {@code dataDirectory}, over the suite's backend
   * ({@link ConformanceBackend}).
   */
  static GatewayConfig config(Path dataDirectory) {
    return config(dataDirectory, ConformanceBackend.section(dataDirectory));
  }

  /**
   * The default configuration on port 0 with data in {@code dataDirectory}, over {@code backend}, with
   * reset tokens at their logger, where {@link ResetLog} reads them.
   */
  static GatewayConfig config(Path dataDirectory, ObjectNode backend) {
    return GatewayConfig.defaults()
        .withServer(new GatewayConfig.Server("127.0.0.1", 0, "/scim/v2"))
        .withData(dataDirectory)
        .withBackend(backend)
        .withPasswordReset(new GatewayConfig.PasswordReset("log", null));
  }

  ScimClient client() {
    return new ScimClient(server.baseUri(), TOKEN);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      ConformanceBackend.release(config.backend());
    }
  }
}
