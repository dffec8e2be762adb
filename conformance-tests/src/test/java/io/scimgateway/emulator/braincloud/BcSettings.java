package io.scimgateway.emulator.braincloud;

import java.time.Duration;
import java.util.Set;

/**
 * How a {@link BcEmulator} behaves where a test may want it to differ.
 *
 * @param appId the app the one known server belongs to
 * @param serverName the server's name (portal: Design, Cloud Code, My Servers)
 * @param serverSecret the server's secret
 * @param sessionLifetime how long a session lives without a packet; a later packet is refused with 40365
 * @param heartbeatSeconds what AUTHENTICATE tells the client about keeping the session alive
 * @param notFoundReason the reason code for an unknown profileId, undocumented (open question 2): 40446 by default
 * @param minPasswordLength shorter passwords are refused with 550022
 * @param externalAuthTypes the codes of the external authentication types configured in the app
 */
public record BcSettings(String appId, String serverName, String serverSecret, Duration sessionLifetime,
    int heartbeatSeconds, int notFoundReason, int minPasswordLength, Set<String> externalAuthTypes) {

  public BcSettings {
    externalAuthTypes = Set.copyOf(externalAuthTypes);
  }

  public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofMinutes(30);
  /** The external authentication type an emulated app has unless told otherwise. */
  public static final String EXTERNAL_AUTH_TYPE = "corpdir";

  public static BcSettings of(String appId, String serverName, String serverSecret) {
    return new BcSettings(appId, serverName, serverSecret, DEFAULT_SESSION_LIFETIME, 1800,
        BcFailure.PROFILE_NOT_FOUND, 6, Set.of(EXTERNAL_AUTH_TYPE));
  }

  public BcSettings withSessionLifetime(Duration lifetime) {
    return new BcSettings(appId, serverName, serverSecret, lifetime, heartbeatSeconds, notFoundReason,
        minPasswordLength, externalAuthTypes);
  }

  public BcSettings withNotFoundReason(int reason) {
    return new BcSettings(appId, serverName, serverSecret, sessionLifetime, heartbeatSeconds, reason,
        minPasswordLength, externalAuthTypes);
  }
}
