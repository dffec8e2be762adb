package io.scimgateway.gateway.http;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Puts {@link ClientErrorKeepAliveFilter} in the place of the HTTP codec Grizzly built for the
 * listener, with the same settings, so a {@code 4xx} answer to a request read to its end keeps the
 * connection open.
 */
public final class ClientErrorKeepAliveAddOn implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int index = builder.indexOfType(HttpServerFilter.class);
    HttpServerFilter built = (HttpServerFilter) builder.get(index);
    int maxHeaderSize = listener.getMaxHttpHeaderSize() == -1
        ? HttpServerFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE : listener.getMaxHttpHeaderSize();
    ClientErrorKeepAliveFilter codec = new ClientErrorKeepAliveFilter(listener.isChunkingEnabled(),
        maxHeaderSize, listener.getKeepAlive(), listener.getMaxRequestHeaders(),
        listener.getMaxResponseHeaders());
    for (var encoding : built.getContentEncodings()) {
      codec.addContentEncoding(encoding);
    }
    codec.setAllowPayloadForUndefinedHttpMethods(built.isAllowPayloadForUndefinedHttpMethods());
    codec.setMaxPayloadRemainderToSkip(built.getMaxPayloadRemainderToSkip());
    codec.getMonitoringConfig().addProbes(built.getMonitoringConfig().getProbes());
    builder.set(index, codec);
  }
}
