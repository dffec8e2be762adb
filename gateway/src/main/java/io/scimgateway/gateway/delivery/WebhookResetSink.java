package io.scimgateway.gateway.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.gateway.core.password.ResetDelivery;
import io.scimgateway.gateway.core.password.ResetDeliveryException;
import io.scimgateway.gateway.core.password.ResetSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A reset sink that POSTs each secret as JSON, {@code {"userId", "userName", "token", "expires"}}, to a
 * webhook ({@code passwordReset.sink: webhook}). The header {@value #SIGNATURE_HEADER} carries
 * {@code sha256=<hex>}, the HMAC-SHA256 of the exact body bytes under the shared secret, so the
 * receiver can tell the gateway's deliveries from forgeries. Any answer but 2xx, or none within the
 * timeout, is a failed delivery. Thread-safe.
 */
public final class WebhookResetSink implements ResetSink {

  public static final String SIGNATURE_HEADER = "X-Scim-Gateway-Signature";

  private static final String HMAC = "HmacSHA256";

  private final URI url;
  private final SecretKeySpec key;
  private final Duration timeout;
  private final HttpClient http;

  public WebhookResetSink(URI url, byte[] secret, Duration timeout) {
    this.url = url;
    this.key = new SecretKeySpec(secret, HMAC);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public void deliver(ResetDelivery delivery) throws ResetDeliveryException {
    byte[] body = body(delivery);
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header(SIGNATURE_HEADER, "sha256=" + signature(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new ResetDeliveryException("the reset webhook could not be reached ("
          + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResetDeliveryException("the delivery to the reset webhook was interrupted", e);
    }
    if (status / 100 != 2) {
      throw new ResetDeliveryException("the reset webhook answered HTTP " + status);
    }
  }

  private static byte[] body(ResetDelivery delivery) {
    ObjectNode json = JsonNodeFactory.instance.objectNode()
        .put("userId", delivery.userId())
        .put("userName", delivery.userName())
        .put("token", delivery.token())
        .put("expires", delivery.expires().toString());
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String signature(byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has " + HMAC, e);
    }
  }
}
