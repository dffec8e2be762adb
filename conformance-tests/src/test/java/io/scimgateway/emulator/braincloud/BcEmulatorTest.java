package io.scimgateway.emulator.braincloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BcEmulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private BcEmulator emulator;
  private String sessionId;
  private long packetId;

  @BeforeEach
  void start() throws Exception {
    emulator = new BcEmulator(BcSettings.of("10000", "srv", "secret")).start();
    ObjectNode auth = JSON.createObjectNode().put("packetId", 0);
    auth.putArray("messages").add(message("authenticationV2", "AUTHENTICATE",
        JSON.createObjectNode().put("appId", "10000").put("serverName", "srv").put("serverSecret", "secret")));
    JsonNode answer = post(auth);
    sessionId = answer.at("/messageResponses/0/data/sessionId").asText();
    packetId = 1;
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void wrongSecretIsRefused() throws Exception {
    ObjectNode auth = JSON.createObjectNode().put("packetId", 0);
    auth.putArray("messages").add(message("authenticationV2", "AUTHENTICATE",
        JSON.createObjectNode().put("appId", "10000").put("serverName", "srv").put("serverSecret", "wrong")));
    assertEquals(403, post(auth).at("/messageResponses/0/status").asInt());
  }

  @Test
  void createdUserIsReadBackWithItsIdentityAndTimes() throws Exception {
    String id = createEmailUser("ada@example.com");
    JsonNode answers = send(message("user", "SYS_GET_USER_INFO", JSON.createObjectNode().put("profileId", id)),
        message("user", "SYS_GET_USER_EXPORT", exportData(id)));
    assertEquals("Ada", answers.at("/0/data/playerName").asText(), "bundled messages answered in order");
    assertEquals("ada@example.com", answers.at("/0/data/emailAddress").asText());
    JsonNode export = answers.at("/1/data/" + id + "/0");
    assertEquals("Email", export.at("/credentials/0/authenticationType").asText());
    assertTrue(export.at("/playerProfile/0/createdAt").asLong() > 0);
  }

  @Test
  void sameIdentityTwiceAndShortPasswordsAreRefused() throws Exception {
    createEmailUser("ada@example.com");
    JsonNode again = send(createEmail("ADA@example.com", "long-enough"));
    assertEquals(BcFailure.IDENTITY_IN_USE, again.at("/0/reason_code").asInt());
    JsonNode weak = send(createEmail("other@example.com", "x"));
    assertEquals(BcFailure.INVALID_PASSWORD_CONTENT, weak.at("/0/reason_code").asInt());
  }

  @Test
  void resentPacketIsAnsweredFromTheKeptAnswerAndAppliedOnce() throws Exception {
    ObjectNode packet = packet(createEmail("once@example.com", "long-enough"));
    emulator.faults().applyThenDropNext(1);
    assertThrowsIo(packet);
    JsonNode replayed = post(packet);
    assertEquals(200, replayed.at("/messageResponses/0/status").asInt());
    assertEquals(1, emulator.userCount());
    ObjectNode reused = packet(message("heartbeat", "HEARTBEAT", JSON.createObjectNode()));
    reused.put("packetId", packet.path("packetId").asLong());
    assertEquals(BcFailure.DUPLICATE_PACKET_ID, post(reused).at("/messageResponses/0/reason_code").asInt());
  }

  @Test
  void expiredSessionIsRefusedWith40365() throws Exception {
    emulator.expireSessions();
    JsonNode answer = send(message("heartbeat", "HEARTBEAT", JSON.createObjectNode()));
    assertEquals(BcFailure.SERVER_SESSION_EXPIRED, answer.at("/0/reason_code").asInt());
  }

  @Test
  void queuedRateLimitRefusesTheNextPacket() throws Exception {
    emulator.rateLimitNextPackets(1);
    assertEquals(BcFailure.USER_RATE_LIMIT_EXCEEDED,
        send(message("heartbeat", "HEARTBEAT", JSON.createObjectNode())).at("/0/reason_code").asInt());
    assertEquals(200, send(message("heartbeat", "HEARTBEAT", JSON.createObjectNode())).at("/0/status").asInt());
  }

  @Test
  void pagedQueryFiltersSortsAndMovesByContext() throws Exception {
    for (String name : new String[] {"carol", "alice", "bob", "Anna"}) {
      createEmailUser(name + "@example.com");
    }
    ObjectNode context = JSON.createObjectNode();
    context.putObject("pagination").put("rowsPerPage", 2).put("pageNumber", 1).put("doCount", true);
    context.putObject("searchCriteria").putObject("emailAddress").put("$regex", "^a").put("$options", "i");
    context.putObject("sortCriteria").put("emailAddress", -1);
    JsonNode first = send(message("user", "SYS_GET_PAGE", JSON.createObjectNode().set("context", context)));
    assertEquals(2, first.at("/0/data/results/count").asInt());
    assertEquals("alice@example.com", first.at("/0/data/results/items/0/emailAddress").asText(), "case-exact order");
    ObjectNode all = context.deepCopy();
    all.remove("searchCriteria");
    JsonNode page1 = send(message("user", "SYS_GET_PAGE", JSON.createObjectNode().set("context", all)));
    JsonNode page2 = send(message("user", "SYS_GET_PAGE_OFFSET", JSON.createObjectNode()
        .put("context", page1.at("/0/data/context").asText()).put("pageOffset", 1)));
    assertEquals(2, page2.at("/0/data/results/page").asInt());
    assertEquals(2, page2.at("/0/data/results/items").size());
    assertEquals(false, page2.at("/0/data/results/moreAfter").asBoolean());
  }

  @Test
  void pagesSortAndSelectByCreationTimeWhichTheirItemsLeaveOutAndCountOnlyWhenAsked() throws Exception {
    String first = createEmailUser("first@example.com");
    Thread.sleep(3);
    String second = createEmailUser("second@example.com");
    long created = send(message("user", "SYS_GET_USER_EXPORT", exportData(first)))
        .at("/0/data/" + first + "/0/playerProfile/0/createdAt").asLong();
    ObjectNode context = JSON.createObjectNode();
    context.putObject("pagination").put("rowsPerPage", 1).put("pageNumber", 1).put("doCount", false);
    context.putObject("searchCriteria").putObject("createdAt").put("$gt", created);
    context.putObject("sortCriteria").put("createdAt", -1);
    JsonNode page = send(message("user", "SYS_GET_PAGE", JSON.createObjectNode().set("context", context)));
    assertEquals(second, page.at("/0/data/results/items/0/profileId").asText());
    assertTrue(page.at("/0/data/results/items/0/createdAt").isMissingNode(), "items carry no createdAt");
    assertEquals(0, page.at("/0/data/results/count").asInt(), "not counted");
  }

  @Test
  void aRateLimitCanStrikeOneMessageOfAPacket() throws Exception {
    String id = createEmailUser("limited@example.com");
    emulator.rateLimitNextMessages("SYS_GET_USER_EXPORT", 1);
    JsonNode answers = send(message("user", "SYS_GET_USER_INFO", JSON.createObjectNode().put("profileId", id)),
        message("user", "SYS_GET_USER_EXPORT", exportData(id)));
    assertEquals(200, answers.at("/0/status").asInt());
    assertEquals(BcFailure.USER_RATE_LIMIT_EXCEEDED, answers.at("/1/reason_code").asInt());
    assertEquals(200, send(message("user", "SYS_GET_USER_EXPORT", exportData(id))).at("/0/status").asInt());
  }

  @Test
  void externalUsersNeedAConfiguredTypeAndHaveNoPassword() throws Exception {
    ObjectNode data = JSON.createObjectNode().put("externalId", "bruce1970").put("userName", "Bats")
        .put("contactEmail", "bruce@example.com");
    JsonNode unknown = send(message("user", "SYS_CREATE_USER_EXTERNAL_AUTH", data.deepCopy()
        .put("externalAuthType", "elsewhere")));
    assertEquals(BcFailure.INVALID_PARAMETER, unknown.at("/0/reason_code").asInt());
    String id = send(message("user", "SYS_CREATE_USER_EXTERNAL_AUTH", data.put("externalAuthType",
        BcSettings.EXTERNAL_AUTH_TYPE))).at("/0/data/profileId").asText();
    JsonNode credential = send(message("user", "SYS_GET_USER_EXPORT", exportData(id)))
        .at("/0/data/" + id + "/0/credentials/0");
    assertEquals("External", credential.path("authenticationType").asText());
    assertEquals(BcSettings.EXTERNAL_AUTH_TYPE, credential.path("authSubType").asText());
    assertEquals(BcFailure.MISSING_IDENTITY, send(message("user", "SYS_SEND_PASSWORD_RESET_EMAIL",
        JSON.createObjectNode().put("profileId", id))).at("/0/reason_code").asInt());
  }

  @Test
  void resetsAreRecordedAndNeedTheRightIdentity() throws Exception {
    String id = createEmailUser("reset@example.com");
    send(message("user", "SYS_SEND_PASSWORD_RESET_EMAIL_WITH_EXPIRY", JSON.createObjectNode()
        .put("profileId", id).put("tokenTtlInMinutes", 30)));
    JsonNode universal = send(message("user", "SYS_SET_PASSWORD_UNIVERSAL_ID", JSON.createObjectNode()
        .put("profileId", id).put("password", "long-enough")));
    assertEquals(BcFailure.MISSING_IDENTITY, universal.at("/0/reason_code").asInt());
    assertEquals(1, emulator.recorded().size());
    assertEquals(30, emulator.recorded().get(0).path("tokenTtlInMinutes").asInt());
  }

  @Test
  void groupsKeepTheirOwnerAndDeleteByVersion() throws Exception {
    String owner = createEmailUser("owner@example.com");
    String member = createEmailUser("member@example.com");
    JsonNode group = send(message("group", "SYS_CREATE_GROUP", JSON.createObjectNode().put("name", "Eng")
        .put("groupType", "scim").put("ownerId", owner))).at("/0/data");
    String groupId = group.path("groupId").asText();
    send(message("group", "SYS_ADD_GROUP_MEMBER", JSON.createObjectNode().put("groupId", groupId)
        .put("profileId", member).put("role", "MEMBER")));
    assertEquals(2, send(message("group", "SYS_READ_GROUP_MEMBERS", JSON.createObjectNode().put("groupId", groupId)))
        .at("/0/data").size());
    JsonNode stale = send(message("group", "SYS_DELETE_GROUP", JSON.createObjectNode().put("groupId", groupId)
        .put("version", 1)));
    assertEquals(BcFailure.GROUP_VERSION_MISMATCH, stale.at("/0/reason_code").asInt());
    JsonNode deleted = send(message("group", "SYS_DELETE_GROUP", JSON.createObjectNode().put("groupId", groupId)
        .put("version", 2)));
    assertEquals(200, deleted.at("/0/status").asInt());
  }

  private String createEmailUser(String email) throws Exception {
    return send(createEmail(email, "long-enough")).at("/0/data/profileId").asText();
  }

  private static ObjectNode createEmail(String email, String password) {
    return message("user", "SYS_CREATE_USER_EMAIL_PASSWORD", JSON.createObjectNode().put("externalId", email)
        .put("password", password).put("userName", "Ada"));
  }

  private static ObjectNode exportData(String id) {
    ObjectNode data = JSON.createObjectNode().put("profileId", id);
    data.putObject("optionsJson").put("includeEntities", false);
    return data;
  }

  private static ObjectNode message(String service, String operation, ObjectNode data) {
    ObjectNode message = JSON.createObjectNode().put("service", service).put("operation", operation);
    message.set("data", data);
    return message;
  }

  private ObjectNode packet(ObjectNode... messages) {
    ObjectNode packet = JSON.createObjectNode().put("sessionId", sessionId).put("packetId", packetId++);
    ArrayNode list = packet.putArray("messages");
    for (ObjectNode message : messages) {
      list.add(message);
    }
    return packet;
  }

  private JsonNode send(ObjectNode... messages) throws Exception {
    return post(packet(messages)).path("messageResponses");
  }

  private JsonNode post(ObjectNode body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(emulator.dispatcherUri())
        .POST(HttpRequest.BodyPublishers.ofString(body + "\r\n\r\n")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    return JSON.readTree(response.body());
  }

  private void assertThrowsIo(ObjectNode packet) {
    try {
      post(packet);
      throw new AssertionError("the answer was meant to be lost");
    } catch (IOException expected) {
      // the connection closed without an answer
    } catch (Exception other) {
      throw new AssertionError(other);
    }
  }
}
