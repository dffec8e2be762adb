package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgateway.conformance.HrExport.Employee;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scim-gateway sync} run as a process on generated exports: what it writes, what a dry run
 * and a killed run leave behind. Run against the embedded store in-process and against a gateway by
 * URL by the two subclasses.
 */
abstract class SyncScenarios {

  @TempDir
  Path work;

  abstract SyncDirectory directory(Path data);

  Path mapping() {
    return HrExport.write(work.resolve("mapping.yaml"), HrExport.MAPPING);
  }

  @Test
  void joinersMoversAndLeaversAreAppliedExactly() throws Exception {
    List<Employee> today = HrExport.employees(0, 300);
    List<Employee> tomorrow = HrExport.nextDay(today, 20, 12, 15);
    try (SyncDirectory directory = directory(work.resolve("data"))) {
      SyncDirectory.Run first = directory.sync(HrExport.writeCsv(work.resolve("today.csv"), today),
          mapping());
      assertEquals(0, first.exitCode(), first.output());
      assertEquals(HrExport.expected(today), directory.read(SyncedUser::all));

      SyncDirectory.Run second = directory.sync(HrExport.writeCsv(work.resolve("tomorrow.csv"),
          tomorrow), mapping());
      assertEquals(0, second.exitCode(), second.output());
      assertTrue(second.output().contains("15 created, 20 updated, 12 deactivated, 0 deleted"),
          second.output());
      assertEquals(nextDayState(today, tomorrow), directory.read(SyncedUser::all));

      SyncDirectory.Run again = directory.sync(work.resolve("tomorrow.csv"), mapping());
      assertEquals(0, again.exitCode(), again.output());
      assertTrue(again.output().contains("Plan: 0 to create, 0 to update, 0 to deactivate, 0 to "
          + "delete, 303 unchanged; 0 groups to create, 0 groups whose members change"), again.output());
    }
  }

  @Test
  void aRunWithThePreviousExportAppliesTheDaysChangesAndLeavesOtherUsersUnread() throws Exception {
    List<Employee> today = HrExport.employees(0, 300);
    List<Employee> tomorrow = HrExport.nextDay(today, 20, 12, 15);
    Path todayCsv = HrExport.writeCsv(work.resolve("today.csv"), today);
    Path tomorrowCsv = HrExport.writeCsv(work.resolve("tomorrow.csv"), tomorrow);
    try (SyncDirectory directory = directory(work.resolve("data"))) {
      assertEquals(0, directory.sync(todayCsv, mapping()).exitCode());
      // Another client changes a user whose row stays the same: a run with --previous does not look.
      directory.read(client -> client.patch("/Users/" + idOf(client, "E00002"), ScimJson.patch(
          ScimJson.op("replace", "title", ScimJson.object().textNode("Changed elsewhere")))));

      SyncDirectory.Run delta = directory.sync(tomorrowCsv, mapping(), "--previous",
          todayCsv.toString());
      assertEquals(0, delta.exitCode(), delta.output());
      assertTrue(delta.output().contains("268 rows are as in the previous export; 35 differ or are "
          + "new, 12 are gone."), delta.output());
      assertTrue(delta.output().contains("15 created, 20 updated, 12 deactivated, 0 deleted"),
          delta.output());
      Map<String, SyncedUser> expected = nextDayState(today, tomorrow);
      Map<String, SyncedUser> afterDelta = new HashMap<>(directory.read(SyncedUser::all));
      assertEquals("Changed elsewhere", afterDelta.get("E00002").title());
      afterDelta.put("E00002", expected.get("E00002"));
      assertEquals(expected, afterDelta);

      // Run again, as after an interruption: the changed rows are compared, and match.
      SyncDirectory.Run again = directory.sync(tomorrowCsv, mapping(), "--previous",
          todayCsv.toString());
      assertEquals(0, again.exitCode(), again.output());
      assertTrue(again.output().contains("Plan: 0 to create, 0 to update, 0 to deactivate, 0 to "
          + "delete, 303 unchanged; 0 groups to create, 0 groups whose members change"), again.output());

      // A run without --previous compares every user, and puts the title back.
      assertEquals(0, directory.sync(tomorrowCsv, mapping()).exitCode());
      assertEquals(expected, directory.read(SyncedUser::all));
    }
  }

  /**
   * How many users the directory holds once the killed run's last write has landed: by URL, a
   * {@code /Bulk} the server was working on when its client died is still finished. Read until two
   * reads a quarter of a second apart agree (at most 5 s).
   */
  private static int settledUserCount(SyncDirectory directory) throws Exception {
    int count = directory.read(SyncedUser::all).size();
    for (int attempt = 0; attempt < 20; attempt++) {
      Thread.sleep(250);
      int again = directory.read(SyncedUser::all).size();
      if (again == count) {
        return count;
      }
      count = again;
    }
    return count;
  }

  private static String idOf(ScimClient client, String externalId) {
    return client.get("/Users" + ScimJson.filter("externalId eq " + ScimJson.literal(externalId)))
        .json().path("Resources").path(0).path("id").asText();
  }

