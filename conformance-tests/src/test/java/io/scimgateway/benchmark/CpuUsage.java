package io.scimgateway.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU went during a scenario (Linux {@code /proc}): the server under test (the
 * sum of its processes where there are several), this load generator, and everything else. On a 2-core machine the load generator competes with the
 * server, and other processes make figures incomparable; printing the split shows both.
 */
final class CpuUsage {

  private final long[] serverPids;
  private final long machineBusy;
  private final long machineTotal;
  private final long server;
  private final long self;

  private CpuUsage(long... serverPids) {
    this.serverPids = serverPids;
    long[] machine = machine();
    this.machineBusy = machine[0];
    this.machineTotal = machine[1];
    this.server = summedTicks(serverPids);
    this.self = processTicks(ProcessHandle.current().pid());
  }

  /** A snapshot to compare a later one with. */
  static CpuUsage start(long... serverPids) {
    return new CpuUsage(serverPids);
  }

  /**
   * Percentages of one core since {@link #start} ({@code 200} = both cores of a 2-core machine):
   * "server/generator/other", or "-" when {@code /proc} is unavailable.
   */
  String since() {
    CpuUsage now = new CpuUsage(serverPids);
    long total = now.machineTotal - machineTotal;
    if (total <= 0 || machineTotal < 0 || server < 0 || self < 0 || now.server < 0) {
      return "-";
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double scale = 100.0 * cores / total;
    long busy = now.machineBusy - machineBusy;
    long serverTicks = now.server - server;
    long selfTicks = now.self - self;
    long other = Math.max(0, busy - serverTicks - selfTicks);
    return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", serverTicks * scale, selfTicks * scale, other * scale);
  }

  /** The server's CPU since {@link #start}, in % of one core, or NaN when /proc is unavailable. */
  double serverPercent() {
    CpuUsage now = new CpuUsage(serverPids);
    long total = now.machineTotal - machineTotal;
    if (total <= 0 || machineTotal < 0 || server < 0 || now.server < 0) {
      return Double.NaN;
    }
    return (now.server - server) * 100.0 * Runtime.getRuntime().availableProcessors() / total;
  }

  /** Busy and total ticks of all CPUs, from the first line of /proc/stat. */
  private static long[] machine() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] fields = line.trim().split("\\s+");
      long total = 0;
      // user nice system idle iowait irq softirq steal (guest time is already in user)
      for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  /** utime + stime of a process, in clock ticks, or -1. */
  /** The processes' user and system ticks summed, or -1 when one cannot be read. */
  private static long summedTicks(long[] pids) {
    long sum = 0;
    for (long pid : pids) {
      long ticks = processTicks(pid);
      if (ticks < 0) {
        return -1;
      }
      sum += ticks;
    }
    return sum;
  }

  private static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state(0) ppid(1) ... utime(11) stime(12)
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
