package io.scimgateway.gateway.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.scimgateway.schemas.SchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rows a run with the previous export plans, and which users it reads. */
class ExportDeltaTest {

  private static final String HEADER = "id,number,title,department,manager,groups\n";

  @TempDir
  Path work;

  @Test
  void onlyNewChangedAndDepartedRowsArePlannedAndTheirManagersRead() throws Exception {
    ExportDelta delta = delta("""
        A,A,CEO,Board,,All
        B,B,Engineer,R&D,A,All
        C,C,Engineer,R&D,A,All
        D,D,Engineer,R&D,B,All
        E,E,Engineer,R&D,B,All
        G,G,Engineer,R&D,A,All
        """, """
        A,A,CEO,Board,,All
        B,B,Senior Engineer,R&D,A,All
        C,C,Engineer,R&D,A,All;Leads
        D,D,Engineer,R&D,B,All
        F,F,Engineer,R&D,D,All
        G,G,EngineerR,&D,A,All
        """);

    // B has a new title, C a new group, F is a joiner, E has left; G's text moved between two cells.
    assertEquals(List.of("B", "C", "F", "G"), delta.changed().stream().map(DesiredUser::key).toList());
    assertEquals("Senior Engineer", delta.changed().get(0).values()
        .get(AttributePath.parse("title")).textValue());
    assertEquals(Set.of("E"), delta.departed());
    assertEquals(2, delta.same());
    assertEquals(6, delta.previousRows());
    assertEquals(Set.of("A", "B", "C", "D", "E", "F", "G"), delta.readKeys(), "B, C, F and G, their "
        + "managers A and D, and E, who left");
    assertEquals(Set.of("All", "Leads"), delta.groupNames());
    assertEquals(Set.of("A", "B", "C", "D", "F", "G"), delta.keys().listed());
    assertEquals(Set.of("All", "Leads"), delta.keys().groups(), "every row's groups, changed or not");
    assertEquals("D", delta.keys().keyOf("D"));
  }

  @Test
  void aRowWhoseManagerNumberNowBelongsToAnotherRowIsChanged() throws Exception {
    // Employee number 7 was B's and is now G's: D's row is the same text, but its manager is not.
    ExportDelta delta = delta("""
        B,7,Engineer,R&D,,
        D,8,Engineer,R&D,7,
        """, """
        G,7,Engineer,R&D,,
        D,8,Engineer,R&D,7,
        """);

    assertEquals(List.of("G", "D"), delta.changed().stream().map(DesiredUser::key).toList());
    assertEquals(Set.of("B"), delta.departed());
    assertEquals(Set.of("G", "D", "B"), delta.readKeys());
  }

  @Test
  void jsonLinesRowsAreComparedAsJson() throws Exception {
    Path before = Files.writeString(work.resolve("before.jsonl"), """
        {"id": "A", "title": "CEO", "groups": ["All"]}
        {"id": "B", "title": "Engineer", "groups": ["All"]}
        {"id": "C", "title": "Engineer", "groups": ["All"]}
        """);
    Path now = Files.writeString(work.resolve("now.jsonl"), """
        {"groups": ["All"], "title": "CEO", "id": "A"}
        {"id": "B", "title": "Engineer", "groups": ["All", "Leads"]}
        {"id": "C", "title": "Engineer", "groups": "All"}
        """);

    ExportDelta.Result result = ExportDelta.between(PreviousExport.of(Export.read(before), mapping()),
        Export.read(now), mapping());

    // A's fields are in another order, the same cells; C's groups are a string now, not an array.
    assertEquals(List.of("B", "C"), result.delta().changed().stream().map(DesiredUser::key).toList());
    assertEquals(1, result.delta().same());
  }

  @Test
  void aDuplicateKeyIsReportedThoughItsRowsAreUnchanged() throws Exception {
    ExportDelta.Result result = ExportDelta.between(PreviousExport.of(export("before.csv", """
        A,A,CEO,Board,,All
        """), mapping()), export("now.csv", """
        A,A,CEO,Board,,All
        A,A,CEO,Board,,All
        """), mapping());

    assertNull(result.delta());
    assertEquals(List.of("now.csv:3:1 (column \"id\"): Duplicate key \"A\": line 2 has it too."),
        result.problems().stream().map(problem -> problem.toString()
            .replace(work.toString() + "/", "")).toList());
  }

  @Test
  void problemsInBothExportsAreReportedTogether() throws Exception {
    Path before = Files.writeString(work.resolve("before.csv"), HEADER + """
        A,A,CEO,Board,,All
        A,A,CEO,Board,,All
        """);
    Path now = Files.writeString(work.resolve("now.csv"), HEADER + """
        B,B,Engineer,R&D,,All
        B,B,Engineer,R&D,,All
        """);
    mapping();

    SyncInput input = SyncInput.read(now, before, work.resolve("mapping.yaml"),
        () -> SchemaRegistry.load().resourceType("User").orElseThrow());

    assertEquals(List.of("now.csv:3:1 (column \"id\"): Duplicate key \"B\": line 2 has it too.",
        "before.csv:3:1 (column \"id\"): Duplicate key \"A\": line 2 has it too."),
        input.problems().stream().map(problem -> problem.toString()
            .replace(work.toString() + "/", "")).toList());
  }

  private ExportDelta delta(String before, String now) throws Exception {
    ExportDelta.Result result = ExportDelta.between(
        PreviousExport.of(export("before.csv", before), mapping()), export("now.csv", now), mapping());
    assertEquals(List.of(), result.problems());
    return result.delta();
  }

  private Export export(String name, String rows) throws Exception {
    return Export.read(Files.writeString(work.resolve(name), HEADER + rows));
  }

  private SyncMapping mapping() throws Exception {
    Path file = work.resolve("mapping.yaml");
    Files.writeString(file, """
        attributes:
          externalId: id
          title: title
          urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber: number
          urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department: department
        manager: manager
        groups:
          column: groups
          separator: ";"
        """);
    return MappingReader.read(file, SchemaRegistry.load().resourceType("User").orElseThrow());
  }
}
