package io.scimgateway.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which rows a run with the previous export plans, and which users it reads. */
class ExportDeltaTest {

  private static final AttributePath TITLE = AttributePath.parse("title");

  @Test
  void onlyNewChangedAndDepartedRowsArePlannedAndTheirManagersRead() {
    List<DesiredUser> previous = List.of(row("A", "CEO", null, "All"), row("B", "Engineer", "A", "All"),
        row("C", "Engineer", "A", "All"), row("D", "Engineer", "B", "All"),
        row("E", "Engineer", "B", "All"));
    List<DesiredUser> current = List.of(row("A", "CEO", null, "All"),
        row("B", "Senior Engineer", "A", "All"), // a new title
        row("C", "Engineer", "A", "All", "Leads"), // a new group
        row("D", "Engineer", "B", "All"), // as before
        row("F", "Engineer", "D", "All")); // a joiner; E has left

    ExportDelta delta = ExportDelta.between(previous, current);

    assertEquals(List.of("B", "C", "F"), delta.changed().stream().map(DesiredUser::key).toList());
    assertEquals(Set.of("E"), delta.departed());
    assertEquals(2, delta.same());
    assertEquals(5, delta.previousRows());
    assertEquals(Set.of("A", "B", "C", "D", "E", "F"), delta.readKeys(), "B, C and F, their managers A "
        + "and D, and E, who left");
    assertEquals(Set.of("All", "Leads"), delta.groupNames());
  }

  @Test
  void aRowWhoseManagerNumberNowBelongsToAnotherRowIsChanged() {
    // Employee number 7 was B's and is now G's: D's row is the same text, but its manager is not.
    List<DesiredUser> previous = List.of(numbered("B", "7", null), numbered("D", "8", "7"));
    List<DesiredUser> current = List.of(numbered("G", "7", null), numbered("D", "8", "7"));

    ExportDelta delta = ExportDelta.between(previous, current);

    assertEquals(List.of("G", "D"), delta.changed().stream().map(DesiredUser::key).toList());
    assertEquals(Set.of("B"), delta.departed());
  }

  /** A row whose employee number is its key. */
  private static DesiredUser row(String key, String title, String manager, String... groups) {
    return user(key, key, title, manager, groups);
  }

  /** An engineer in no group, with an employee number of its own. */
  private static DesiredUser numbered(String key, String employeeNumber, String manager) {
    return user(key, employeeNumber, "Engineer", manager);
  }

  private static DesiredUser user(String key, String employeeNumber, String title, String manager,
      String... groups) {
    Map<AttributePath, JsonNode> values = new LinkedHashMap<>();
    values.put(TITLE, TextNode.valueOf(title));
    return new DesiredUser(1, key, values, employeeNumber, manager, new LinkedHashSet<>(List.of(groups)));
  }
}
