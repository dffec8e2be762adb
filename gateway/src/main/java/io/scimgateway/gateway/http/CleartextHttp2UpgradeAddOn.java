package io.scimgateway.gateway.http;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Declines cleartext HTTP/2 upgrades ({@code Upgrade: h2c}) so the request is served as HTTP/1.1, as
 * RFC 7540 section 3.2 allows a server without HTTP/2 to do.
 *
 * <p>Without this, Grizzly treats any {@code Upgrade} request as a protocol switch and stops decoding
 * its body by {@code Content-Length}: a POST from a client that offers h2c (Java's HttpClient and
 * {@code curl --http2} do by default) would wait for a body that never ends.
 */
public final class CleartextHttp2UpgradeAddOn implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int codec = builder.indexOfType(HttpServerFilter.class);
    builder.add(codec + 1, new DeclineH2cFilter());
  }

  /** Sits right after the HTTP codec, which announces an upgrade before it decides how to read the body. */
  private static final class DeclineH2cFilter extends BaseFilter {

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
      if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
        HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
        if ("h2c".equalsIgnoreCase(header.getUpgrade())) {
          header.getUpgradeDC().recycle();
          header.setIgnoreContentModifiers(false);
          header.getHeaders().removeHeader("Upgrade");
          header.getHeaders().removeHeader("HTTP2-Settings");
          return ctx.getStopAction();
        }
      }
      return ctx.getInvokeAction();
    }
  }
}
