package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client error does not cost the client its connection: after a {@code 4xx} to a request the gateway
 * read to its end, the next request is answered on the same connection. Only when a request body was
 * left unread (refused on its {@code Content-Length}) does the gateway close, since the rest of that
 * body would otherwise be read as the next request.
 */
class ConnectionReuseTest {

  @TempDir
  Path data;

  @Test
  void clientErrorsKeepTheConnectionOpenForTheNextRequest() throws Exception {
    try (TestGateway gateway = TestGateway.start(data);
        RawHttpConnection connection = new RawHttpConnection(gateway.port())) {
      String[] badRequests = {
          request("POST", "/Users", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\","),
          request("GET", "/Users?filter=userName%20eq", null),
          request("GET", "/Users/no-such-id", null),
          request("POST", "/Users", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"]}"),
      };
      int[] statuses = {400, 400, 404, 400};
      for (int i = 0; i < badRequests.length; i++) {
        RawHttpConnection.Answer bad = connection.exchange(badRequests[i]);
        assertEquals(statuses[i], bad.status(), bad.body());
        assertFalse(bad.asksToClose(), "Connection: close after " + bad.status() + ": " + bad.headers());
        RawHttpConnection.Answer good = connection.exchange(request("GET", "/Users?count=1", null));
        assertEquals(200, good.status(), "the request after a " + bad.status() + ": " + good.body());
      }
    }
  }

  @Test
  void aRequestBodyLeftUnreadClosesTheConnection() throws Exception {
    try (TestGateway gateway = TestGateway.start(data);
        RawHttpConnection connection = new RawHttpConnection(gateway.port())) {
      RawHttpConnection.Answer tooLarge = connection.exchange("POST /scim/v2/Users HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nAuthorization: Bearer " + TestGateway.TOKEN + "\r\n"
          + "Content-Type: application/scim+json\r\nContent-Length: 500000000\r\n\r\n{\"schemas\": [");
      assertEquals(413, tooLarge.status(), tooLarge.body());
      assertTrue(tooLarge.asksToClose(), "no Connection: close after an unread body: " + tooLarge.headers());
    }
  }

  private static String request(String method, String path, String json) {
    String body = json == null ? "" : json;
    return method + " /scim/v2" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer " + TestGateway.TOKEN + "\r\n"
        + (json == null ? "" : "Content-Type: application/scim+json\r\n")
        + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n"
        + body;
  }
}
