package io.scimgateway.gateway.delivery;

import io.scimgateway.gateway.core.password.ResetDelivery;
import io.scimgateway.gateway.core.password.ResetSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reset sink an operator opts into with {@code passwordReset.sink: log}: one INFO line per reset
 * at the logger {@value #LOGGER}, and only there, so that operators can route that logger to where
 * the secrets belong. Unrouted, that logger writes to the general log, which is why it is not the
 * default ({@link FileResetSink} is). Thread-safe.
 */
public final class LogResetSink implements ResetSink {

  public static final String LOGGER = "io.scimgateway.passwordreset";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void deliver(ResetDelivery delivery) {
    LOG.info(line(delivery));
  }

  /** The one line that tells a reset: user id, userName, token and expiry. */
  static String line(ResetDelivery delivery) {
    return "Password reset for user " + delivery.userId() + " (userName "
        + printable(delivery.userName()) + "): token " + delivery.token() + ", expires "
        + delivery.expires();
  }

  /** A userName is the client's text: quoted, and without line breaks that could forge log lines. */
  private static String printable(String userName) {
    return userName == null ? "none" : "\"" + userName.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
