package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgateway.emulator.zidentity.ZidEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls straight to a ZIdentity emulator's admin API, as someone working in the ZIdentity portal
 * would change a user behind the gateway's back.
 */
final class ZidentityPlatformCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZidEmulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String token;

  ZidentityPlatformCalls(ZidEmulator emulator) throws IOException, InterruptedException {
    this.emulator = emulator;
    String form = "grant_type=client_credentials&client_id=" + emulator.settings().clientId()
        + "&client_secret=" + emulator.settings().clientSecret();
    this.token = send(HttpRequest.newBuilder(emulator.tokenUri())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))).path("access_token").asText();
  }

  ObjectNode getUser(String id) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(user(id)).header("Authorization", "Bearer " + token).GET());
  }

  void putUser(String id, ObjectNode user) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(user(id)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(user.toString())));
  }

  private URI user(String id) {
    return URI.create(emulator.baseUri() + "/users/" + id);
  }

  private ObjectNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("The emulator answered " + response.statusCode() + ": " + response.body());
    }
    return (ObjectNode) JSON.readTree(response.body());
  }
}
