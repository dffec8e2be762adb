package io.scimgateway.gateway.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between the previous export and this one: the rows that are new or changed, and the
 * keys the previous export listed and this one does not. A row counts as changed when any cell the
 * mapping reads is written differently, or when the employeeNumber its manager column names now belongs to
 * another row; the rest are taken to match the directory already, as the previous run left it, and
 * are never mapped.
 *
 * @param changed this export's rows that are new or differ from the previous export's, mapped
 * @param departed keys of the previous export that this one does not list
 * @param same rows equal in both exports, not read or compared
 * @param previousRows the previous export's rows: the users sync managed, for the leaver limit
 * @param readKeys the keys whose users the run reads: changed, departed, and the managers of the
 *     changed rows
 * @param groupNames the groups the changed rows name
 * @param keys what the plan needs of every row of this export
 */
record ExportDelta(List<DesiredUser> changed, Set<String> departed, int same, int previousRows,
    Set<String> readKeys, Set<String> groupNames, ExportKeys keys) {

  /** The delta, or the problems that stop the run. */
  record Result(ExportDelta delta, List<InputProblem> problems) {}

  static Result between(PreviousExport previous, Export current, SyncMapping mapping) {
    RowMapper mapper = new RowMapper(mapping);
    List<String> columns = mapping.columnNames();
    ExportKeys keys = new ExportKeys();
    List<KeyedRow> differ = new ArrayList<>();
    List<KeyedRow> sameWithManager = new ArrayList<>();
    for (ExportRow row : current.rows()) {
      String key = mapper.key(row);
      if (mapper.tooManyProblems()) {
        break;
      }
      if (key == null) {
        continue;
      }
      keys.add(key, mapper.employeeNumber(row), mapper.groups(row));
      List<String> before = previous.cellsByKey().get(key);
      KeyedRow keyed = new KeyedRow(row, key, mapper.managerNumber(row));
      if (before == null || !before.equals(row.written(columns))) {
        differ.add(keyed);
      } else if (keyed.managerNumber() != null) {
        sameWithManager.add(keyed);
      }
    }
    // The same cells, but the manager's employeeNumber may have moved to another row: known only
    // once every row of this export is read.
    for (KeyedRow row : sameWithManager) {
      String number = row.managerNumber();
      if (!Objects.equals(previous.keys().keyOf(number), keys.keyOf(number))) {
        differ.add(row);
      }
    }
    differ.sort(Comparator.comparingLong(row -> row.row().line()));
    List<DesiredUser> changed = new ArrayList<>(differ.size());
    Set<String> readKeys = new LinkedHashSet<>();
    Set<String> groupNames = new LinkedHashSet<>();
    for (KeyedRow row : differ) {
      DesiredUser user = mapper.user(row.row(), row.key());
      changed.add(user);
      readKeys.add(user.key());
      String manager = keys.keyOf(user.managerNumber());
      if (manager != null) {
        readKeys.add(manager);
      }
      if (user.groups() != null) {
        groupNames.addAll(user.groups());
      }
      if (mapper.tooManyProblems()) {
        break;
      }
    }
    if (!mapper.problems().isEmpty()) {
      return new Result(null, mapper.problems());
    }
    Set<String> departed = new LinkedHashSet<>();
    previous.cellsByKey().keySet().stream().filter(key -> !keys.listed().contains(key))
        .sorted().forEach(departed::add);
    readKeys.addAll(departed);
    return new Result(new ExportDelta(changed, departed, keys.listed().size() - changed.size(),
        previous.cellsByKey().size(), readKeys, groupNames, keys), List.of());
  }

  private record KeyedRow(ExportRow row, String key, String managerNumber) {}
}
