package io.scimgateway.gateway.http;

import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.ProcessingState;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.Header;

/**
 * Grizzly's HTTP codec, except that an error status alone does not close the connection.
 *
 * <p>Grizzly closes the connection after every {@code 400}, {@code 413}, {@code 500} and a few others,
 * whatever else is true. A SCIM client that sent one bad request would then pay a new connection (and,
 * behind a proxy, a new TLS handshake) for its next one. This codec keeps the connection open when
 * Grizzly would have kept it open for any other status: the client asked for keep-alive, the request
 * was read to its end (so the next request starts where this one ended), the answer's length is known,
 * the application did not ask to close, and the connection is under its request count. When a
 * request body was not read (an oversized body refused on its {@code Content-Length}), the connection
 * still closes, as it must.
 *
 * <p>Grizzly decides in one private step before it writes the status line; this codec notes the
 * client's wish before that step and, right after the status line is written and before the headers
 * are, undoes the close that the status alone caused. Shared by all connections; thread-safe.
 */
final class ClientErrorKeepAliveFilter extends HttpServerFilter {

  private final Attribute<Boolean> keepAliveWished =
      Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(getClass().getName() + ".keepAliveWished");
  private final Attribute<AtomicInteger> answered = Grizzly.DEFAULT_ATTRIBUTE_BUILDER
      .createAttribute(getClass().getName() + ".answered", () -> new AtomicInteger());
  private final int maxRequestsPerConnection;

  ClientErrorKeepAliveFilter(boolean chunkingEnabled, int maxHeadersSize, KeepAlive keepAlive,
      int maxRequestHeaders, int maxResponseHeaders) {
    super(chunkingEnabled, maxHeadersSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
    this.maxRequestsPerConnection = keepAlive == null ? 0 : keepAlive.getMaxRequestsCount();
  }

  @Override
  protected Buffer encodeHttpPacket(FilterChainContext ctx, HttpPacket input) {
    HttpResponsePacket response = (HttpResponsePacket) input.getHttpHeader();
    if (!response.isCommitted() && !response.isAcknowledgement()) {
      // Read before Grizzly decides: until then the state holds what the request asked for.
      ProcessingState state = response.getProcessingState();
      int count = answered.get(ctx.getConnection()).incrementAndGet();
      boolean wished = state.isKeepAlive() && !state.isError()
          && !response.containsHeader(Header.Connection)
          && (maxRequestsPerConnection < 0 || count < maxRequestsPerConnection);
      keepAliveWished.set(response, wished);
    }
    return super.encodeHttpPacket(ctx, input);
  }

  @Override
  protected void onInitialLineEncoded(HttpHeader header, FilterChainContext ctx) {
    HttpResponsePacket response = (HttpResponsePacket) header;
    ProcessingState state = response.getProcessingState();
    if (state.isKeepAlive() || !statusDropsConnection(response.getStatus())
        || !Boolean.TRUE.equals(keepAliveWished.get(response))
        || !lengthKnown(response) || !readToEnd(response)) {
      return;
    }
    state.setKeepAlive(true);
    if (response.getRequest().getProtocol() == Protocol.HTTP_1_1) {
      response.getHeaders().removeHeader(Header.Connection);
    } else {
      response.getHeaders().setValue(Header.Connection).setString("keep-alive");
    }
  }

  /** Without a length or chunks, only closing the connection tells the client where the body ends. */
  private static boolean lengthKnown(HttpResponsePacket response) {
    return !response.isExpectContent() || response.isChunked() || response.getContentLength() != -1;
  }

  private static boolean readToEnd(HttpResponsePacket response) {
    return !response.getRequest().isExpectContent() && !response.getRequest().isContentBroken();
  }
}
