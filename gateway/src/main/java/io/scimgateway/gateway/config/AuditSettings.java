package io.scimgateway.gateway.config;

/**
 * The {@code audit:} section.
 *
 * @param enabled whether changes are recorded (true unless set); off, changes are made unrecorded
 *     and the events recorded earlier stay readable
 * @param retention how long the audit trail keeps events; unset, it keeps them all
 */
public record AuditSettings(Boolean enabled, Retention retention) {

  public AuditSettings {
    enabled = enabled == null || enabled;
    retention = retention == null ? new Retention(null, null, null) : retention;
  }

  /**
   * {@code audit.retention}: events older than {@code days}, and those beyond the newest
   * {@code count}, are deleted in the background every {@code everySeconds}.
   */
  public record Retention(Integer days, Long count, Integer everySeconds) {

    public Retention {
      if (days != null && days < 1) {
        throw new IllegalArgumentException("audit.retention.days must be at least 1; leave it out "
            + "to keep events however old they are.");
      }
      if (count != null && count < 1) {
        throw new IllegalArgumentException("audit.retention.count must be at least 1; leave it out "
            + "to keep any number of events.");
      }
      everySeconds = everySeconds == null ? 300 : everySeconds;
      if (everySeconds < 1) {
        throw new IllegalArgumentException("audit.retention.everySeconds must be at least 1.");
      }
    }

    /** Whether anything is ever deleted. */
    public boolean limited() {
      return days != null || count != null;
    }
  }
}
