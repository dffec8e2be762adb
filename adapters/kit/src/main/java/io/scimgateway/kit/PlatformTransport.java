package io.scimgateway.kit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One platform's HTTP/1.1 connections: each call is sent and read on the caller's thread over a
 * pooled keep-alive connection, with the settings' connect and read timeouts, no redirects, no
 * cookies and no retries of its own ({@link PlatformClient} decides what is retried). Thread-safe.
 */
final class PlatformTransport {

  private static final String CONTENT_TYPE = "Content-Type";
  private static final TimeValue IDLE = TimeValue.ofSeconds(30);

  private final PlatformClientSettings settings;
  private final CloseableHttpClient http;

  PlatformTransport(PlatformClientSettings settings) {
    this.settings = settings;
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(settings.maxInFlight())
            .setMaxConnPerRoute(settings.maxInFlight())
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .setTimeToLive(TimeValue.ofMinutes(5))
                .build())
            // One packet per small request: no wait for the previous segment's acknowledgement.
            .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(settings.readTimeout()))
            .setConnectionRequestTimeout(Timeout.of(settings.readTimeout()))
            .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableContentCompression()
        .evictIdleConnections(IDLE)
        .build();
  }

  /** Sends one call and reads its whole answer; an I/O failure is thrown for the caller to judge. */
  PlatformResponse send(PlatformRequest request) throws IOException {
    BasicClassicHttpRequest call = new BasicClassicHttpRequest(request.method(), uri(request.path()));
    String contentType = "application/json";
    Map<String, String> headers = new HashMap<>(settings.defaultHeaders());
    headers.putAll(request.headers());
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(CONTENT_TYPE)) {
        contentType = header.getValue();
      } else {
        call.addHeader(header.getKey(), header.getValue());
      }
    }
    if (request.body() != null) {
      call.setEntity(new StringEntity(request.body(), ContentType.parse(contentType)
          .withCharset(StandardCharsets.UTF_8)));
    }
    return http.execute(call, response -> {
      Map<String, List<String>> answered = new HashMap<>();
      for (Header header : response.getHeaders()) {
        answered.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
            .add(header.getValue());
      }
      String body = response.getEntity() == null ? ""
          : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
      return new PlatformResponse(response.getCode(), answered, body);
    });
  }

  /** A path relative to the base URL's own path ({@code https://host/v1} + {@code /users}). */
  private URI uri(String path) {
    URI base = settings.baseUri();
    String basePath = base.getPath() == null || base.getPath().isEmpty() ? "/" : base.getPath();
    if (path.isEmpty()) {
      return base.resolve(basePath); // the base URL is the endpoint itself (a token endpoint)
    }
    String prefix = basePath.endsWith("/") ? basePath : basePath + "/";
    return base.resolve(prefix + (path.startsWith("/") ? path.substring(1) : path));
  }
}
