package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar's commands, run as an operator runs them: output, exit codes, effects. The processes
 * start with no configuration, so over the embedded store whatever the suite's backend: they run once,
 * in the embedded store's run, and are reported as disabled over the others.
 */
@Needs(Capability.EMBEDDED_STORE)
class CommandLineTest {

  private static final Duration START = Duration.ofSeconds(60);
  private static final Pattern TOKEN = Pattern.compile("(sgw_[A-Za-z0-9_-]{43})");

  @TempDir
  Path data;

  @Test
  void firstStartWithoutTokenMakesOnePrintsItOnceAndKeepsOnlyItsHash() throws Exception {
    String token;
    try (GatewayProcess gateway = GatewayProcess.start(null, "--port", "0", "--data", data.toString())) {
      URI base = gateway.awaitServing(START);
      Matcher printed = TOKEN.matcher(gateway.output());
      assertTrue(printed.find(), gateway.output());
      token = printed.group(1);
      assertEquals(200, new ScimClient(base, token).get("/Users").status());
    }
    Path store = data.resolve("tokens.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
    assertFalse(Files.readString(store).contains(token), "the store keeps hashes only");
    try (GatewayProcess again = GatewayProcess.start(null, "--port", "0", "--data", data.toString())) {
      URI base = again.awaitServing(START);
      assertFalse(TOKEN.matcher(again.output()).find(), again.output());
      assertEquals(200, new ScimClient(base, token).get("/Users").status());
    }
  }

  @Test
  void tokensMadeListedAndRevokedWhileTheGatewayRuns() throws Exception {
    String readOnly = run(0, "token", "create", "--name", "okta-prod", "--scopes", "read",
        "--expires", "90d", "--data", data.toString());
    Matcher made = TOKEN.matcher(readOnly);
    assertTrue(made.find(), readOnly);
    String token = made.group(1);
    try (GatewayProcess gateway = GatewayProcess.start("configured-token-0123456789abcdefghij",
        "--port", "0", "--data", data.toString())) {
      ScimClient scim = new ScimClient(gateway.awaitServing(START), token);
      assertEquals(200, scim.get("/Users").status());
      assertEquals(403, scim.post("/Users", UserLifecycleTest.user("ro@example.com")).status());
      String writer = run(0, "token", "create", "--name", "hr-sync", "--data", data.toString());
      Matcher second = TOKEN.matcher(writer);
      assertTrue(second.find(), writer);
      ScimClient hr = new ScimClient(scim.base(), second.group(1));
      awaitStatus(hr, 201, () -> hr.post("/Users", UserLifecycleTest.user("hr@example.com")).status());
      String list = run(0, "token", "list", "--data", data.toString());
      assertTrue(list.contains("okta-prod") && list.contains("hr-sync") && list.contains("read"), list);
      assertFalse(list.contains(token), list);
      run(0, "token", "revoke", "okta-prod", "--data", data.toString());
      awaitStatus(scim, 401, () -> scim.get("/Users").status());
      run(1, "token", "revoke", "okta-prod", "--data", data.toString());
    }
  }

  @Test
  void configCheckListsEveryProblemWithLineAndColumn() throws Exception {
    Path file = data.resolve("gateway.yaml");
    Files.writeString(file, "server:\n  port: eighty\n  bnd: 0.0.0.0\nlimts: {}\nauth:\n  tokens: 5\n");
    String report = run(1, "config", "check", file.toString());
    assertTrue(report.contains("4 problems"), report);
    assertTrue(report.contains("line 2, column 3: server.port"), report);
    assertTrue(report.contains("line 3, column 3: unknown key \"server.bnd\""), report);
    assertTrue(report.contains("line 4, column 1: unknown key \"limts\""), report);
    assertTrue(report.contains("line 6, column 3: auth.tokens"), report);

    Files.writeString(file, "server:\n  bind: 0.0.0.0\n  port: 9443\n");
    String plan = run(0, "config", "check", file.toString(), "--data", data.toString());
    assertTrue(plan.contains("http://0.0.0.0:9443/scim/v2"), plan);
    assertTrue(plan.contains("backend:  sqlite"), plan);
    assertTrue(plan.contains("first start makes a token"), plan);
  }

  @Test
  void backendCheckReadsAndSaysWhatTheBackendSupports() throws Exception {
    String report = run(0, "backend", "check", "--data", data.toString());
    assertTrue(report.contains("ok     backend: read one page of users"), report);
    assertTrue(report.contains("ok     database: open and writable"), report);
    assertTrue(report.contains("passwords (reset"), report);
  }

  @Test
  void everyCommandHasHelpAndMistakesAreUsageErrors() throws Exception {
    for (String[] command : new String[][] {{"serve"}, {"token", "create"}, {"token", "list"},
        {"token", "revoke"}, {"config", "check"}, {"backend", "check"}}) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      assertTrue(run(0, args).contains("Usage:"), String.join(" ", command));
    }
    assertTrue(run(2, "token", "create", "--name", "x", "--scopes", "admin", "--data",
        data.toString()).contains("\"admin\" is not a scope"));
    assertTrue(run(2, "no-such-command").contains("no-such-command"));
  }

  private static String run(int expectedExit, String... args) throws Exception {
    try (GatewayProcess command = GatewayProcess.start(null, args)) {
      int exit = command.awaitExit(START);
      assertEquals(expectedExit, exit, command.output());
      return command.output();
    }
  }

  private static void awaitStatus(ScimClient scim, int status, java.util.function.IntSupplier call)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int last = call.getAsInt();
    while (last != status && System.nanoTime() < deadline) {
      Thread.sleep(200);
      last = call.getAsInt();
    }
    assertEquals(status, last);
  }
}
