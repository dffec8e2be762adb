package io.scimgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the start script starts its one JVM with: the launcher's settings, unless the user chose. */
class LaunchOptionsTest {

  private static final String[] SERVE = {"--data", "/tmp/d", "--port", "8080"};
  private static final List<String> SERVING = TunedJvmLauncher.servingOptions(Runtime.version());

  @Test
  void servingAndADeltaSyncGetTheLaunchersSettings() {
    assertEquals(SERVING, LaunchOptions.forCommand(SERVE, null));
    assertEquals(SERVING, LaunchOptions.forCommand(new String[0], "   "));
    assertEquals(TunedJvmLauncher.DELTA_SYNC_OPTIONS, LaunchOptions.forCommand(
        new String[] {"sync", "--from", "b.csv", "--previous", "a.csv"}, null));
    assertEquals(List.of(), LaunchOptions.forCommand(new String[] {"token", "list"}, null));
  }

  @Test
  void aHeapLimitOrAnAgentAmongTheUsersOptionsIsTheirChoice() {
    assertEquals(List.of(), LaunchOptions.forCommand(SERVE, " -Dx=1  -Xmx1g "));
    assertEquals(List.of(), LaunchOptions.forCommand(SERVE, "-javaagent:/opt/otel.jar  "));
    assertEquals(List.of(), LaunchOptions.forCommand(SERVE, "-XX:MaxRAM=1g"));
    assertEquals(SERVING, LaunchOptions.forCommand(SERVE, "-Dlogback.configurationFile=l.xml"),
        "other options keep the settings; the script puts them after, so theirs win where both set one");
  }
}
