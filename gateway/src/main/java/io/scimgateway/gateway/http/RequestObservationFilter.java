package io.scimgateway.gateway.http;

import io.scimgateway.gateway.metrics.GatewayMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.MDC;

/**
 * Sees every request first and its answer last: takes the client's {@code X-Request-Id} (or makes
 * one) and returns it, times the request, counts the bytes of the body written, and hands the
 * finished {@link RequestRecord} to the metrics and the access log. The id is in the logging
 * context ({@code requestId}) while the request runs, so every line it causes carries it.
 */
@PreMatching
@Priority(10)
public final class RequestObservationFilter
    implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

  /** The header that carries the correlation id both ways. */
  public static final String REQUEST_ID = "X-Request-Id";

  /** The request property holding the id; error answers quote it. */
  public static final String REQUEST_ID_PROPERTY = "scim-gateway.requestId";

  /** The request property holding the client's address. */
  static final String CLIENT_PROPERTY = "scim-gateway.client";

  private static final String STARTED = "scim-gateway.started";
  private static final String RECORD = "scim-gateway.record";
  private static final Pattern GOOD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final GatewayMetrics metrics;
  private final AccessLog accessLog;
  @Inject
  private Provider<Request> grizzly;

  public RequestObservationFilter(GatewayMetrics metrics, AccessLog accessLog) {
    this.metrics = metrics;
    this.accessLog = accessLog;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
    String given = request.getHeaderString(REQUEST_ID);
    String id = given != null && GOOD_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    request.setProperty(REQUEST_ID_PROPERTY, id);
    request.setProperty(CLIENT_PROPERTY, clientAddress());
    MDC.put("requestId", id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String id = (String) request.getProperty(REQUEST_ID_PROPERTY);
    if (id == null) {
      return; // refused before this filter ran
    }
    response.getHeaders().putSingle(REQUEST_ID, id);
    RequestRecord record = RequestRecord.of(request, response.getStatus(),
        (Long) request.getProperty(STARTED), (String) request.getProperty(CLIENT_PROPERTY));
    if (response.hasEntity()) {
      request.setProperty(RECORD, record); // finished once the body is written
    } else {
      finish(record, 0);
    }
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    RequestRecord record = (RequestRecord) context.getProperty(RECORD);
    if (record == null) {
      context.proceed();
      return;
    }
    CountingOutputStream counted = new CountingOutputStream(context.getOutputStream());
    context.setOutputStream(counted);
    try {
      context.proceed();
    } finally {
      finish(record, counted.count());
    }
  }

  private String clientAddress() {
    try {
      Request current = grizzly.get();
      return current == null ? "-" : current.getRemoteAddr();
    } catch (RuntimeException outsideARequest) {
      return "-";
    }
  }

  private void finish(RequestRecord record, long bytes) {
    long nanos = System.nanoTime() - record.startedNanos();
    metrics.request(record.endpoint(), record.method(), record.status(), nanos);
    accessLog.write(record, bytes, nanos);
    MDC.remove("requestId");
  }
}
