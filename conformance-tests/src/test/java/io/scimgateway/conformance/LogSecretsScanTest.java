package io.scimgateway.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other class of the suite (junit-platform.properties orders classes by
 * {@link Order}) and reads what the gateways logged meanwhile (target/logs, see logback-test.xml):
 * no bearer token, password, hash or platform credential the suite used may appear in it.
 */
@Order(Integer.MAX_VALUE)
class LogSecretsScanTest {

  private static final Set<String> PLATFORM_CREDENTIALS = Set.of("conformance-key", "conformance-secret");

  @Test
  void theLogsOfTheWholeRunHoldNoSecretItUsed() throws Exception {
    Path log = Path.of("target", "logs", "conformance-"
        + System.getProperty("conformance.backend", "sqlite") + ".jsonl");
    assertTrue(Files.isRegularFile(log), log + " is missing");
    String text = Files.readString(log);
    List<String> secrets = new ArrayList<>(UsedSecrets.all());
    secrets.addAll(PLATFORM_CREDENTIALS);
    secrets.add(TestGateway.TOKEN);
    assertTrue(text.contains("io.scimgateway.access"), "the access log was written to " + log);
    List<String> found = new ArrayList<>();
    for (String secret : secrets) {
      if (text.contains(secret) || text.contains(secret.replace("/", "\\/"))) {
        found.add(secret);
      }
    }
    assertTrue(found.isEmpty(), "The log " + log + " holds " + found.size() + " of the "
        + secrets.size() + " secrets the suite used: " + found);
    System.out.println("Log secrets scan: " + secrets.size() + " secrets, " + text.lines().count()
        + " log lines, none found");
  }
}
