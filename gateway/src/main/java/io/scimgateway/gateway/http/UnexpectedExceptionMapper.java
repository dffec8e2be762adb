package io.scimgateway.gateway.http;

import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a failure nobody anticipated. The client gets 500 with a correlation id and nothing
 * of the internals; the log gets the id and the stack trace, so an operator can find one from the other.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    String correlationId = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + correlationId, exception);
    return ScimErrors.response(500, null, "The gateway failed unexpectedly. Quote correlation id "
        + correlationId + " to the operator; the gateway's log has the details.");
  }
}
