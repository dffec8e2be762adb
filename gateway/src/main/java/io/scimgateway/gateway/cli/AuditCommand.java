package io.scimgateway.gateway.cli;

import io.scimgateway.gateway.Backends;
import io.scimgateway.gateway.audit.AuditEventResource;
import io.scimgateway.gateway.config.GatewayConfig;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.AuditEvent;
import io.scimgateway.spi.AuditQuery;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audit}: the audit trail from the data directory, newest first, as a table or as JSON lines
 * (each line the {@code AuditEvent} resource {@code /AuditEvents} serves). Exit 1 when the backend
 * keeps no audit trail.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Show the audit trail: who changed what, newest first.")
public final class AuditCommand implements Callable<Integer> {

  private static final String ROW = "%-24s %-20s %-7s %-6s %-32s %s%n";

  @Mixin
  ConfigOptions files = new ConfigOptions();

  @Option(names = "--since", paramLabel = "DURATION", converter = DurationText.class,
      description = "Only changes this recent: 1d, 12h, 30m.")
  Duration since;

  @Option(names = "--user", paramLabel = "NAME",
      description = "Only changes to the user (or group) of this userName (displayName), any case.")
  String user;

  @Option(names = "--resource", paramLabel = "ID",
      description = "Only changes to this resource id.")
  String resource;

  @Option(names = "--actor", paramLabel = "NAME",
      description = "Only changes by this actor: a token's name, or a JWT's subject.")
  String actor;

  @Option(names = "--operation", paramLabel = "METHOD",
      description = "Only this operation: POST, PUT, PATCH or DELETE.")
  String operation;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
      description = "At most this many events (default 1000).")
  int limit;

  @Option(names = "--json", description = "One JSON object per line, as /AuditEvents serves them.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    GatewayConfig config = files.load();
    try (Backend backend = Backends.open(config, SchemaRegistry.load())) {
      Optional<AuditTrail> trail = backend.capability(AuditTrail.class);
      if (trail.isEmpty()) {
        System.err.println("The " + config.backendType() + " backend keeps no audit trail.");
        return ExitCodes.PROBLEMS;
      }
      List<AuditEvent> events = trail.get().find(query()).events();
      if (json) {
        events.forEach(event -> System.out.println(AuditEventResource.render(event, null)));
      } else {
        System.out.printf(ROW, "TIME", "ACTOR", "OP", "TYPE", "RESOURCE", "CHANGED");
        events.forEach(AuditCommand::printRow);
      }
      return ExitCodes.OK;
    }
  }

  private AuditQuery query() {
    Instant from = since == null ? null : Instant.now().minus(since);
    return new AuditQuery(from, null, null, resource, actor,
        operation == null ? null : operation.toUpperCase(Locale.ROOT), user, 0, Math.max(0, limit));
  }

  private static void printRow(AuditEvent event) {
    String changed = StreamSupport.stream(event.changes().spliterator(), false)
        .map(change -> change.path("attribute").asText()).collect(Collectors.joining(","));
    String name = event.resourceName() != null ? event.resourceName() : event.resourceId();
    System.out.printf(ROW, event.time(), event.actor(), event.operation(), event.resourceType(),
        name, changed);
  }
}
