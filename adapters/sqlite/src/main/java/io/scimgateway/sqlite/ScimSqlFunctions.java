package io.scimgateway.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.Collation;
import org.sqlite.Function;

/**
 * SQL functions the filter compiler relies on, registered on every connection. {@code scim_fold} folds
 * text to lower case exactly as the gateway and the SCIM SDK do ({@code toLowerCase(Locale.ROOT)});
 * SQLite's own {@code lower()} folds only ASCII, which would make {@code "ZOË" eq "zoë"} false. The
 * collation {@code scim_utf16} orders text as Java's {@code String.compareTo} (UTF-16 code units),
 * which the SDK's evaluator uses for {@code gt}/{@code lt}; SQLite's own order is by UTF-8 bytes,
 * which differs for characters beyond U+FFFF (emoji) against U+E000 to U+FFFF (full-width forms).
 */
final class ScimSqlFunctions {

  private ScimSqlFunctions() {
  }

  static void register(Connection connection) throws SQLException {
    Function.create(connection, "scim_fold", new Fold(), 1, Function.FLAG_DETERMINISTIC);
    Collation.create(connection, "scim_utf16", new Utf16Order());
  }

  private static final class Utf16Order extends Collation {
    @Override
    protected int xCompare(String left, String right) {
      return left.compareTo(right);
    }
  }

  private static final class Fold extends Function {
    @Override
    protected void xFunc() throws SQLException {
      String value = value_text(0);
      if (value == null) {
        result();
      } else {
        result(value.toLowerCase(Locale.ROOT));
      }
    }
  }
}
