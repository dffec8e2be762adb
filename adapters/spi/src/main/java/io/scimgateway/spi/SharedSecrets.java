package io.scimgateway.spi;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * A backend capability: secrets kept by the backend and so shared by every gateway instance that
 * serves it. The gateway seals its cursors with one, so that a cursor one instance made is accepted by
 * any other behind the same load balancer. Without the capability each process makes its own.
 */
public interface SharedSecrets {

  /**
   * The secret named {@code name}: {@code bytes} random bytes, made by whichever instance asks first
   * and the same for every instance (and every restart) afterwards.
   */
  byte[] secret(String name, int bytes) throws ScimException;
}
