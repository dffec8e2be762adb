package io.scimgateway.spi;

import java.util.List;

/**
 * An optional ability of a {@link Backend}: checks the parts it depends on beyond a read through its
 * stores (which the gateway does for every backend), such as whether the embedded database can still
 * be written. Used by {@code /health/ready} and {@code backend check}. Thread-safe.
 */
public interface HealthCheck {

  /** Checks each part; never throws, and returns within a few seconds. */
  List<HealthPart> check();

  /**
   * One checked part.
   *
   * @param name what was checked, such as {@code database}
   * @param up whether it works
   * @param detail what was found, in words (why it fails, when it does)
   */
  record HealthPart(String name, boolean up, String detail) {
  }
}
