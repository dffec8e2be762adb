package io.scimgateway.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ConformancePlatform} over an emulator: a fresh one for each gateway, stopped when that
 * gateway's section is released. A platform names itself, declares its capabilities and starts its
 * emulator.
 */
abstract class EmulatedPlatform implements ConformancePlatform {

  /** A started emulator and the {@code backend:} section that points a gateway at it. */
  protected record Started(ObjectNode section, AutoCloseable emulator) {
  }

  private final String name;
  private final Set<Capability> capabilities;
  /** Emulators running, by the endpoint of their section. */
  private final Map<String, AutoCloseable> running = new ConcurrentHashMap<>();

  protected EmulatedPlatform(String name, Set<Capability> capabilities) {
    this.name = name;
    this.capabilities = Set.copyOf(capabilities);
  }

  /** Starts an emulator for a gateway whose files go to {@code data}. */
  protected abstract Started start(Path data) throws IOException;

  /**
   * The {@code backend:} section of {@code type} at {@code endpoint} that every emulated platform
   * shares: its credential in a file in {@code data}, named in the setting {@code secretFileSetting},
   * and quick retries (from 10 ms up to {@code maxBackoffMillis}) so that fault tests run fast.
   */
  static ObjectNode section(String type, URI endpoint, Path data, String secretFileSetting, String secret,
      int maxRetries, int maxBackoffMillis) throws IOException {
    Files.createDirectories(data);
    Path file = Files.writeString(data.resolve(type + "-" + secretFileSetting), secret);
    return JsonNodeFactory.instance.objectNode().put("type", type).put("endpoint", endpoint.toString())
        .put(secretFileSetting, file.toString()).put("maxRetries", maxRetries)
        .put("initialBackoffMillis", 10).put("maxBackoffMillis", maxBackoffMillis);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public final ObjectNode section(Path data) throws IOException {
    Started started = start(data);
    running.put(started.section().path("endpoint").asText(), started.emulator());
    return started.section();
  }

  @Override
  public final void release(ObjectNode section) {
    AutoCloseable emulator = running.remove(section.path("endpoint").asText());
    if (emulator != null) {
      try {
        emulator.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
