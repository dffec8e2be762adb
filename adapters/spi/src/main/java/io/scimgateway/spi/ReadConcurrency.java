package io.scimgateway.spi;

/**
 * A backend capability: how many reads ({@code GET}, {@code HEAD}, {@code OPTIONS}, {@code POST
 * .search}) the gateway works on at once for this backend. A store that answers reads with this
 * machine's cores, as the embedded SQLite file does, is no faster with more reads in progress than
 * it has cores: they only take turns on the cores, and a read that loses its turn waits for the
 * others to have theirs, which is what the slowest answers are made of. Further reads wait for a
 * turn in arrival order, without taking a core. Writes are not counted: they mostly wait for the
 * disk, and group commit shares one sync among the writes that wait together. A backend without it
 * has its reads limited only by the HTTP server's workers. Found with {@link
 * Backend#capability(Class)}.
 *
 * @param reads at least 1
 */
public record ReadConcurrency(int reads) {

  public ReadConcurrency {
    if (reads < 1) {
      throw new IllegalArgumentException("reads must be at least 1, not " + reads);
    }
  }
}
