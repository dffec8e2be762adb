package io.scimgateway.kit;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Function;

/**
 * Turns a platform's failure into the SCIM error its cause deserves. The platform's own body never
 * reaches the SCIM client: only the reason in words that the adapter extracts from it (Appwrite's
 * {@code message}, say), and never for failures of the gateway's own credentials.
 */
public final class PlatformErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PlatformClientSettings settings;
  private final Function<PlatformResponse, String> reason;

  /**
   * @param reason extracts the platform's explanation in words from an error body (empty if none)
   */
  public PlatformErrors(PlatformClientSettings settings, Function<PlatformResponse, String> reason) {
    this.settings = settings;
    this.reason = reason;
  }

  /**
   * A reason for {@link #PlatformErrors} read from a JSON error body by {@code explain}: empty when
   * the body is missing or not JSON.
   */
  public static Function<PlatformResponse, String> fromJsonBody(Function<JsonNode, String> explain) {
    return response -> {
      try {
        return explain.apply(JSON.readTree(response.body() == null ? "" : response.body()));
      } catch (Exception e) {
        return "";
      }
    };
  }

  public ScimException translate(PlatformResponse response) {
    String platform = settings.platform();
    String why = reason.apply(response);
    String because = why == null || why.isBlank() ? "" : ": " + why;
    return switch (response.status()) {
      case 400, 422 -> BadRequestException.invalidValue(platform + " refused the value" + because);
      case 401, 403 -> credentialsRefused(response.status());
      case 404 -> new ResourceNotFoundException(platform + " has no such resource" + because);
      case 409 -> ResourceConflictException.uniqueness(platform + " already has a resource with "
          + "these unique values" + because);
      case 412 -> new PreconditionFailedException(platform + " reports that the resource changed "
          + "since it was read. Read it again and retry.");
      case 429 -> new ScimException(503, null, platform + " is limiting the gateway's request rate "
          + "and retries did not get through. Try again later.");
      default -> new ScimException(502, null, platform + " failed (HTTP " + response.status()
          + ") and retries did not help. Try again later; if it persists, check " + platform + ".");
    };
  }

  /** The platform refused the gateway's own credentials: the operator's to fix, not the client's. */
  public ScimException credentialsRefused(int status) {
    return new ScimException(502, null, settings.platform() + " refused the gateway's own "
        + "credentials (HTTP " + status + "). Check " + settings.credentialsSetting()
        + " in the gateway's configuration.");
  }

  /** The platform answered something the adapter cannot read (a changed API, a proxy's page). */
  public ScimException unreadable(String what) {
    return new ScimException(502, null, settings.platform() + " answered with " + what
        + ", which the gateway cannot read. Check that backend.endpoint points at the API.");
  }

  ScimException timeout() {
    return new ScimException(504, null, settings.platform() + " did not answer within "
        + settings.readTimeout().toMillis() + " ms, even after retries.");
  }

  ScimException unreachable() {
    return new ScimException(502, null, "The gateway cannot reach " + settings.platform() + " at "
        + settings.baseUri().getHost() + ". Check the backend's endpoint setting and the network.");
  }

  ScimException busy() {
    return new ScimException(503, null, "Too many calls to " + settings.platform() + " are in flight; "
        + "try again shortly.");
  }
}
