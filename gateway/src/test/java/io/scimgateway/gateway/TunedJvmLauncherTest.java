package io.scimgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which commands start again in a tuned JVM, and when the user's own choice keeps them in theirs. */
class TunedJvmLauncherTest {

  private static final String[] SERVE = {"serve", "--data", "/tmp/d"};
  private static final String[] DELTA_SYNC = {"sync", "--from", "b.csv", "--mapping", "m.yaml",
      "--previous", "a.csv"};

  @Test
  void servingGetsTheSmallFootprintAndADeltaSyncTheQuickJitTier() {
    assertEquals(Optional.of(TunedJvmLauncher.OPTIONS), options(SERVE));
    assertEquals(Optional.of(TunedJvmLauncher.OPTIONS), options(new String[] {"--port", "8080"}));
    assertEquals(Optional.of(TunedJvmLauncher.DELTA_SYNC_OPTIONS), options(DELTA_SYNC));
    assertEquals(Optional.of(TunedJvmLauncher.DELTA_SYNC_OPTIONS),
        options(new String[] {"sync", "--previous=a.csv", "--from", "b.csv"}));
  }

  @Test
  void otherCommandsAndAFullSyncRunAsStarted() {
    assertEquals(Optional.empty(), options(new String[] {"sync", "--from", "b.csv", "--mapping", "m"}));
    assertEquals(Optional.empty(), options(new String[] {"token", "create", "--previous"}));
    assertEquals(Optional.empty(), options(new String[] {"config", "check"}));
  }

  @Test
  void theUsersOwnHeapJitOrAgentKeepsTheCommandInTheirJvm() {
    assertEquals(Optional.empty(), options(SERVE, "-Xmx512m"));
    assertEquals(Optional.empty(), options(DELTA_SYNC, "-Xmx2g"));
    assertEquals(Optional.empty(), options(DELTA_SYNC, "-XX:TieredStopAtLevel=4"));
    assertEquals(Optional.empty(), options(DELTA_SYNC, "-XX:-TieredCompilation"));
    assertEquals(Optional.empty(), options(SERVE, "-agentpath:/opt/profiler.so"));
    assertEquals(Optional.of(TunedJvmLauncher.OPTIONS), options(SERVE, "-XX:TieredStopAtLevel=1"),
        "a JIT choice is the user's for a sync; serving keeps its heap settings beside it");
  }

  private static Optional<List<String>> options(String[] args, String... jvmArguments) {
    return TunedJvmLauncher.optionsFor(args, List.of(jvmArguments));
  }
}
