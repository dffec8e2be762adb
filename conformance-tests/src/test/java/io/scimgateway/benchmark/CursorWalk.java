package io.scimgateway.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks every user with cursor paging (RFC 9865): {@code GET /Users?cursor=&count=N}, then the
 * {@code nextCursor} of each page until a page has none. Checks that each user was seen exactly once.
 */
final class CursorWalk {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The outcome. {@code unavailable} holds why cursor paging could not be used (the gateway does not
   * offer it yet), {@code failure} what went wrong in a walk that started; both null on success.
   */
  record Result(String unavailable, String failure, int pages, int users, double seconds,
      long[] sortedPageNanos) {

    double pageMillis(double q) {
      if (sortedPageNanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(q * sortedPageNanos.length);
      return sortedPageNanos[Math.min(sortedPageNanos.length - 1, Math.max(0, rank - 1))] / 1e6;
    }
  }

  private CursorWalk() {
  }

  /**
   * Walks at most {@code maxPages} pages within {@code timeLimit}; {@code expectedUsers} of
   * {@code Integer.MAX_VALUE} or more pages than needed are a failure, as is a repeated or missing user.
   */
  static Result walk(BenchmarkHttpClient client, String prefix, int count, int expectedUsers,
      int maxPages, Duration timeLimit) throws Exception {
    long started = System.nanoTime();
    long deadline = started + timeLimit.toNanos();
    long[] pageNanos = new long[Math.max(16, maxPages + 1)];
    Set<String> seen = new HashSet<>(expectedUsers * 2);
    int pages = 0;
    int duplicates = 0;
    String target = prefix + "/Users?cursor=&count=" + count;
    while (true) {
      long before = System.nanoTime();
      BenchmarkHttpClient.Reply reply = client.get(target);
      long after = System.nanoTime();
      if (reply.status() != 200) {
        String why = "HTTP " + reply.status() + " for " + target + ": " + abbreviate(reply.text());
        return pages == 0
            ? new Result(why, null, 0, 0, 0, new long[0])
            : new Result(null, why, pages, seen.size(), seconds(started), sorted(pageNanos, pages));
      }
      pageNanos[pages++] = after - before;
      JsonNode page = JSON.readTree(reply.body(), 0, reply.length());
      for (JsonNode resource : page.path("Resources")) {
        if (!seen.add(resource.path("id").asText())) {
          duplicates++;
        }
      }
      JsonNode next = page.get("nextCursor");
      if (pages == 1 && (next == null || next.isNull()) && seen.size() < expectedUsers) {
        return new Result("the first page (" + seen.size() + " of " + page.path("totalResults").asText("?")
            + " users) has no nextCursor", null, 0, 0, 0, new long[0]);
      }
      if (next == null || next.isNull() || next.asText().isEmpty()) {
        break;
      }
      if (pages >= maxPages || System.nanoTime() > deadline) {
        return new Result(null, "the walk did not end within " + maxPages + " pages / " + timeLimit,
            pages, seen.size(), seconds(started), sorted(pageNanos, pages));
      }
      target = prefix + "/Users?cursor=" + URLEncoder.encode(next.asText(), StandardCharsets.UTF_8)
          .replace("+", "%20") + "&count=" + count;
    }
    double seconds = seconds(started);
    String failure = null;
    if (duplicates > 0 || seen.size() != expectedUsers) {
      failure = "the walk returned " + seen.size() + " distinct users (" + duplicates
          + " repeated), expected " + expectedUsers;
    }
    return new Result(null, failure, pages, seen.size(), seconds, sorted(pageNanos, pages));
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static long[] sorted(long[] values, int length) {
    long[] copy = Arrays.copyOf(values, length);
    Arrays.sort(copy);
    return copy;
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
