package io.scimgateway.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.scimgateway.spi.WriteBatching;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repeatable batch on the embedded store: tried once without a savepoint per write; when a write in
 * it fails after changing something, the attempt is undone and the batch runs again write by write,
 * so that the failed write fails alone, exactly as in a batch that runs once.
 */
class OptimisticBatchTest {

  @TempDir
  Path directory;

  private SqliteDatabase database;
  private final AtomicInteger runs = new AtomicInteger();
  private final List<String> savepoints = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() throws Exception {
    database = new SqliteDatabase(SqliteSettings.defaults(directory.resolve("store.db")),
        SqliteBackend.MIGRATIONS);
    database.write(handle -> handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)"));
    database.writer().setSqlLogger(new SqlLogger() {
      @Override
      public void logAfterExecution(StatementContext context) {
        if (context.getRawSql().startsWith("SAVEPOINT")) {
          savepoints.add(context.getRawSql());
        }
      }
    });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aBatchInWhichNoWriteFailsRunsOnce() throws Exception {
    List<Integer> failed = database.inOneRepeatableBatch(inserts(List.of(1, 2, 3), -1));
    assertEquals(1, runs.get());
    assertEquals(List.of(), savepoints, "alone in its transaction, the attempt needs no savepoint");
    assertEquals(List.of(), failed);
    assertEquals(List.of(1, 2, 3), probes());
  }

  @Test
  void aWriteThatFailsAfterItsInsertFailsAloneAndTheBatchRunsAgain() throws Exception {
    List<Integer> failed = database.inOneRepeatableBatch(inserts(List.of(1, 2, 3), 2));
    assertEquals(2, runs.get(), "the attempt was undone and the batch ran again");
    assertEquals(3, savepoints.size(), "the second run sets each write apart: " + savepoints);
    assertEquals(List.of(2), failed, "the answer is the second run's");
    assertEquals(List.of(1, 3), probes(), "the failed write left nothing, its neighbours applied");
  }

  @Test
  void aBatchThatMustRunOnceRunsOnceEvenWhenAWriteFails() throws Exception {
    List<Integer> failed = database.inOneBatch(inserts(List.of(1, 2, 3), 2));
    assertEquals(1, runs.get());
    assertEquals(List.of(2), failed);
    assertEquals(List.of(1, 3), probes());
  }

  /**
   * Work like a bulk request's: one write per value, each failure recorded and the rest going on; the
   * write of {@code failing} inserts its row and then fails.
   */
  private WriteBatching.Work<List<Integer>> inserts(List<Integer> values, int failing) {
    return () -> {
      runs.incrementAndGet();
      List<Integer> failed = new ArrayList<>();
      for (int value : values) {
        try {
          database.write(handle -> {
            handle.execute("INSERT INTO probe VALUES (?)", value);
            if (value == failing) {
              throw new PreconditionFailedException("write " + value + " fails after its insert");
            }
            return null;
          });
        } catch (ScimException | RuntimeException e) {
          failed.add(value);
        }
      }
      return failed;
    };
  }

  private List<Integer> probes() {
    return database.reader().withHandle(handle -> handle.createQuery("SELECT n FROM probe ORDER BY n")
        .mapTo(Integer.class).list());
  }
}
