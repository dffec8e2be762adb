package io.scimgateway.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import io.scimgateway.sqlitefile.SqliteDatabase;
import io.scimgateway.sqlitefile.SqliteSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;

/**
 * The embedded store's group commit on a real file: writes waiting together share one commit, none is
 * answered before its commit, and one that fails leaves no trace while its neighbours commit.
 */
class GroupCommitTest {

  @TempDir
  Path directory;

  private SqliteDatabase database;
  private final AtomicInteger commits = new AtomicInteger();

  @BeforeEach
  void open() throws Exception {
    database = new SqliteDatabase(SqliteSettings.defaults(directory.resolve("store.db")),
        SqliteBackend.MIGRATIONS);
    database.write(handle -> handle.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)"));
    database.write(handle -> handle.execute("CREATE TABLE calibration (n INTEGER)"));
    database.writer().useHandle(handle -> handle.getConnection().unwrap(SQLiteConnection.class)
        .addCommitListener(new SQLiteCommitListener() {
          @Override
          public void onCommit() {
            commits.incrementAndGet();
          }

          @Override
          public void onRollback() {
          }
        }));
    commits.set(0);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void writesWaitingTogetherShareOneCommitAndAFailedOneLeavesNoTrace() throws Exception {
    // Commit events of one transaction (the driver reports more than one per commit), counted on a
    // write of its own before the others start.
    database.write(handle -> handle.execute("INSERT INTO calibration VALUES (1)"));
    int perCommit = commits.getAndSet(0);
    assertTrue(perCommit > 0, "the commit listener hears commits");
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(33);
    try {
      // The first write holds the commit thread, so that the next 32 queue up behind it.
      Future<Object> first = pool.submit(() -> database.write(handle -> {
        holding.countDown();
        awaitQuietly(release);
        return handle.execute("INSERT INTO probe VALUES (0)");
      }));
      holding.await(10, TimeUnit.SECONDS);
      List<Future<Integer>> writes = new ArrayList<>();
      for (int n = 1; n <= 32; n++) {
        int value = n;
        writes.add(pool.submit(() -> database.write(handle -> {
          int seenCommits = commits.get();
          handle.execute("INSERT INTO probe VALUES (?)", value);
          if (value % 8 == 0) {
            throw new PreconditionFailedException("write " + value + " fails after its insert");
          }
          return seenCommits;
        })));
      }
      Thread.sleep(300); // the 32 are queued
      release.countDown();
      first.get(10, TimeUnit.SECONDS);
      for (int n = 1; n <= 32; n++) {
        Future<Integer> write = writes.get(n - 1);
        if (n % 8 == 0) {
          Exception failed = assertThrows(Exception.class, () -> write.get(10, TimeUnit.SECONDS));
          assertTrue(failed.getCause() instanceof PreconditionFailedException, failed.toString());
        } else {
          int commitsWhenRun = write.get(10, TimeUnit.SECONDS);
          assertTrue(commits.get() > commitsWhenRun, "answered only after a commit that followed it");
        }
      }
      assertEquals(2 * perCommit, commits.get(),
        "the held write's commit, then one for the 32 that waited");
    } finally {
      pool.shutdownNow();
    }
    List<Integer> stored = database.writer().withHandle(handle ->
        handle.createQuery("SELECT n FROM probe ORDER BY n").mapTo(Integer.class).list());
    List<Integer> expected = new ArrayList<>();
    for (int n = 0; n <= 32; n++) {
      if (n == 0 || n % 8 != 0) {
        expected.add(n);
      }
    }
    assertEquals(expected, stored, "the failed writes left nothing, their neighbours are there");
  }

  /**
   * A write alone in its group runs without a savepoint (SQLite would copy each page it changes to
   * the sub-journal); one that fails after its insert still leaves nothing, since its transaction is
   * rolled back instead, and the next write commits as usual.
   */
  @Test
  void aWriteAloneInItsGroupTakesNoSavepointAndAFailedOneLeavesNoTrace() throws Exception {
    List<String> statements = new CopyOnWriteArrayList<>();
    database.writer().setSqlLogger(new SqlLogger() {
      @Override
      public void logAfterExecution(StatementContext context) {
        statements.add(context.getRawSql());
      }
    });
    database.write(handle -> handle.execute("INSERT INTO probe VALUES (1)"));
    PreconditionFailedException failed = assertThrows(PreconditionFailedException.class,
        () -> database.write(handle -> {
          handle.execute("INSERT INTO probe VALUES (2)");
          throw new PreconditionFailedException("fails after its insert");
        }));
    assertEquals("fails after its insert", failed.getMessage());
    database.write(handle -> handle.execute("INSERT INTO probe VALUES (3)"));
    assertEquals(List.of(1, 3), database.writer().withHandle(handle ->
        handle.createQuery("SELECT n FROM probe ORDER BY n").mapTo(Integer.class).list()));
    assertTrue(statements.contains("INSERT INTO probe VALUES (2)"), statements.toString());
    assertTrue(statements.stream().noneMatch(sql -> sql.contains("SAVEPOINT")), statements.toString());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
