package io.scimgateway.sqlite;

import com.unboundid.scim2.common.types.AttributeDefinition;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite's SQL: JSON through {@code json_extract} and {@code json_each}, text order by the
 * {@code scim_utf16} collation registered with {@link ScimSqlFunctions}. Stateless.
 */
public final class SqliteDialect implements SqlDialect {

  public static final SqliteDialect INSTANCE = new SqliteDialect();

  private SqliteDialect() {
  }

  @Override
  public String jsonValue(String document, AttributeDefinition.Type type) {
    return "json_extract(" + document + ", ?)";
  }

  @Override
  public String jsonType(String document) {
    return "json_type(" + document + ", ?)";
  }

  @Override
  public Object jsonPath(String path) {
    return path;
  }

  @Override
  public String jsonElements(String alias) {
    return "json_each(resources.attributes, ?) AS " + alias;
  }

  @Override
  public String elementValue(String alias, AttributeDefinition.Type type) {
    return alias + ".value";
  }

  @Override
  public String elementType(String alias) {
    return alias + ".type";
  }

  @Override
  public String elementDocument(String alias) {
    return alias + ".value";
  }

  @Override
  public String utcTime(String expression) {
    return "strftime('%Y-%m-%dT%H:%M:%fZ', " + expression + ")";
  }

  @Override
  public String contains(String text) {
    return "instr(" + text + ", ?) > 0";
  }

  @Override
  public String endsWith(String text) {
    return "substr(" + text + ", -length(?)) = ?";
  }

  @Override
  public String isText(String expression) {
    return "typeof(" + expression + ") = 'text'";
  }

  @Override
  public String textOrder() {
    return "scim_utf16";
  }

  @Override
  public String notDistinct() {
    return "IS";
  }

  @Override
  public String orderedJoin() {
    return "CROSS JOIN";
  }

  @Override
  public String lastInsertedPk() {
    return "SELECT last_insert_rowid()";
  }

  @Override
  public boolean storesNul() {
    return true;
  }

  /**
   * Yes: an insert that fires a trigger is a statement of several writes, and for each of those inside
   * a transaction SQLite keeps a statement journal, a copy of every page the statement changes.
   */
  @Override
  public boolean countsInStatements() {
    return true;
  }

  /**
   * No: a page at 90,001 of 100,000 users takes 20 to 30 ms as it is, and keeping the blocks would
   * add a statement to every create, which the embedded store's writer runs one at a time.
   */
  @Override
  public boolean countsPkBlocks() {
    return false;
  }

  @Override
  public boolean isUniqueViolation(Throwable failure) {
    return failure.getCause() instanceof SQLiteException sqlite
        && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
  }
}
