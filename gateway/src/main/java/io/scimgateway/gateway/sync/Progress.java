package io.scimgateway.gateway.sync;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How far the writes are: on a terminal, a bar redrawn in place with the rate and the time left;
 * otherwise (a scheduler's log) a plain line every tenth of the way, so logs stay short.
 */
abstract class Progress {

  private final long total;
  private final long startNanos = System.nanoTime();
  private long done;

  Progress(long total) {
    this.total = Math.max(total, 1);
  }

  static Progress to(PrintStream out, long total, boolean terminal) {
    return terminal ? new Bar(out, total) : new Lines(out, total);
  }

  final void advance(long writes) {
    long before = done;
    done = Math.min(total, done + writes);
    show(before, done);
  }

  /** Ends the bar's line; nothing for plain lines. */
  void finish() {}

  abstract void show(long before, long now);

  final String status() {
    double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 0.001);
    double rate = done / seconds;
    long left = rate <= 0 ? 0 : Math.round((total - done) / rate);
    Duration eta = Duration.ofSeconds(left);
    return String.format("%,d/%,d writes (%d%%), %,.0f/s, %d:%02d left", done, total,
        done * 100 / total, rate, eta.toMinutes(), eta.toSecondsPart());
  }

  final long total() {
    return total;
  }

  /** {@code [#######.......] 4,500/10,000 writes (45%), 1,234/s, 0:05 left}, redrawn in place. */
  private static final class Bar extends Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private long lastDrawn;

    Bar(PrintStream out, long total) {
      super(total);
      this.out = out;
    }

    @Override
    void show(long before, long now) {
      long time = System.nanoTime();
      if (now < total() && time - lastDrawn < 100_000_000L) {
        return; // ten redraws a second are plenty
      }
      lastDrawn = time;
      int filled = (int) (now * WIDTH / total());
      out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + status() + "   ");
      out.flush();
    }

    @Override
    void finish() {
      out.println();
    }
  }

  /** {@code progress: 4,500/10,000 writes (45%), ...} at each tenth. */
  private static final class Lines extends Progress {
    private final PrintStream out;

    Lines(PrintStream out, long total) {
      super(total);
      this.out = out;
    }

    @Override
    void show(long before, long now) {
      if (before * 10 / total() != now * 10 / total()) {
        out.println("progress: " + status());
        out.flush();
      }
    }
  }
}
