package io.scimgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.junit.jupiter.api.Test;

/** Reads take turns, in arrival order, as many at once as the backend says; writes never wait. */
class ReadAdmissionTest {

  private static final HttpHandler NOTHING = new HttpHandler() {
    @Override
    public void service(Request request, Response response) {
    }
  };

  /** Patient enough that no read in these tests runs out of it by chance. */
  private final ReadAdmission admission = new ReadAdmission(NOTHING, 1, Duration.ofMinutes(1));

  @Test
  void aReadWaitsForTheReadBeforeItAndAWriteDoesNot() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    List<String> done = new CopyOnWriteArrayList<>();
    Thread first = new Thread(() -> run(Method.GET, "/scim/v2/Users", () -> {
      firstStarted.countDown();
      assertTrue(firstMayEnd.await(10, TimeUnit.SECONDS));
      done.add("first read");
    }));
    first.start();
    assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
    Thread second = new Thread(() -> run(Method.POST, "/scim/v2/Users/.search",
        () -> done.add("second read")));
    second.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (admission.waiting() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(1, admission.waiting(), "the second read waits for its turn");
    admission.admitted(Method.PATCH, "/scim/v2/Users/1", () -> done.add("write"));
    admission.admitted(Method.POST, "/scim/v2/Users", () -> done.add("create"));
    assertEquals(List.of("write", "create"), done, "writes go ahead while the read has the turn");
    firstMayEnd.countDown();
    first.join(10_000);
    second.join(10_000);
    assertEquals(List.of("write", "create", "first read", "second read"), done);
    assertEquals(0, admission.waiting());
    assertEquals(1, admission.free());
  }

  @Test
  void aReadThatFailsGivesBackItsTurn() throws Exception {
    // The request's failure is the application's to answer; the turn comes back all the same.
    assertThrows(IllegalStateException.class, () -> admission.admitted(Method.GET, "/scim/v2/Users",
        () -> {
          throw new IllegalStateException("store failed");
        }));
    assertEquals(1, admission.free());
    List<String> done = new CopyOnWriteArrayList<>();
    Thread next = new Thread(() -> run(Method.GET, "/scim/v2/Groups", () -> done.add("next read")));
    next.start();
    next.join(10_000);
    assertEquals(List.of("next read"), done);
  }

  @Test
  void aReadWhoseTurnDoesNotComeGoesAheadAfterItsPatience() throws Exception {
    ReadAdmission impatient = new ReadAdmission(NOTHING, 1, Duration.ofMillis(50));
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch slowMayEnd = new CountDownLatch(1);
    Thread slow = new Thread(() -> {
      try {
        impatient.admitted(Method.GET, "/scim/v2/Users", () -> {
          slowStarted.countDown();
          assertTrue(slowMayEnd.await(10, TimeUnit.SECONDS));
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    slow.start();
    assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
    long start = System.nanoTime();
    List<String> done = new CopyOnWriteArrayList<>();
    impatient.admitted(Method.GET, "/scim/v2/Users/1", () -> done.add("lookup"));
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(List.of("lookup"), done, "answered while a slow read still held the only turn");
    assertTrue(waitedMillis >= 45, "waited for its turn first: " + waitedMillis + " ms");
    slowMayEnd.countDown();
    slow.join(10_000);
    assertEquals(1, impatient.free(), "a turn not taken is not given back");
  }

  @Test
  void theRequestsTheReadScopeCoversRead() {
    assertTrue(ReadAdmission.reads(Method.GET, "/scim/v2/Users"));
    assertTrue(ReadAdmission.reads(Method.OPTIONS, "/scim/v2/Users"));
    assertTrue(ReadAdmission.reads(Method.HEAD, "/scim/v2/Users/1"));
    assertTrue(ReadAdmission.reads(Method.POST, "/scim/v2/.search"));
    assertTrue(ReadAdmission.reads(Method.POST, "/scim/v2/Groups/.search"));
    assertFalse(ReadAdmission.reads(Method.POST, "/scim/v2/Users"));
    assertFalse(ReadAdmission.reads(Method.POST, "/scim/v2/Bulk"));
    assertFalse(ReadAdmission.reads(Method.PUT, "/scim/v2/Users/1"));
    assertFalse(ReadAdmission.reads(Method.DELETE, "/scim/v2/Users/1"));
    assertTrue(ReadAdmission.reads(Method.POST, "/scim/v2/Users/.search;x=1"));
    assertFalse(ReadAdmission.reads(Method.POST, "/scim/v2/Users;.search"));
  }

  private void run(Method method, String path, ReadAdmission.Work work) {
    try {
      admission.admitted(method, path, work);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
