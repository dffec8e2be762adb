package io.scimgateway.kit.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the crash tests only: with {@code SCIM_GATEWAY_TEST_PAUSE_BEFORE_LOCAL_WRITE} set to a value, a
 * create or replace whose {@code externalId} is that value stops for good after its platform calls
 * and before its local-state write, and says so in the log, so that a test can kill the process at
 * exactly that point. Unset (always, outside those tests), it does nothing.
 */
final class LocalWritePause {

  private static final Logger LOG = LoggerFactory.getLogger(LocalWritePause.class);
  private static final String MARK = System.getenv("SCIM_GATEWAY_TEST_PAUSE_BEFORE_LOCAL_WRITE");

  private LocalWritePause() {
  }

  static void before(String operation, ObjectNode kept) {
    if (MARK != null && MARK.equals(kept.path("externalId").asText(null))) {
      LOG.warn("Paused before the local-state write of a {}, to be killed", operation);
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
