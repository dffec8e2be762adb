package io.scimgateway.gateway.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default reset sink ({@code passwordReset.sink: log}): one INFO line per reset at the logger
 * {@value #LOGGER}, and only there, so that operators can route that logger to where the secrets
 * belong and keep them out of the general log. Thread-safe.
 */
public final class LogResetSink implements ResetSink {

  public static final String LOGGER = "io.scimgateway.passwordreset";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void deliver(ResetDelivery delivery) {
    LOG.info("Password reset for user " + delivery.userId() + " (userName "
        + printable(delivery.userName()) + "): token " + delivery.token() + ", expires "
        + delivery.expires());
  }

  /** A userName is the client's text: quoted, and without line breaks that could forge log lines. */
  private static String printable(String userName) {
    return userName == null ? "none" : "\"" + userName.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
