package io.scimgateway.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Samples a process's resident memory from {@code /proc/<pid>/status} (Linux): {@code VmRSS} every
 * {@code interval} on a daemon thread, and {@code VmHWM}, the kernel's own peak, on request. Both
 * count the process and its descendants: {@code java -jar scim-gateway.jar} runs the gateway in a
 * child JVM, and the parent's memory counts too (the start script runs it in one). The summed peaks
 * are an upper bound of the tree's peak (the processes may peak at different moments).
 */
final class MemorySampler implements AutoCloseable {

  private final long pid;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakRssKb;
  private volatile long lastRssKb;
  private volatile int samples;

  MemorySampler(long pid, long intervalMillis) {
    this.pid = pid;
    this.thread = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "memory-sampler-" + pid);
    thread.setDaemon(true);
    thread.start();
  }

  /** Takes one sample now; returns VmRSS in kB, or -1 when the process is gone. */
  long sample() {
    OptionalLong rss = treeField(pid, "VmRSS");
    if (rss.isPresent()) {
      lastRssKb = rss.getAsLong();
      peakRssKb = Math.max(peakRssKb, lastRssKb);
      samples++;
      return lastRssKb;
    }
    return -1;
  }

  long peakSampledRssKb() {
    return peakRssKb;
  }

  long lastRssKb() {
    return lastRssKb;
  }

  int samples() {
    return samples;
  }

  /** The kernel's high-water mark of resident memory, in kB, or -1 when unavailable. */
  long vmHwmKb() {
    return treeField(pid, "VmHWM").orElse(-1);
  }

  /** The field summed over the process and its descendants; empty when the process is gone. */
  static OptionalLong treeField(long pid, String field) {
    OptionalLong own = statusField(pid, field);
    if (own.isEmpty()) {
      return own;
    }
    long sum = own.getAsLong();
    for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList())
        .orElse(List.of())) {
      sum += statusField(child.pid(), field).orElse(0);
    }
    return OptionalLong.of(sum);
  }

  static OptionalLong statusField(long pid, String field) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"));
      for (String line : lines) {
        if (line.startsWith(field + ":")) {
          String value = line.substring(field.length() + 1).trim();
          return OptionalLong.of(Long.parseLong(value.split("\\s+")[0]));
        }
      }
      return OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