  @Test
  void aDryRunPrintsThePlanAndWritesNothing() throws Exception {
    List<Employee> today = HrExport.employees(0, 100);
    try (SyncDirectory directory = directory(work.resolve("data"))) {
      assertEquals(0, directory.sync(HrExport.writeCsv(work.resolve("today.csv"), today), mapping())
          .exitCode());
      String before = directory.read(SyncScenarios::everything);

      SyncDirectory.Run dry = directory.sync(HrExport.writeCsv(work.resolve("tomorrow.csv"),
          HrExport.nextDay(today, 4, 3, 2)), mapping(), "--dry-run");

      assertEquals(0, dry.exitCode(), dry.output());
      assertTrue(dry.output().contains("Plan: 2 to create, 4 to update, 3 to deactivate"), dry.output());
      assertTrue(dry.output().contains("~ E00001 (line 3) title: \"Engineer 1\" -> \"Senior Engineer 1\""),
          dry.output());
      assertTrue(dry.output().contains("- E00099 (not in the export) deactivate"), dry.output());
      assertTrue(dry.output().contains("+ E90000 (line 99)"), dry.output());
      assertTrue(before.equals(directory.read(SyncScenarios::everything)),
          "a dry run changed the directory");
    }
  }

  @Test
  void aRunKilledHalfwayAndRunAgainEndsAsAnUninterruptedRun() throws Exception {
    List<Employee> employees = HrExport.employees(0, 1000);
    Path export = HrExport.writeCsv(work.resolve("hr.csv"), employees);
    Map<String, SyncedUser> uninterrupted;
    try (SyncDirectory directory = directory(work.resolve("straight"))) {
      assertEquals(0, directory.sync(export, mapping(), "--batch-size", "25").exitCode());
      uninterrupted = directory.read(SyncedUser::all);
    }
    assertEquals(HrExport.expected(employees), uninterrupted);
    try (SyncDirectory directory = directory(work.resolve("killed"))) {
      try (GatewayProcess run = directory.start(export, mapping(), "--batch-size", "25")) {
        assertTrue(run.awaitLine("progress: ", Duration.ofMinutes(3)), run.output());
        assertNotEquals(0, run.kill(Duration.ofSeconds(30)), "the run ended before it was killed");
      }
      int written = settledUserCount(directory);
      assertTrue(written > 0 && written < employees.size(), written + " users after the kill");

      SyncDirectory.Run resumed = directory.sync(export, mapping(), "--batch-size", "25");
      assertEquals(0, resumed.exitCode(), resumed.output());
      assertTrue(resumed.output().contains(String.format("%,d to create", employees.size() - written)),
          resumed.output());
      assertEquals(uninterrupted, directory.read(SyncedUser::all));
    }
  }

  @Test
  void tooManyLeaversAreRefusedUnlessAllowed() throws Exception {
    List<Employee> today = HrExport.employees(0, 50);
    Path half = HrExport.writeCsv(work.resolve("half.csv"), today.subList(0, 25));
    try (SyncDirectory directory = directory(work.resolve("data"))) {
      assertEquals(0, directory.sync(HrExport.writeCsv(work.resolve("all.csv"), today), mapping())
          .exitCode());

      SyncDirectory.Run refused = directory.sync(half, mapping());
      assertEquals(4, refused.exitCode(), refused.output());
      assertTrue(refused.output().contains("Refused: 25 leavers would be deactivated, more than "
          + "maxLeaverShare 20% of the 50 users"), refused.output());
      assertEquals(HrExport.expected(today), directory.read(SyncedUser::all));

      SyncDirectory.Run allowed = directory.sync(half, mapping(), "--allow-mass-leavers");
      assertEquals(0, allowed.exitCode(), allowed.output());
      assertTrue(allowed.output().contains("25 deactivated"), allowed.output());
    }
  }

  @Test
  void aFailedRowIsReportedWithItsLineAndTheOthersAreWritten() throws Exception {
    List<Employee> employees = new java.util.ArrayList<>(HrExport.employees(0, 10));
    Employee taken = employees.get(3);
    employees.set(7, new Employee(HrExport.id(7), taken.email(), "Other", "Person", "Clerk", "Dept 0",
        HrExport.id(0), taken.groups()));
    try (SyncDirectory directory = directory(work.resolve("data"))) {
      SyncDirectory.Run run = directory.sync(HrExport.writeCsv(work.resolve("hr.csv"), employees),
          mapping());

      assertEquals(1, run.exitCode(), run.output());
      assertTrue(run.output().contains("failed: line 9 (E00007): create failed: 409 uniqueness"),
          run.output());
      assertTrue(run.output().contains("9 created"), run.output());
      Map<String, SyncedUser> users = directory.read(SyncedUser::all);
      assertEquals(9, users.size());
      assertEquals(taken.title(), users.get(taken.id()).title());
    }
  }

  /** The day after: leavers deactivated and out of the export's groups, everyone else as exported. */
  static Map<String, SyncedUser> nextDayState(List<Employee> today, List<Employee> tomorrow) {
    Map<String, SyncedUser> state = HrExport.expected(tomorrow);
    HrExport.expected(today).forEach((id, user) -> state.putIfAbsent(id,
        user.deactivated().withoutGroups()));
    return state;
  }

  /** Every user and group exactly as served, versions included (but not the port it was read on). */
  static String everything(ScimClient client) {
    return (client.get("/Users?count=1000&sortBy=externalId").body()
        + client.get("/Groups?count=1000&sortBy=displayName").body())
        .replaceAll("http://127\\.0\\.0\\.1:\\d+", "");
  }
}
