package io.scimgateway.conformance;

import io.scimgateway.conformance.HrExport.Employee;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scim-gateway sync} at HR volume, run as a user runs it: a 100,000-row export into an empty
 * embedded store, then the next day's export with 1% changed (500 movers, 250 leavers, 250 joiners),
 * then the day after's, 1% changed again, with {@code --previous} naming the next day's export.
 * Each target in turn, on a directory of its own:
 *
 * <ul>
 *   <li>{@code in-process}: {@code sync --data DIR}, the command writing the embedded store itself;
 *   <li>{@code url}: the gateway started with {@code scim-gateway --data DIR} (the start script) and
 *       {@code sync --url} as a second process, writing it through {@code /Bulk}.
 * </ul>
 *
 * Prints both times (as the command reports them and as the whole process took), the goals (< 30 s
 * and < 5 s) and the machine's load; a benchmark, not a timed test. Size with {@code
 * -Dbenchmark.syncRows=100000}; {@code -Dbenchmark.syncTarget=in-process} or {@code url} runs one.
 */
@Tag("benchmark")
class SyncBenchmark {

  @TempDir
  Path work;

  private final List<String> table = new ArrayList<>();

  @Test
  void syncAFullExportThenOnePercentChanged() throws Exception {
    int rows = Integer.getInteger("benchmark.syncRows", 100_000);
    String targets = System.getProperty("benchmark.syncTarget", "in-process,url");
    List<Employee> today = HrExport.employees(0, rows);
    int changed = rows / 100;
    List<Employee> tomorrow = HrExport.nextDay(today, changed / 2, changed / 4, changed / 4);
    Path mapping = HrExport.write(work.resolve("mapping.yaml"), HrExport.MAPPING);
    Path first = HrExport.writeCsv(work.resolve("today.csv"), today);
    Path second = HrExport.writeCsv(work.resolve("tomorrow.csv"), tomorrow);
    Path third = HrExport.writeCsv(work.resolve("day-after.csv"),
        HrExport.nextDay(tomorrow, changed / 2, changed / 4, changed / 4));
    for (String target : targets.split(",")) {
      Path data = work.resolve("data-" + target);
      // Both the sync and the gateway it writes to start as README says, as users run them.
      try (SyncDirectory directory = (target.equals("url") ? SyncDirectory.byUrlToProcess(data, true)
          : SyncDirectory.inProcess(data)).asUsersRunIt()) {
        String mode = target.equals("url") ? "by URL to a gateway process (/Bulk)" : "in-process";
        time(directory, first, mapping, String.format(Locale.ROOT, "%,d rows into an empty "
            + "directory, %s", rows, mode), 30);
        time(directory, second, mapping, String.format(Locale.ROOT, "1%% changed (%,d movers, %,d "
            + "leavers, %,d joiners), %s", changed / 2, changed / 4, changed / 4, mode), 5);
        time(directory, third, mapping, String.format(Locale.ROOT, "1%% changed again, with "
            + "--previous (the day before's export), %s", mode), 5, "--previous", second.toString());
      }
    }
    System.out.printf("%n==== sync benchmark (%d cores shared with other work) ====%n",
        Runtime.getRuntime().availableProcessors());
    table.forEach(System.out::println);
  }

  private void time(SyncDirectory directory, Path export, Path mapping, String what, int goal,
      String... more) throws Exception {
    String loadBefore = load();
    long start = System.nanoTime();
    SyncDirectory.Run run = directory.sync(Duration.ofHours(1), export, mapping, more);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (run.exitCode() != 0) {
      throw new AssertionError("sync failed:\n" + run.output());
    }
    String reported = run.output().lines().filter(line -> line.startsWith("Done in")).findFirst()
        .orElse("?");
    String line = String.format(Locale.ROOT, "%-90s %6.1f s (goal < %d s: %s)%n    it reports: %s%n"
        + "    load average before: %s; after: %s", what, seconds, goal, seconds < goal ? "PASS" : "MISS",
        reported, loadBefore, load());
    System.out.println("==== sync " + line);
    table.add(line);
  }

  private static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }
}
