package io.scimgateway.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code clients} threads, each with its own connection, sending one request after
 * another for a warm-up period and then a measured period. Only requests started inside the measured
 * period count; their latencies are kept exactly (one long each) and sorted for percentiles.
 */
final class LoadRun {

  /** What to request and what the answer must contain: a GET, or a write with a JSON body. */
  record Request(String method, String target, byte[] body, int status, String... mustContain) {

    Request(String target, String... mustContain) {
      this("GET", target, null, 200, mustContain);
    }
  }

  @FunctionalInterface
  interface Plan {
    Request next(SplittableRandom random);
  }

  /** The measured outcome of one scenario. */
  record Result(String scenario, int clients, long succeeded, double seconds, long failures,
      long warmupFailures, List<String> failureSamples, long[] sortedNanos) {

    double rps() {
      return seconds > 0 ? succeeded / seconds : 0;
    }

    /** The latency at quantile {@code q} (0..1) in milliseconds, nearest-rank. */
    double millis(double q) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(q * sortedNanos.length);
      return sortedNanos[Math.min(sortedNanos.length - 1, Math.max(0, rank - 1))] / 1e6;
    }

    double maxMillis() {
      return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
  }

  private LoadRun() {
  }

  static Result run(String scenario, int clients, Duration warmup, Duration measure,
      Supplier<BenchmarkHttpClient> connections, Plan plan) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<Worker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      SplittableRandom random = new SplittableRandom(0xC0FFEEL * (i + 1) + scenario.hashCode());
      Worker worker = new Worker(connections, plan, random, ready, go);
      workers.add(worker);
      Thread thread = new Thread(worker, "load-" + scenario + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    ready.await();
    long measureStart = System.nanoTime() + warmup.toNanos();
    long measureEnd = measureStart + measure.toNanos();
    for (Worker worker : workers) {
      worker.window(measureStart, measureEnd);
    }
    go.countDown();
    long deadline = System.currentTimeMillis() + warmup.toMillis() + measure.toMillis() + 60_000;
    for (Thread thread : threads) {
      thread.join(Math.max(1, deadline - System.currentTimeMillis()));
      if (thread.isAlive()) {
        thread.interrupt();
      }
    }
    long succeeded = 0;
    long failures = 0;
    long warmupFailures = 0;
    long lastEnd = measureStart;
    List<String> samples = new ArrayList<>();
    int total = 0;
    for (Worker worker : workers) {
      total += worker.count;
    }
    long[] all = new long[total];
    int at = 0;
    for (Worker worker : workers) {
      succeeded += worker.count;
      failures += worker.failures;
      warmupFailures += worker.warmupFailures;
      lastEnd = Math.max(lastEnd, worker.lastEnd);
      System.arraycopy(worker.latencies, 0, all, at, worker.count);
      at += worker.count;
      for (String sample : worker.samples) {
        if (samples.size() < 5) {
          samples.add(sample);
        }
      }
    }
    Arrays.sort(all);
    return new Result(scenario, clients, succeeded, (lastEnd - measureStart) / 1e9, failures,
        warmupFailures, List.copyOf(samples), all);
  }

  private static final class Worker implements Runnable {
    private final Supplier<BenchmarkHttpClient> connections;
    private final Plan plan;
    private final SplittableRandom random;
    private final CountDownLatch ready;
    private final CountDownLatch go;
    private volatile long measureStart;
    private volatile long measureEnd;
    long[] latencies = new long[64 * 1024];
    int count;
    long failures;
    long warmupFailures;
    long lastEnd;
    final List<String> samples = new ArrayList<>();

    Worker(Supplier<BenchmarkHttpClient> connections, Plan plan, SplittableRandom random,
        CountDownLatch ready, CountDownLatch go) {
      this.connections = connections;
      this.plan = plan;
      this.random = random;
      this.ready = ready;
      this.go = go;
    }

    void window(long start, long end) {
      measureStart = start;
      measureEnd = end;
    }

    @Override
    public void run() {
      BenchmarkHttpClient client = connections.get();
      try {
        ready.countDown();
        go.await();
        long from = measureStart;
        long until = measureEnd;
        while (!Thread.currentThread().isInterrupted()) {
          long started = System.nanoTime();
          if (started >= until) {
            return;
          }
          Request request = plan.next(random);
          String failure;
          try {
            failure = check(request, client.send(request.method(), request.target(), request.body()));
          } catch (Exception e) {
            failure = request.target() + ": " + e;
            client.close();
          }
          long ended = System.nanoTime();
          boolean measured = started >= from;
          if (failure == null) {
            if (measured) {
              record(ended - started);
              lastEnd = ended;
            }
          } else {
            if (measured) {
              failures++;
            } else {
              warmupFailures++;
            }
            if (samples.size() < 5) {
              samples.add(failure);
            }
            Thread.sleep(10); // do not spin on a server that refuses everything
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        client.close();
      }
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[count++] = nanos;
    }

    private static String check(Request request, BenchmarkHttpClient.Reply reply) {
      String text = reply.text();
      if (reply.status() != request.status()) {
        return request.target() + ": HTTP " + reply.status() + " " + abbreviate(text);
      }
      for (String expected : request.mustContain()) {
        if (!text.contains(expected)) {
          return request.target() + ": the answer lacks " + expected + ": " + abbreviate(text);
        }
      }
      return null;
    }

    private static String abbreviate(String text) {
      return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
  }
}
