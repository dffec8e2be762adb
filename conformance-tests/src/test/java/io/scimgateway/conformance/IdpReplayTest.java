package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Replays the recorded identity-provider exchanges under {@code idp/<provider>/*.json} (see
 * {@code idp/README.md}): one test per file, each on a fresh gateway, steps in order, every response
 * matched against the subset the provider relies on.
 */
class IdpReplayTest {

  private static final List<String> PROVIDERS = List.of("okta", "entra");

  @TestFactory
  Stream<DynamicTest> recordedExchanges() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String provider : PROVIDERS) {
      for (Path file : fixtureFiles(provider)) {
        String name = provider + "/" + file.getFileName();
        tests.add(DynamicTest.dynamicTest(name, file.toUri(),
            () -> replay(ExchangeFixture.read(name, file))));
      }
    }
    if (tests.isEmpty()) {
      throw new IllegalStateException("no fixtures found under idp/");
    }
    return tests.stream();
  }

  private static List<Path> fixtureFiles(String provider) {
    URL folder = IdpReplayTest.class.getClassLoader().getResource("idp/" + provider);
    if (folder == null) {
      throw new IllegalStateException("test resource folder idp/" + provider + " is missing");
    }
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.comparing(f -> f.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void replay(ExchangeFixture fixture) throws IOException {
    Path data = Files.createTempDirectory("scim-gateway-idp-");
    try {
      RunningGateway.with(TestGateway.config(data), scim -> {
        Map<String, String> captured = new HashMap<>();
        for (ExchangeFixture.Step step : fixture.steps()) {
          run(fixture, step, scim, captured);
        }
      });
    } finally {
      try (Stream<Path> paths = Files.walk(data)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static void run(ExchangeFixture fixture, ExchangeFixture.Step step, ScimSession scim,
      Map<String, String> captured) {
    String where = fixture.name() + ", step \"" + step.name() + "\"";
    String target = ExchangeFixture.substitute(step.path(), captured);
    if (step.query() != null) {
      target += "?" + ExchangeFixture.substitute(step.query(), captured);
    }
    String contentType = ScimClient.SCIM_JSON;
    List<String> headers = new ArrayList<>();
    for (Map.Entry<String, String> header : step.headers().entrySet()) {
      String value = ExchangeFixture.substitute(header.getValue(), captured);
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = value;
      } else {
        headers.add(header.getKey());
        headers.add(value);
      }
    }
    JsonNode body = ExchangeFixture.substitute(step.body(), captured);
    String request = step.method() + " " + target + (body == null ? "" : "\n  " + body);

    ScimResponse response = scim.send(step.method(), target, body == null ? null : body.toString(),
        contentType, headers.toArray(String[]::new));

    if (!step.statuses().contains(response.status())) {
      throw new AssertionFailedError(where + ": status\n request:  " + request
          + "\n expected: " + (step.statuses().size() == 1 ? step.statuses().get(0) : step.statuses())
          + "\n actual:   " + response.status() + " " + response.body(),
          step.statuses().size() == 1 ? step.statuses().get(0) : step.statuses(), response.status());
    }
    for (Map.Entry<String, String> header : step.responseHeaders().entrySet()) {
      String actual = response.header(header.getKey()).orElse(null);
      if (actual == null || !actual.toLowerCase().startsWith(header.getValue().toLowerCase())) {
        throw new AssertionFailedError(where + ": response header " + header.getKey() + "\n request:  "
            + request + "\n expected: " + header.getValue() + "\n actual:   " + actual,
            header.getValue(), actual);
      }
    }
    JsonNode expected = ExchangeFixture.substitute(step.responseBody(), captured);
    if (expected != null) {
      List<String> mismatches = BodyMatcher.mismatches(expected, response.json());
      if (!mismatches.isEmpty()) {
        throw new AssertionFailedError(where + ": response body\n request:  " + request
            + "\n mismatches:\n  " + String.join("\n  ", mismatches)
            + "\n expected (subset): " + expected + "\n actual: " + response.status() + " " + response.body(),
            expected.toPrettyString(), response.json().toPrettyString());
      }
    }
    for (Map.Entry<String, String> capture : step.capture().entrySet()) {
      JsonNode value = ExchangeFixture.at(response.json(), capture.getValue());
      if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
        throw new AssertionFailedError(where + ": cannot capture " + capture.getKey() + " from "
            + capture.getValue() + " in " + response.body());
      }
      captured.put(capture.getKey(), value.asText());
    }
  }
}
