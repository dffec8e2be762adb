package io.scimgateway.gateway.core.write;

import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import io.scimgateway.spi.StoredResource;

/**
 * The conditional headers of a request: {@code If-Match} guards writes (412 when the resource has
 * moved on), {@code If-None-Match} turns a read of an unchanged resource into 304.
 */
public record Preconditions(String ifMatch, String ifNoneMatch) {

  public static final Preconditions NONE = new Preconditions(null, null);

  /** Throws 412 when {@code If-Match} is present and does not name the current version. */
  public void checkWrite(StoredResource current) throws PreconditionFailedException {
    if (ifMatch != null && !ETags.allowsWrite(ifMatch, current)) {
      throw new PreconditionFailedException("If-Match " + ifMatch + " does not match the current "
          + "version " + ETags.of(current) + ": the resource changed since you read it. Read it "
          + "again and retry.");
    }
  }

  /** Whether a read may answer 304: {@code If-None-Match} names the current version. */
  public boolean notModified(StoredResource current) {
    return ifNoneMatch != null && ETags.matches(ifNoneMatch, current);
  }
}
