package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generated HR exports for the sync tests: employees with a manager tree, departments and groups, and
 * the next day's export with joiners, movers and leavers. The mapping below is the README's.
 */
final class HrExport {

  static final String HEADER = "employee_id,email,first_name,last_name,job_title,department,"
      + "manager_id,groups";

  static final String MAPPING = """
      key: externalId
      attributes:
        externalId: employee_id
        userName: email
        name.givenName: first_name
        name.familyName: last_name
        emails[type eq "work"].value: email
        title: job_title
        urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber: employee_id
        urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department: department
      manager: manager_id
      groups:
        column: groups
        separator: ";"
      leavers: deactivate
      maxLeaverShare: 0.2
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One row. {@code manager} is the manager's employee id, or empty. */
  record Employee(String id, String email, String first, String last, String title, String department,
      String manager, Set<String> groups) {

    Employee withTitle(String newTitle) {
      return new Employee(id, email, first, last, newTitle, department, manager, groups);
    }

    Employee movedTo(String newDepartment, String newManager, Set<String> newGroups) {
      return new Employee(id, email, first, last, title, newDepartment, newManager, newGroups);
    }
  }

  private HrExport() {}

  static String id(int number) {
    return String.format("E%05d", number);
  }

  /** Employees {@code from} to {@code from + count - 1}; each reports to the one at a tenth its number. */
  static List<Employee> employees(int from, int count) {
    List<Employee> employees = new ArrayList<>(count);
    for (int n = from; n < from + count; n++) {
      String manager = n == 0 ? "" : id(n < 10 ? 0 : n / 10);
      employees.add(new Employee(id(n), "user" + n + "@example.com", "First" + n, "Last" + n,
          "Engineer " + (n % 3), "Dept " + (n % 7), manager,
          new TreeSet<>(List.of("All staff", "Team " + (n % 5)))));
    }
    return employees;
  }

  /**
   * The next day: the last {@code leavers} leave (people with no reports), every tenth of the first
   * rows moves (new title; every twentieth also a new department, manager and team), and
   * {@code joiners} join (numbered after everyone before them), reporting to existing managers.
   */
  static List<Employee> nextDay(List<Employee> today, int movers, int leavers, int joiners) {
    List<Employee> next = new ArrayList<>(today.subList(0, today.size() - leavers));
    for (int i = 1, moved = 0; moved < movers; i += 10, moved++) {
      Employee mover = next.get(i).withTitle("Senior " + next.get(i).title());
      next.set(i, moved % 2 == 0 ? mover : mover.movedTo("Dept moved", id(0),
          new TreeSet<>(List.of("All staff", "Team moved"))));
    }
    int highest = today.stream().mapToInt(e -> Integer.parseInt(e.id().substring(1))).max().orElse(0);
    List<Employee> joining = employees(Math.max(90_000, highest + 1), joiners);
    for (int i = 0; i < joining.size(); i++) {
      Employee joiner = joining.get(i);
      next.add(joiner.movedTo(joiner.department(), id(i % 10), joiner.groups()));
    }
    return next;
  }

  static Path writeCsv(Path file, List<Employee> employees) {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (Employee e : employees) {
      csv.append(String.join(",", e.id(), e.email(), e.first(), e.last(), quoted(e.title()),
          quoted(e.department()), e.manager(), quoted(String.join(";", e.groups())))).append('\n');
    }
    return write(file, csv.toString());
  }

  static Path writeJsonLines(Path file, List<Employee> employees) {
    StringBuilder lines = new StringBuilder();
    for (Employee e : employees) {
      ObjectNode row = JSON.createObjectNode().put("employee_id", e.id()).put("email", e.email())
          .put("first_name", e.first()).put("last_name", e.last()).put("job_title", e.title())
          .put("department", e.department()).put("manager_id", e.manager());
      e.groups().forEach(row.putArray("groups")::add);
      lines.append(row).append('\n');
    }
    return write(file, lines.toString());
  }

  static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the directory should hold for these employees, by employee id (all active). */
  static Map<String, SyncedUser> expected(List<Employee> employees) {
    Map<String, SyncedUser> expected = new LinkedHashMap<>();
    for (Employee e : employees) {
      expected.put(e.id(), new SyncedUser(e.email(), e.first(), e.last(), e.email(), e.title(),
          e.department(), e.manager().isEmpty() ? null : e.manager(), true, e.groups()));
    }
    return expected;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
