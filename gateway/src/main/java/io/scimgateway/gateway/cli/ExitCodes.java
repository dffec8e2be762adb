package io.scimgateway.gateway.cli;

/** The exit codes every command uses, so that scripts can tell outcomes apart. */
public final class ExitCodes {

  /** Done, or the thing checked is fine. */
  public static final int OK = 0;

  /** The command ran, and what it checked is not fine (a problem in the file, a backend down, no such token). */
  public static final int PROBLEMS = 1;

  /** The command could not run as asked: bad flags or an unusable configuration. */
  public static final int USAGE = 2;

  /** Something failed that the command did not expect; the message says what. */
  public static final int FAILED = 3;

  private ExitCodes() {
  }
}
