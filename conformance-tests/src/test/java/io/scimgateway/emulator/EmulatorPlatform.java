package io.scimgateway.emulator;

/** What a platform adds to {@link EmulatorServer}: its routes, and its own shape of the injected faults' answers. */
public interface EmulatorPlatform {

  /** Answers a request no fault intercepted; platform errors may be thrown as {@link EmulatorError}. */
  EmulatorResponse answer(EmulatorRequest request);

  /** The platform's 429, with its Retry-After and rate-limit headers. */
  EmulatorResponse rateLimited(int retryAfterSeconds);

  /** The platform's 500, also sent when answering fails unexpectedly. */
  EmulatorResponse serverError();
}
