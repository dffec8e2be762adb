package io.scimgateway.gateway.core.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.ScimResourceTrimmer;
import io.scimgateway.schemas.SchemaRegistry;
import io.scimgateway.spi.NeededAttributes;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code attributes} and {@code excludedAttributes} of a request (RFC 7644 section 3.9),
 * applied with each attribute's {@code returned} characteristic by the SDK's trimmer: {@code
 * always} is always returned, {@code never} never, {@code request} only when asked for. The
 * trimmer's answers are kept for the rest of the response ({@link RememberingTrimmer}).
 * Thread-safe.
 */
public final class Projection {

  private static final Map<ResourceTypeDefinition, DefaultProjection> DEFAULTS =
      new ConcurrentHashMap<>();
  /** Per resource type, what a response returns whatever the client lists; made once. */
  private static final Map<ResourceTypeDefinition, NeededAttributes> ALWAYS_RETURNED =
      new ConcurrentHashMap<>();

  private final RememberingTrimmer trimmer;
  private final DefaultProjection defaults;
  private final NeededAttributes returned;
  private final NeededAttributes listed;

  private Projection(RememberingTrimmer trimmer, DefaultProjection defaults,
      NeededAttributes returned, NeededAttributes listed) {
    this.trimmer = trimmer;
    this.defaults = defaults;
    this.returned = returned;
    this.listed = listed;
  }

  /** What a request that names neither {@code attributes} nor {@code excludedAttributes} gets. */
  public static Projection plain(ResourceTypeDefinition resourceType) {
    DefaultProjection defaults = DEFAULTS.computeIfAbsent(resourceType, DefaultProjection::new);
    return new Projection(null, defaults, defaults::returns, defaults::returns);
  }

  /**
   * Parses the comma-separated attribute lists; {@code attributes} wins when both are given.
   *
   * @throws BadRequestException {@code invalidValue} for a path that is not valid SCIM syntax
   */
  public static Projection of(ResourceTypeDefinition resourceType, String attributes,
      String excludedAttributes) throws BadRequestException {
    boolean included = attributes != null && !attributes.isBlank();
    if (!included && (excludedAttributes == null || excludedAttributes.isBlank())) {
      return plain(resourceType);
    }
    String list = included ? attributes : excludedAttributes;
    Set<Path> paths = paths(resourceType, list, included ? "attributes" : "excludedAttributes");
    ScimResourceTrimmer trimmer = new ScimResourceTrimmer(resourceType, Set.of(), paths, !included);
    if (!included) {
      NeededAttributes kept = NeededAttributes.allBut(wholeAttributes(resourceType, paths));
      return new Projection(new RememberingTrimmer(trimmer), null, kept, kept);
    }
    NeededAttributes listed = NeededAttributes.only(topLevel(paths))
        .and(ALWAYS_RETURNED.computeIfAbsent(resourceType, Projection::alwaysReturned));
    return new Projection(new RememberingTrimmer(trimmer), null,
        listed.and(NeededAttributes.ID_AND_VERSION), listed);
  }

  /**
   * The top-level core attributes a response about one resource needs, so that a store can skip
   * reading the others: those it returns, and {@code meta}, for the version its {@code ETag} header
   * gives even when the body leaves {@code meta} out.
   */
  public NeededAttributes returned() {
    return returned;
  }

  /**
   * The top-level core attributes a list response needs: those its resources return. A list has no
   * {@code ETag} header, so {@code meta} (and what a store reads only for the version) is needed
   * only when the lists keep it: {@code attributes=userName} leaves out {@code meta}, and on the
   * embedded store a page of such users reads no memberships.
   */
  public NeededAttributes listed() {
    return listed;
  }

  private static Set<String> topLevel(Set<Path> paths) {
    Set<String> names = new HashSet<>();
    paths.forEach(path -> names.add(path.getElement(0).getAttribute()));
    return names;
  }

  /** Attributes excluded whole; excluding {@code emails.type} still reads {@code emails}. */
  private static Set<String> wholeAttributes(ResourceTypeDefinition resourceType, Set<Path> paths) {
    String core = resourceType.getCoreSchema().getId();
    Set<String> names = new HashSet<>();
    paths.stream().filter(path -> path.size() == 1
            && (path.getSchemaUrn() == null || path.getSchemaUrn().equalsIgnoreCase(core)))
        .forEach(path -> names.add(path.getElement(0).getAttribute()));
    return names;
  }

  /** Core attributes returned whatever the client lists (the id is a column, read anyway). */
  private static NeededAttributes alwaysReturned(ResourceTypeDefinition resourceType) {
    Set<String> names = new HashSet<>();
    resourceType.getCoreSchema().getAttributes().stream()
        .filter(a -> a.getReturned() == AttributeDefinition.Returned.ALWAYS)
        .forEach(a -> names.add(a.getName()));
    return NeededAttributes.only(names);
  }

  /** The resource as the client asked to see it; {@code resource} may be changed in place. */
  public ObjectNode apply(ObjectNode resource) {
    return trimmer != null ? trimmer.trim(resource) : defaults.apply(resource);
  }

  /** An extension's URN alone names all of its attributes. */
  private static Set<Path> wholeExtension(ResourceTypeDefinition resourceType, String name) {
    Set<Path> paths = new LinkedHashSet<>();
    SchemaRegistry.extension(resourceType, name).ifPresent(extension -> extension.getAttributes()
        .forEach(a -> paths.add(Path.root(extension.getId()).attribute(a.getName()))));
    return paths;
  }

  private static Set<Path> paths(ResourceTypeDefinition resourceType, String list, String parameter)
      throws BadRequestException {
    Set<Path> paths = new LinkedHashSet<>();
    if (list == null || list.isBlank()) {
      return paths;
    }
    for (String attribute : list.split(",")) {
      String trimmed = attribute.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      try {
        Set<Path> extension = wholeExtension(resourceType, trimmed);
        paths.addAll(!extension.isEmpty() ? extension
            : Set.of(resourceType.normalizePath(Path.fromString(trimmed)).withoutFilters()));
      } catch (BadRequestException e) {
        throw BadRequestException.invalidValue("\"" + trimmed + "\" in the " + parameter
            + " parameter is not an attribute path: " + e.getMessage());
      }
    }
    return paths;
  }
}
