package io.scimgateway.sqlitefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Versioned changes to one kind of database file, applied in order, each in its own transaction, and
 * recorded in {@code schema_version}. A database written by a newer gateway is refused rather than
 * guessed at, and so is a file that holds the other kind of database.
 *
 * <p>To change a schema, add a file {@code V<n>__<what>.sql} beside the others of its folder and name
 * it in its list; never edit an applied one. A name that starts with {@code /} is a script shared by
 * several kinds of file, found at that path on the classpath (such as {@link AuditRows#MIGRATION}).
 */
public final class SchemaMigrations {

  private final Class<?> anchor;
  private final String folder;
  private final List<String> scripts;

  /**
   * @param anchor the class whose package on the classpath holds {@code folder}
   * @param folder where the scripts are, relative to {@code anchor}'s package
   * @param scripts the scripts in version order: the first is version 1
   */
  public SchemaMigrations(Class<?> anchor, String folder, List<String> scripts) {
    this.anchor = anchor;
    this.folder = folder;
    this.scripts = List.copyOf(scripts);
  }

  /** Brings the database {@code writer} opens up to the newest version. */
  public void apply(Jdbi writer) {
    writer.useHandle(handle -> {
      handle.execute("CREATE TABLE IF NOT EXISTS schema_version "
          + "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)");
      refuseAnotherSchema(handle);
      int current = handle.createQuery("SELECT coalesce(max(version), 0) FROM schema_version")
          .mapTo(Integer.class).one();
      if (current > scripts.size()) {
        throw new IllegalStateException("The database has schema version " + current
            + " but this gateway knows versions up to " + scripts.size()
            + ": it was written by a newer gateway. Run that version, or restore a backup.");
      }
      for (int version = current + 1; version <= scripts.size(); version++) {
        applyOne(handle, version, scripts.get(version - 1));
      }
    });
  }

  /** A file that began with another first script is another kind of database: a wrong path. */
  private void refuseAnotherSchema(Handle handle) {
    Optional<String> first = handle.createQuery("SELECT name FROM schema_version WHERE version = 1")
        .mapTo(String.class).findOne();
    if (first.isPresent() && !first.get().equals(scripts.get(0))) {
      throw new IllegalStateException("The database holds another kind of data (its schema began "
          + "with " + first.get() + ", not " + scripts.get(0) + "): check the file's path.");
    }
  }

  private void applyOne(Handle handle, int version, String name) {
    String script = read(name);
    handle.useTransaction(tx -> {
      try (Statement statement = tx.getConnection().createStatement()) {
        for (String sql : statements(script)) {
          statement.execute(sql);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Migration " + name + " failed: " + e.getMessage(), e);
      }
      tx.createUpdate("INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)")
          .bind(0, version).bind(1, name).bind(2, Instant.now().toString()).execute();
    });
  }

  /**
   * The statements of a script, split at the {@code ;} that ends a line; a trigger's body runs from
   * the line ending in {@code BEGIN} to the line {@code END;}, and a PostgreSQL function's to the line
   * that ends in {@code $$;}. Statements go to the driver as written,
   * without any template processing.
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inBody = false;
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      String upper = trimmed.toUpperCase(Locale.ROOT);
      inBody |= upper.endsWith("BEGIN");
      if (inBody ? upper.equals("END;") || upper.endsWith("$$;") : trimmed.endsWith(";")) {
        statements.add(current.toString());
        current.setLength(0);
        inBody = false;
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString());
    }
    return statements;
  }

  private String read(String name) {
    String path = name.startsWith("/") ? name : folder + "/" + name;
    try (InputStream in = anchor.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Migration " + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read migration " + name, e);
    }
  }
}
