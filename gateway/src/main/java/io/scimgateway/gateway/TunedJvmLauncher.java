package io.scimgateway.gateway;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Gives {@code java -jar scim-gateway.jar} the JVM settings the gateway is measured with, without the
 * user having to know them, by starting itself once more as a child process with those settings and
 * the same arguments, and forwarding its exit status; the first JVM only waits (about 45 MB). A stop
 * signal to the first JVM stops the child gracefully, and the child stops if the first JVM is killed.
 * The start script beside the jar saves that JVM: it asks {@link LaunchOptions} for the same settings
 * and starts the gateway's one JVM with them.
 *
 * <ul>
 *   <li>{@code serve}: {@link #servingOptions}. The JVM's own defaults size the heap at a quarter
 *       of the machine's memory and let it grow long before collecting; on a large machine the
 *       gateway then holds several times the memory it needs.
 *   <li>{@code sync --previous}: {@link #DELTA_SYNC_OPTIONS}, the quick JIT tier only. Such a run
 *       plans a day's changes in a few seconds, too short for the optimising compiler to earn back
 *       the core it takes on a small machine. A run that compares everything keeps the defaults.
 * </ul>
 *
 * <p>Any {@code -Xmx} (or {@code -XX:MaxRAM...}) on the command line or in {@code JAVA_TOOL_OPTIONS}
 * means the user chose, and so does a collector ({@code -XX:+UseG1GC} and the like: beside
 * {@code -XX:+UseSerialGC} the JVM would refuse to start) and a choice of JIT for a sync: the command
 * then runs in the JVM as started. So does an agent ({@code -javaagent}, {@code -agentlib}, {@code -agentpath}: a debugger,
 * a profiler, a tracing agent): the first JVM has loaded it already, and a second copy in a child
 * would run it twice (a debugger's second copy finds its port taken).
 */
final class TunedJvmLauncher {

  /**
   * Measured on 2 cores with 100,000 users (README, "Benchmark"): a bounded heap, the serial collector
   * (no concurrent GC threads or remembered sets), smaller thread stacks, and caps on the native areas
   * that otherwise grow with classes loaded, code compiled and NIO buffers. The young generation is
   * set at 20 MB: left to a third of the small heap (13 MB), it filled 60 times a second under
   * lookups (each allocates about 90 KB), and the pauses, 1 ms each, made up the slowest lookups.
   */
  static final List<String> OPTIONS = List.of("-Xms32m", "-Xmx160m", "-Xmn20m", "-XX:+UseSerialGC",
      "-Xss512k", "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=64m",
      "-XX:MaxDirectMemorySize=32m");

  /**
   * Hands memory the C heap has freed back to the system every second. SQLite, the JIT compilers
   * and the NIO buffers free memory that the C library otherwise keeps: 38 MB of a 200 MB gateway
   * after a 100,000-user run, which pays for the larger young generation. The option exists from
   * JDK 17.0.9, 21.0.1 and 22 on; a JVM that does not know it would refuse to start, so older ones
   * run without.
   */
  static final String NATIVE_HEAP_TRIM = "-XX:TrimNativeHeapInterval=1000";

  /**
   * Measured with 100,000 rows, 1% changed (README, "Nightly runs with --previous"): the quick tier
   * alone halves the run's CPU. Over a full run's 100,000 creates it would be 40% slower.
   */
  static final List<String> DELTA_SYNC_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

  /** Set in the child's environment: it runs the gateway itself, and stops when its parent is gone. */
  static final String CHILD_MARK = "SCIM_GATEWAY_LAUNCHED";

  private TunedJvmLauncher() {
  }

  /**
   * Runs the command in a child JVM with its settings when it has some and the user chose none;
   * returns the child's exit status, or empty when the command should run in this JVM.
   */
  static OptionalInt relaunch(String[] args) {
    if (System.getenv(CHILD_MARK) != null) {
      stopWithParent();
      return OptionalInt.empty();
    }
    if (!serves(args) && !syncsADelta(args)) {
      return OptionalInt.empty(); // the other commands are short: no management beans loaded for them
    }
    List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Optional<List<String>> options = optionsFor(args, jvmArguments);
    if (options.isEmpty()) {
      return OptionalInt.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options.get());
    command.addAll(jvmArguments);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put(CHILD_MARK, "1");
    // Their options are among the arguments copied above; read again, each would count twice.
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    // glibc gives each thread that allocates its own 64 MB malloc arena; two are plenty here. The
    // start script sets the same.
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    try {
      Process child = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "scim-gateway-child-stop"));
      return OptionalInt.of(child.waitFor());
    } catch (IOException e) {
      System.err.println("scim-gateway: cannot start a tuned JVM (" + e.getMessage()
          + "); running in this one with the JVM's default settings");
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(1);
    }
  }

  /**
   * The settings a child JVM gets for this command, or empty when it runs in this JVM: the command
   * has none (token, config and backend commands are short-lived), or the user chose their own.
   */
  static Optional<List<String>> optionsFor(String[] args, List<String> jvmArguments) {
    if (jvmArguments.stream().anyMatch(argument -> limitsMemory(argument) || choosesCollector(argument)
        || loadsAgent(argument))) {
      return Optional.empty();
    }
    if (serves(args)) {
      return Optional.of(servingOptions(Runtime.version()));
    }
    if (syncsADelta(args) && jvmArguments.stream().noneMatch(TunedJvmLauncher::choosesJit)) {
      return Optional.of(DELTA_SYNC_OPTIONS);
    }
    return Optional.empty();
  }

  /** {@link #OPTIONS}, and {@link #NATIVE_HEAP_TRIM} where {@code version} has it. */
  static List<String> servingOptions(Runtime.Version version) {
    boolean trims = version.feature() >= 22 || (version.feature() == 21 && version.update() >= 1)
        || (version.feature() == 17 && version.update() >= 9);
    if (!trims) {
      return OPTIONS;
    }
    List<String> options = new ArrayList<>(OPTIONS);
    options.add(NATIVE_HEAP_TRIM);
    return List.copyOf(options);
  }

  /** {@code serve} is the default command: no command, or flags only, serves too. */
  private static boolean serves(String[] args) {
    return args.length == 0 || args[0].equals("serve") || args[0].startsWith("-");
  }

  private static boolean syncsADelta(String[] args) {
    return args.length > 0 && args[0].equals("sync") && Arrays.stream(args)
        .anyMatch(argument -> argument.equals("--previous") || argument.startsWith("--previous="));
  }

  private static boolean choosesJit(String jvmArgument) {
    return jvmArgument.startsWith("-XX:TieredStopAtLevel") || jvmArgument.contains("TieredCompilation")
        || jvmArgument.equals("-Xint") || jvmArgument.equals("-Xcomp");
  }

  private static boolean limitsMemory(String jvmArgument) {
    return jvmArgument.startsWith("-Xmx") || jvmArgument.startsWith("-XX:MaxHeapSize")
        || jvmArgument.startsWith("-XX:MaxRAM");
  }

  private static boolean choosesCollector(String jvmArgument) {
    return jvmArgument.startsWith("-XX:+Use") && jvmArgument.endsWith("GC");
  }

  private static boolean loadsAgent(String jvmArgument) {
    return jvmArgument.startsWith("-javaagent:") || jvmArgument.startsWith("-agentlib:")
        || jvmArgument.startsWith("-agentpath:");
  }

  /** SIGTERM to the child, and its graceful stop (it finishes requests in flight) awaited. */
  private static void stop(Process child) {
    child.destroy();
    try {
      child.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A child whose parent was killed (so could not stop it) stops at once, as the parent did. */
  private static void stopWithParent() {
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
        .thenRun(() -> Runtime.getRuntime().halt(137)));
  }
}
