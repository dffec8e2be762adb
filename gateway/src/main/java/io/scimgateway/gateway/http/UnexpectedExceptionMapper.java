package io.scimgateway.gateway.http;

import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The last resort: a failure nobody anticipated. The client gets 500 with a correlation id and nothing
 * of the internals; the log gets the id and the stack trace, so an operator can find one from the other.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable exception) {
    // The request's X-Request-Id where there is one, so the client already holds the id.
    String requestId = MDC.get("requestId");
    String correlationId = requestId != null ? requestId : UUID.randomUUID().toString();
    LOG.error("Unexpected failure, correlation id " + correlationId, exception);
    return ScimErrors.response(500, null, "The gateway failed unexpectedly. Quote correlation id "
        + correlationId + " to the operator; the gateway's log has the details.");
  }
}
