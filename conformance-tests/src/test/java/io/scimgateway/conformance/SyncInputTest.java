package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgateway.conformance.HrExport.Employee;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code sync} reads: JSON lines as well as CSV, and bad input (a malformed row, a duplicate key,
 * a value of the wrong type, a mapped column the export lacks; in the previous export too) reported
 * with file, line and column, with nothing written.
 */
@Needs(Capability.EMBEDDED_STORE)
class SyncInputTest {

  @TempDir
  Path work;

  @Test
  void aJsonLinesExportMakesTheSameDirectoryAsCsv() throws Exception {
    List<Employee> employees = HrExport.employees(0, 40);
    try (SyncDirectory directory = SyncDirectory.inProcess(work.resolve("data"))) {
      SyncDirectory.Run run = directory.sync(HrExport.writeJsonLines(work.resolve("hr.jsonl"),
          employees), mapping(HrExport.MAPPING));
      assertEquals(0, run.exitCode(), run.output());
      assertEquals(HrExport.expected(employees), directory.read(SyncedUser::all));
    }
  }

  @Test
  void aRowWithTooManyFieldsStopsTheRunBeforeAnyWrite() throws Exception {
    Path export = HrExport.writeCsv(work.resolve("hr.csv"), HrExport.employees(0, 5));
    HrExport.write(export, java.nio.file.Files.readString(export)
        .replace("E00002,", "E00002,extra,"));
    assertRefused(export, mapping(HrExport.MAPPING), "hr.csv:4:9: This row has 9 fields; the header "
        + "has 8");
  }

  @Test
  void anUnclosedQuoteIsReportedWhereTheParserFoundIt() throws Exception {
    Path export = HrExport.write(work.resolve("hr.csv"), HrExport.HEADER + "\n"
        + "E00001,a@example.com,A,B,\"Engineer,Dept,,All staff\n");
    assertRefused(export, mapping(HrExport.MAPPING), "hr.csv:3:1: Malformed CSV: Missing closing "
        + "quote for value (in the record after line 1)");
  }

  @Test
  void aDuplicateKeyNamesBothLines() throws Exception {
    List<Employee> employees = new java.util.ArrayList<>(HrExport.employees(0, 6));
    employees.set(4, HrExport.employees(1, 1).get(0));
    assertRefused(HrExport.writeCsv(work.resolve("hr.csv"), employees), mapping(HrExport.MAPPING),
        "hr.csv:6:1 (column \"employee_id\"): Duplicate key \"E00001\": line 3 has it too.");
  }

  @Test
  void aValueOfTheWrongTypeNamesItsColumn() throws Exception {
    Path export = HrExport.write(work.resolve("hr.jsonl"),
        "{\"employee_id\": \"E1\", \"email\": \"a@example.com\", \"enabled\": \"yes\"}\n\n"
        + "{\"employee_id\": \"E2\", \"email\": \"b@example.com\", \"enabled\": \"perhaps\"}\n");
    assertRefused(export, mapping("attributes:\n  externalId: employee_id\n  userName: email\n"
        + "  active: enabled\n"), "hr.jsonl:3:60 (column \"enabled\"): active is a boolean");
  }

  @Test
  void aMappedColumnTheExportLacksIsReportedInTheMapping() throws Exception {
    Path export = HrExport.writeCsv(work.resolve("hr.csv"), HrExport.employees(0, 3));
    assertRefused(export, mapping(HrExport.MAPPING.replace("title: job_title", "title: job")),
        "mapping.yaml:8:10: The export " + export + " has no column \"job\"");
  }

  @Test
  void anAttributeTheSchemaLacksIsReportedInTheMapping() throws Exception {
    Path export = HrExport.writeCsv(work.resolve("hr.csv"), HrExport.employees(0, 3));
    assertRefused(export, mapping(HrExport.MAPPING.replace("title: job_title", "tittle: job_title")),
        "mapping.yaml:8:11: The User schema has no attribute \"tittle\".");
  }

  @Test
  void aBadRowInThePreviousExportIsReportedInThatFile() throws Exception {
    Path export = HrExport.writeCsv(work.resolve("hr.csv"), HrExport.employees(0, 5));
    Path previous = HrExport.writeCsv(work.resolve("hr-before.csv"), HrExport.employees(0, 5));
    HrExport.write(previous, java.nio.file.Files.readString(previous)
        .replace("E00002,", "E00002,extra,"));
    assertRefused(export, mapping(HrExport.MAPPING), "hr-before.csv:4:9: This row has 9 fields; the "
        + "header has 8", "--previous", previous.toString());
  }

  @Test
  void aTypedValueAsKeyCannotBeComparedWithThePreviousExport() throws Exception {
    Path export = HrExport.writeCsv(work.resolve("hr.csv"), HrExport.employees(0, 3));
    assertRefused(export, mapping(HrExport.MAPPING.replace("key: externalId",
        "key: emails[type eq \"work\"].value")), "With --previous, the key must be an attribute a "
        + "filter can name alone", "--previous", export.toString());
  }

  private void assertRefused(Path export, Path mapping, String message, String... more)
      throws Exception {
    try (SyncDirectory directory = SyncDirectory.inProcess(work.resolve("data"))) {
      SyncDirectory.Run run = directory.sync(export, mapping, more);
      assertEquals(2, run.exitCode(), run.output());
      assertTrue(run.output().contains(message), run.output());
      assertTrue(run.output().contains("Nothing was written"), run.output());
      assertEquals(0, directory.read(SyncedUser::all).size());
    }
  }

  private Path mapping(String yaml) {
    return HrExport.write(work.resolve("mapping.yaml"), yaml);
  }
}
