package io.scimgateway.conformance;

import static io.scimgateway.conformance.ScimJson.filter;
import static io.scimgateway.conformance.ScimJson.op;
import static io.scimgateway.conformance.ScimJson.patch;
import static io.scimgateway.conformance.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.scimgateway.emulator.appwrite.AppwriteEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway processes in front of one Appwrite (its emulator), their local state in one
 * PostgreSQL database: what Appwrite cannot hold (externalId, name parts, an extension attribute),
 * written through one instance, is read back through the other, found by an {@code externalId}
 * filter answered from local state, and a change through the second is seen by the first. With local
 * state in a file per instance, the second would answer without those attributes. Runs once, in the
 * embedded store's run, on the JVM's test cluster.
 */
@Tag("platform")
class TwoInstancesOnAppwriteTest {

  private static final String TOKEN = "two-appwrite-instances-token-0123456789";
  private static final Duration START = Duration.ofSeconds(90);
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @TempDir
  Path data;

  @Test
  void whatOneInstanceKeepsLocallyTheOtherReadsBack() throws Exception {
    PostgresCluster cluster = PostgresCluster.get();
    String database = cluster.newDatabase("two_appwrite_");
    try (AppwriteEmulator emulator = new AppwriteEmulator("two-instances", "two-key").start()) {
      ObjectNode backend = AppwritePlatform.section(emulator, data)
          .set("localState", PostgresPlatform.section(cluster, database));
      Path config = Files.writeString(data.resolve("gateway.yaml"), "backend: " + backend + "\n");
      try (GatewayProcess first = GatewayProcess.instance(TOKEN, config, data, "a");
        GatewayProcess second = GatewayProcess.instance(TOKEN, config, data, "b")) {
        ScimClient a = new ScimClient(first.awaitServing(START), TOKEN);
        ScimClient b = new ScimClient(second.awaitServing(START), TOKEN);

        ObjectNode written = user("ada@example.com").put("externalId", "hr-4711");
        ((ObjectNode) written.get("name")).put("honorificPrefix", "Dr.");
        written.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User").add(ENTERPRISE);
        written.putObject(ENTERPRISE).put("employeeNumber", "701984");
        ScimResponse created = a.post("/Users", written);
        assertEquals(201, created.status(), created::toString);
        String id = created.text("id");

        ScimResponse read = b.get("/Users/" + id);
        assertEquals(200, read.status(), read::toString);
        assertEquals("hr-4711", read.json().path("externalId").asText(), read::toString);
        assertEquals("Dr.", read.json().path("name").path("honorificPrefix").asText(), read::toString);
        assertEquals("701984", read.json().path(ENTERPRISE).path("employeeNumber").asText());

        ScimResponse found = b.get("/Users" + filter("externalId eq \"hr-4711\""));
        assertEquals(1, found.json().path("totalResults").asInt(), found::toString);
        assertEquals(id, found.json().path("Resources").path(0).path("id").asText());

        ScimResponse changed = b.patch("/Users/" + id,
            patch(op("replace", "externalId", TextNode.valueOf("hr-4712"))));
        assertEquals(200, changed.status(), changed::toString);
        ScimResponse reread = a.get("/Users/" + id);
        assertEquals("hr-4712", reread.json().path("externalId").asText(), reread::toString);
        assertEquals(0, a.get("/Users" + filter("externalId eq \"hr-4711\""))
            .json().path("totalResults").asInt());
      }
    }
  }

}
