package io.scimgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  private final ReadAdmission admission = new ReadAdmission(new HttpHandler() {
    @Override
    public void service(Request request, Response response) {
    }
  }, 1);

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
  }

  @Test
  void aReadThatFailsGivesBackItsTurn() throws Exception {
    try {
      admission.admitted(Method.GET, "/scim/v2/Users", () -> {
        throw new IllegalStateException("store failed");
      });
    } catch (IllegalStateException expected) {
      // the request's failure is the application's to answer
    }
    List<String> done = new CopyOnWriteArrayList<>();
    Thread next = new Thread(() -> run(Method.GET, "/scim/v2/Groups", () -> done.add("next read")));
    next.start();
    next.join(10_000);
    assertEquals(List.of("next read"), done);
  }

  @Test
  void onlyGetHeadAndSearchesRead() {
    assertTrue(ReadAdmission.reads(Method.GET, "/scim/v2/Users"));
    assertTrue(ReadAdmission.reads(Method.HEAD, "/scim/v2/Users/1"));
    assertTrue(ReadAdmission.reads(Method.POST, "/scim/v2/.search"));
    assertTrue(ReadAdmission.reads(Method.POST, "/scim/v2/Groups/.search"));
    assertFalse(ReadAdmission.reads(Method.POST, "/scim/v2/Users"));
    assertFalse(ReadAdmission.reads(Method.POST, "/scim/v2/Bulk"));
    assertFalse(ReadAdmission.reads(Method.PUT, "/scim/v2/Users/1"));
    assertFalse(ReadAdmission.reads(Method.DELETE, "/scim/v2/Users/1"));
  }

  private void run(Method method, String path, ReadAdmission.Work work) {
    try {
      admission.admitted(method, path, work);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
