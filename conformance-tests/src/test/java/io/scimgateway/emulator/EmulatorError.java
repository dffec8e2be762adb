package io.scimgateway.emulator;

/** A platform's error, thrown while answering and sent as the platform would send it. */
public abstract class EmulatorError extends RuntimeException {

  protected EmulatorError(String message) {
    super(message);
  }

  /** The status, headers and body the platform answers with. */
  public abstract EmulatorResponse response();
}
