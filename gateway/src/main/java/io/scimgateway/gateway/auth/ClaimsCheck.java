package io.scimgateway.gateway.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies a JWT's claims with Nimbus's {@link DefaultJWTClaimsVerifier} (exact issuer, accepted
 * audiences, required {@code exp}, {@code exp}/{@code nbf} with clock skew) and, when it refuses,
 * works out from the claims which rule failed, so the client is told the right reason without
 * depending on Nimbus's message wording. Immutable and thread-safe.
 */
final class ClaimsCheck implements JWTClaimsSetVerifier<SecurityContext> {

  /** A refusal that carries the sentence to show the client. */
  static final class Refused extends BadJWTException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    Refused(String reason, BadJWTException cause) {
      super(reason, cause);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  private final DefaultJWTClaimsVerifier<SecurityContext> nimbus;
  private final String issuer;
  private final Set<String> audiences;
  private final long skewMillis;

  ClaimsCheck(JwtSettings settings) {
    this.issuer = settings.issuer();
    this.audiences = Set.copyOf(settings.audiences());
    this.skewMillis = settings.clockSkew().toMillis();
    this.nimbus = new DefaultJWTClaimsVerifier<>(
        new HashSet<>(settings.audiences()),
        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
        Set.of(JWTClaimNames.EXPIRATION_TIME),
        null);
    nimbus.setMaxClockSkew((int) settings.clockSkew().toSeconds());
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    try {
      nimbus.verify(claims, context);
    } catch (ExpiredJWTException e) {
      throw new Refused(RejectionReasons.EXPIRED, e);
    } catch (BadJWTException e) {
      throw new Refused(classify(claims), e);
    }
  }

  /** Finds the failed rule, checking in the order Nimbus checks them. */
  private String classify(JWTClaimsSet claims) {
    List<String> aud = claims.getAudience();
    if (aud == null || aud.stream().noneMatch(audiences::contains)) {
      return RejectionReasons.AUDIENCE;
    }
    if (claims.getExpirationTime() == null) {
      return RejectionReasons.NO_EXPIRY;
    }
    if (!issuer.equals(claims.getIssuer())) {
      return RejectionReasons.ISSUER;
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.getTime() - skewMillis > System.currentTimeMillis()) {
      return RejectionReasons.NOT_YET_VALID;
    }
    return RejectionReasons.CLAIMS;
  }
}
