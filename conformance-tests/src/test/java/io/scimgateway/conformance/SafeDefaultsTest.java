package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.minimalUser;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import io.scimgateway.gateway.GatewayServer;
import io.scimgateway.gateway.config.GatewayConfig;
import io.scimgateway.gateway.delivery.FileResetSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * What the gateway does unasked is safe: guessable static tokens are refused at start, its database
 * and local state files are readable by their owner only, and reset tokens go to an owner-only file,
 * never to the general log.
 */
class SafeDefaultsTest {

  private static final String PASSWORD =
      "urn:scimgateway:params:scim:schemas:extension:password:1.0:User";

  @TempDir
  Path data;

  @Test
  void shortAndPrintedStaticTokensAreRefusedWithAdvice() {
    GatewayConfig config = TestGateway.config(data, ScimJson.object().put("type", "sqlite"));
    for (String token : new String[] {"short-token", "change-me-to-a-long-random-token"}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> GatewayServer.start(config, token).close());
      assertTrue(refused.getMessage().contains("openssl rand"), refused.getMessage());
    }
    GatewayConfig printedHash = config.withAuth(new GatewayConfig.Auth(List.of(
        "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"), null));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> GatewayServer.start(printedHash, null).close());
    assertTrue(refused.getMessage().contains("README"), refused.getMessage());
  }

  @Test
  void databaseFilesAndResetTokensAreTheOwnersOnly() throws IOException {
    GatewayConfig config = TestGateway.config(data, ScimJson.object().put("type", "sqlite"))
        .withPasswordReset(new GatewayConfig.PasswordReset(null, null));
    List<ILoggingEvent> logged = new CopyOnWriteArrayList<>();
    ListAppender<ILoggingEvent> capture = capture(logged);
    try {
      RunningGateway.with(config, scim -> {
        String id = scim.post("/Users", minimalUser("reset@example.com")).json().path("id").asText();
        assertEquals(200, scim.patch("/Users/" + id, patch(op("add", PASSWORD + ":resetPassword",
            BooleanNode.TRUE))).status());
      });
    } finally {
      root().detachAppender(capture);
      capture.stop();
    }
    Path resets = data.resolve(FileResetSink.FILE_NAME);
    String line = Files.readString(resets);
    assertTrue(line.contains("token "), line);
    String token = line.replaceAll("(?s).*token (\\S+),.*", "$1");
    // The capture must have seen the gateway's own lines (the access line of the reset PATCH),
    // or finding no token in it would prove nothing.
    assertTrue(logged.stream().anyMatch(e -> e.getLoggerName().startsWith("io.scimgateway")
        && rendered(e).contains("PATCH")), "no gateway line was captured");
    assertFalse(logged.stream().anyMatch(e -> rendered(e).contains(token)),
        "the reset token is in the log");
    assertOwnerOnly(resets);
    assertOwnerOnlyDatabaseFiles();
  }

  @Test
  void localStateOfARemoteBackendIsTheOwnersOnly() throws IOException {
    try (AppwriteEmulator emulator = new AppwriteEmulator("safe", "safe-key").start()) {
      GatewayConfig config = TestGateway.config(data, AppwritePlatform.section(emulator, data));
      RunningGateway.with(config, scim ->
          assertEquals(201, scim.post("/Users", minimalUser("local@example.com")).status()));
    }
    assertOwnerOnlyDatabaseFiles();
  }

  private void assertOwnerOnlyDatabaseFiles() throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      List<Path> databases = files.filter(f -> f.getFileName().toString().contains(".db")).toList();
      assertFalse(databases.isEmpty(), "no database file in " + data);
      for (Path file : databases) {
        assertOwnerOnly(file);
      }
    }
  }

  private static void assertOwnerOnly(Path file) throws IOException {
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
        file.toString());
  }

  /** Records every event that reaches Logback's root logger, as the gateway's appenders get it. */
  /** An event's message and its key-value pairs (the access line's fields), as a line shows them. */
  private static String rendered(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
    return event.getFormattedMessage() + pairs.stream().map(pair -> " " + pair.key + "=" + pair.value)
        .collect(Collectors.joining());
  }

  private static ListAppender<ILoggingEvent> capture(List<ILoggingEvent> logged) {
    ListAppender<ILoggingEvent> capture = new ListAppender<>();
    capture.list = logged;
    capture.setContext(root().getLoggerContext());
    capture.start();
    root().addAppender(capture);
    return capture;
  }

  private static ch.qos.logback.classic.Logger root() {
    return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
