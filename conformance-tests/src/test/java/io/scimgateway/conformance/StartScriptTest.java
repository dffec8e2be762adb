package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start script README runs ({@code gateway/target/scim-gateway}): the gateway in one JVM with the
 * settings {@code java -jar} gives its child JVM, the user's own heap limit or collector instead when
 * set, and every other command passed to the jar with its arguments as given.
 */
@Needs(Capability.EMBEDDED_STORE)
class StartScriptTest {

  private static final Duration START = Duration.ofSeconds(60);
  private static final String TOKEN = "start-script-token-abcdefghijklmnop";

  @TempDir
  Path data;

  @Test
  void servesInOneJvmWithTheSmallFootprintSettings() throws Exception {
    try (GatewayProcess gateway = GatewayProcess.startAsReadmeSays(Map.of("SCIM_GATEWAY_TOKEN", TOKEN),
        "--port", "0", "--data", data.toString())) {
      ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
      assertEquals(201, scim.post("/Users", UserLifecycleTest.user("script@example.com")).status(),
          gateway::output);
      List<String> arguments = jvmArguments(gateway);
      assertTrue(arguments.containsAll(List.of("-Xmx160m", "-Xmn20m", "-XX:+UseSerialGC")),
          arguments::toString);
      assertEquals(0, gateway.handle().descendants().count(), "the script's JVM serves itself");
      assertTrue(environment(gateway).contains("MALLOC_ARENA_MAX=2"));
      int exit = gateway.terminate(Duration.ofSeconds(40));
      assertTrue(Set.of(0, 143).contains(exit), "exit " + exit + "\n" + gateway.output());
      assertTrue(gateway.output().contains("scim-gateway: stopped"), gateway.output());
    }
  }

  @Test
  void aHeapLimitInJavaOptsReplacesTheSettings() throws Exception {
    try (GatewayProcess gateway = GatewayProcess.startAsReadmeSays(Map.of("SCIM_GATEWAY_TOKEN", TOKEN,
        "JAVA_OPTS", "-Xmx192m -Dscript.test=1"), "--port", "0", "--data", data.toString())) {
      ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
      assertEquals(200, scim.get("/ServiceProviderConfig").status(), gateway::output);
      List<String> arguments = jvmArguments(gateway);
      assertTrue(arguments.containsAll(List.of("-Xmx192m", "-Dscript.test=1")), arguments::toString);
      assertFalse(arguments.contains("-Xmx160m"), arguments::toString);
      assertEquals(0, gateway.handle().descendants().count());
    }
  }

  /** With the settings' {@code -XX:+UseSerialGC} beside it, the JVM would refuse to start. */
  @Test
  void aCollectorInJavaOptsIsKept() throws Exception {
    try (GatewayProcess gateway = GatewayProcess.startAsReadmeSays(Map.of("SCIM_GATEWAY_TOKEN", TOKEN,
        "JAVA_OPTS", "-XX:+UseParallelGC"), "--port", "0", "--data", data.toString())) {
      ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
      assertEquals(200, scim.get("/ServiceProviderConfig").status(), gateway::output);
      assertFalse(jvmArguments(gateway).contains("-XX:+UseSerialGC"), gateway::output);
    }
  }

  /** Also through a link to the script, as from a directory on the PATH. */
  @Test
  void otherCommandsReachTheJarWithTheirArgumentsIntact() throws Exception {
    Path spaced = Files.createDirectories(data.resolve("data with spaces"));
    Path bin = Files.createDirectories(data.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("scim-gateway"),
        bin.relativize(GatewayProcess.startScript(GatewayProcess.jar())));
    try (GatewayProcess command = GatewayProcess.runScript(link, Map.of(), "token", "create", "--name",
        "script-made", "--data", spaced.toString())) {
      assertEquals(0, command.awaitExit(START), command::output);
    }
    try (GatewayProcess command = GatewayProcess.startAsReadmeSays(Map.of(), "token", "list",
        "--data", spaced.toString())) {
      assertEquals(0, command.awaitExit(START), command::output);
      assertTrue(command.output().contains("script-made"), command::output);
    }
    assertTrue(Files.exists(spaced.resolve("tokens.json")));
  }

  private static List<String> jvmArguments(GatewayProcess gateway) {
    return gateway.handle().info().arguments().map(List::of).orElseThrow();
  }

  private static String environment(GatewayProcess gateway) throws Exception {
    byte[] environ = Files.readAllBytes(Path.of("/proc", String.valueOf(gateway.handle().pid()),
        "environ"));
    return new String(environ, StandardCharsets.UTF_8).replace('\0', '\n');
  }
}
