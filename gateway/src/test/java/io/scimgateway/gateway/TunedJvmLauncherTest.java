package io.scimgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which commands start again in a tuned JVM, and when the user's own choice keeps them in theirs. */
class TunedJvmLauncherTest {

  private static final String[] SERVE = {"serve", "--data", "/tmp/d"};
  private static final List<String> SERVING = TunedJvmLauncher.servingOptions(Runtime.version());
  private static final String[] DELTA_SYNC = {"sync", "--from", "b.csv", "--mapping", "m.yaml",
      "--previous", "a.csv"};

  @Test
  void servingGetsTheSmallFootprintAndADeltaSyncTheQuickJitTier() {
    assertEquals(Optional.of(SERVING), options(SERVE));
    assertEquals(Optional.of(SERVING), options(new String[] {"--port", "8080"}));
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
  void theUsersOwnHeapCollectorJitOrAgentKeepsTheCommandInTheirJvm() {
    assertEquals(Optional.empty(), options(SERVE, "-Xmx512m"));
    assertEquals(Optional.empty(), options(DELTA_SYNC, "-Xmx2g"));
    assertEquals(Optional.empty(), options(DELTA_SYNC, "-XX:TieredStopAtLevel=4"));
    assertEquals(Optional.empty(), options(DELTA_SYNC, "-XX:-TieredCompilation"));
    assertEquals(Optional.empty(), options(SERVE, "-agentpath:/opt/profiler.so"));
    assertEquals(Optional.empty(), options(SERVE, "-XX:+UseG1GC"), "beside -XX:+UseSerialGC: no start");
    assertEquals(Optional.empty(), options(SERVE, "-XX:+UseZGC"));
    assertEquals(Optional.of(SERVING), options(SERVE, "-XX:+UseStringDeduplication"));
    assertEquals(Optional.of(SERVING), options(SERVE, "-XX:TieredStopAtLevel=1"),
        "a JIT choice is the user's for a sync; serving keeps its heap settings beside it");
  }

  @Test
  void theNativeHeapIsTrimmedOnlyByJvmsThatKnowTheOption() {
    for (String known : List.of("17.0.9", "17.0.15+6", "21.0.1", "22", "25.0.1")) {
      assertTrue(TunedJvmLauncher.servingOptions(Runtime.Version.parse(known))
          .contains(TunedJvmLauncher.NATIVE_HEAP_TRIM), known);
    }
    for (String unknown : List.of("17", "17.0.8", "18.0.2", "20.0.2", "21")) {
      assertEquals(TunedJvmLauncher.OPTIONS,
          TunedJvmLauncher.servingOptions(Runtime.Version.parse(unknown)), unknown);
    }
  }

  private static Optional<List<String>> options(String[] args, String... jvmArguments) {
    return TunedJvmLauncher.optionsFor(args, List.of(jvmArguments));
  }
}
