package io.scimgateway.gateway.sync;

import com.unboundid.scim2.common.types.AttributeDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A mapping file, read and checked against the User schema: which export column fills which SCIM
 * attribute, which attribute identifies a user across runs, where the manager and the groups come from,
 * and what happens to leavers.
 *
 * @param key the mapped attribute that identifies a user across runs ({@code externalId} unless set)
 * @param manager the column holding the manager's {@code employeeNumber}, or null
 * @param employeeNumber the mapped enterprise {@code employeeNumber}, which {@code manager} refers to
 * @param groups the column naming the user's groups, or null
 * @param maxLeaverShare most leavers one run may deactivate or delete, as a share of the users sync
 *     manages (those with a key), unless the run is told otherwise
 */
record SyncMapping(Path file, List<MappedAttribute> attributes, MappedAttribute key,
    Column manager, MappedAttribute employeeNumber, Column groups, String groupSeparator,
    LeaverAction leavers, double maxLeaverShare) {

  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final AttributePath ACTIVE = AttributePath.parse("active");

  SyncMapping {
    attributes = List.copyOf(attributes);
  }

  /** An export column named in the mapping, with where the mapping names it. */
  record Column(String name, int line, int column) {}

  /** One attribute filled from one column; {@code type} decides how the cell's text is read. */
  record MappedAttribute(AttributePath path, Column column, AttributeDefinition.Type type) {}

  /** What happens to a user the directory has and the export no longer lists. */
  enum LeaverAction { DEACTIVATE, DELETE }

  /** Every column the mapping names, for checking them against the export's columns. */
  List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    attributes.forEach(attribute -> columns.add(attribute.column()));
    if (manager != null) {
      columns.add(manager);
    }
    if (groups != null) {
      columns.add(groups);
    }
    return columns;
  }

  /** The names of the columns the mapping reads, each once: what rows are compared by. */
  List<String> columnNames() {
    return columns().stream().map(Column::name).distinct().toList();
  }

  /** Whether the export sets {@code active} itself; otherwise every listed user is active. */
  boolean mapsActive() {
    return attributes.stream().anyMatch(a -> a.path().urn() == null
        && a.path().attribute().equalsIgnoreCase("active") && a.path().subAttribute() == null);
  }
}
