package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runnable jar as a user meets it: serving, and stopping on SIGTERM. (Its first start without a
 * token is in {@link CommandLineTest}, its start script in {@link StartScriptTest}.)
 */
@Needs(Capability.EMBEDDED_STORE)
class ProcessLifecycleTest {

  private static final Duration START = Duration.ofSeconds(60);
  private static final String TOKEN = "process-test-token-abcdefghijklmnop";

  @TempDir
  Path data;

  @Test
  void helpPrintsTheFlags() throws Exception {
    try (GatewayProcess gateway = GatewayProcess.start(null, "--help")) {
      assertEquals(0, gateway.awaitExit(START));
      for (String flag : new String[] {"--port", "--bind", "--data", "--config"}) {
        assertTrue(gateway.output().contains(flag), gateway.output());
      }
    }
  }

  @Test
  void sigtermStopsCleanlyAndTheDataSurvives() throws Exception {
    String id;
    try (GatewayProcess gateway = GatewayProcess.start(TOKEN, "--port", "0", "--data", data.toString())) {
      URI base = gateway.awaitServing(START);
      ScimClient scim = new ScimClient(base, TOKEN);
      ScimResponse created = scim.post("/Users", UserLifecycleTest.user("sigterm@example.com"));
      assertEquals(201, created.status(), created::toString);
      id = created.text("id");
      int exit = gateway.terminate(Duration.ofSeconds(40));
      // 143 is the JVM's exit status after SIGTERM (128 + 15) once its shutdown hooks have run.
      assertTrue(Set.of(0, 143).contains(exit), "exit " + exit + "\n" + gateway.output());
      assertTrue(gateway.output().contains("scim-gateway: stopped"), gateway.output());
      // Log lines are written off the request threads; a graceful stop writes the last of them.
      assertTrue(gateway.output().replace("\\/", "/").contains(
          "{\"method\":\"POST\"},{\"path\":\"/scim/v2/Users\"},{\"status\":\"201\"}"),
          gateway.output()); // the access line's fields; JSON lines escape '/'
    }
    try (GatewayProcess again = GatewayProcess.start(TOKEN, "--port", "0", "--data", data.toString())) {
      ScimClient scim = new ScimClient(again.awaitServing(START), TOKEN);
      ScimResponse read = scim.get("/Users/" + id);
      assertEquals(200, read.status(), read::toString);
      assertEquals("sigterm@example.com", read.text("userName"));
    }
  }

  /**
   * A debugger (or any agent) set in {@code JAVA_TOOL_OPTIONS}, as operators attach one: the jar
   * serves in the JVM that loaded it, rather than loading it a second time in a child JVM, where the
   * JVM refuses a second debugger and stops. So does the start script, which asks a JVM without the
   * agent for its settings (with it, the agent's "Listening" line was taken for an option).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anAgentInJavaToolOptionsIsLoadedOnce(boolean startScript) throws Exception {
    Map<String, String> environment = Map.of("SCIM_GATEWAY_TOKEN", TOKEN, "JAVA_TOOL_OPTIONS",
        "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0");
    String[] args = {"--port", "0", "--data", data.toString()};
    try (GatewayProcess gateway = startScript ? GatewayProcess.startAsReadmeSays(environment, args)
        : GatewayProcess.launch(List.of(), environment, args)) {
      ScimClient scim = new ScimClient(gateway.awaitServing(START), TOKEN);
      assertEquals(200, scim.get("/ServiceProviderConfig").status(), gateway::output);
      assertEquals(0, gateway.handle().descendants().count(), gateway::output);
    }
  }
}
