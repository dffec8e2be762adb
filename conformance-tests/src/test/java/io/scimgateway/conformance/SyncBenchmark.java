package io.scimgateway.conformance;

import io.scimgateway.conformance.HrExport.Employee;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scim-gateway sync} at HR volume: a 100,000-row export into an empty embedded store, then the
 * next day's export with 1% changed (500 movers, 250 leavers, 250 joiners). Prints both times, as the
 * command reports them and as the whole process took, and the machine's load; a benchmark, not a
 * timed test. Size with {@code -Dbenchmark.syncRows=100000}; {@code -Dbenchmark.syncTarget=url} syncs
 * a gateway by URL instead of in-process.
 */
@Tag("benchmark")
class SyncBenchmark {

  @TempDir
  Path work;

  @Test
  void syncAFullExportThenOnePercentChanged() throws Exception {
    int rows = Integer.getInteger("benchmark.syncRows", 100_000);
    boolean byUrl = "url".equals(System.getProperty("benchmark.syncTarget"));
    List<Employee> today = HrExport.employees(0, rows);
    int changed = rows / 100;
    List<Employee> tomorrow = HrExport.nextDay(today, changed / 2, changed / 4, changed / 4);
    Path mapping = HrExport.write(work.resolve("mapping.yaml"), HrExport.MAPPING);
    Path first = HrExport.writeCsv(work.resolve("today.csv"), today);
    Path second = HrExport.writeCsv(work.resolve("tomorrow.csv"), tomorrow);
    Path data = work.resolve("data");
    try (SyncDirectory directory = byUrl ? SyncDirectory.byUrl(data) : SyncDirectory.inProcess(data)) {
      String mode = byUrl ? "by URL (/Bulk)" : "in-process";
      time(directory, first, mapping, String.format(Locale.ROOT, "%,d-row export into an empty "
          + "directory, %s (goal < 30 s)", rows, mode));
      time(directory, second, mapping, String.format(Locale.ROOT, "1%% changed (%,d movers, %,d "
          + "leavers, %,d joiners), %s (goal < 5 s)", changed / 2, changed / 4, changed / 4, mode));
    }
  }

  private static void time(SyncDirectory directory, Path export, Path mapping, String what)
      throws Exception {
    String loadBefore = load();
    long start = System.nanoTime();
    SyncDirectory.Run run = directory.sync(Duration.ofHours(1), export, mapping);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (run.exitCode() != 0) {
      throw new AssertionError("sync failed:\n" + run.output());
    }
    String reported = run.output().lines().filter(line -> line.startsWith("Done in")).findFirst()
        .orElse("?");
    System.out.printf(Locale.ROOT, "==== sync %s: %.1f s for the whole process; it reports: %s%n"
        + "     load average before: %s; after: %s (2 cores shared with other builds)%n", what, seconds,
        reported, loadBefore, load());
  }

  private static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }
}
