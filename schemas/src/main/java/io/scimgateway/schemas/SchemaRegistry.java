package io.scimgateway.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.schemas.DefinitionReader.Kind;
import io.scimgateway.schemas.SchemaIndexLoader.Document;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SCIM schemas and resource types this gateway serves, read once from JSON files on the class path.
 *
 * <p>A <em>schema</em> (RFC 7643 section 2 and 7) lists the attributes a resource may carry and their
 * characteristics: type, whether multi-valued, required, case-exact, who may change them (mutability),
 * when they are returned, and how unique they are. It is identified by a URN such as
 * {@code urn:ietf:params:scim:schemas:core:2.0:User}. The core User and Group schemas are defined in
 * RFC 7643 section 4, the enterprise User extension in section 4.3, their JSON form in section 8.7.1.
 *
 * <p>A <em>resource type</em> (RFC 7643 section 6) binds an endpoint such as {@code /Users} to one
 * core schema and any number of schema extensions, each required or optional. A resource's attributes
 * come from its core schema; an extension's attributes sit in an object named by the extension's URN.
 * The SDK's {@link ResourceTypeDefinition} combines the three for {@code SchemaChecker}, which checks a
 * request body against them.
 *
 * <p>Definitions are listed in {@code META-INF/scim-gateway/schemas.index} files (see
 * {@link SchemaIndexLoader}); every index the class loader sees is read, so any module can add schemas
 * and resource types by shipping its own. A file that cannot be read, a duplicate id or endpoint, or a
 * resource type naming an unknown schema stops loading with an {@link IllegalStateException} that names
 * the file: this is start-up configuration, and a gateway with half its schemas must not start.
 *
 * <p>Instances are immutable and thread-safe: every field is final and unmodifiable, and JSON is handed
 * out only as copies. The SDK objects are shared, so treat them as read-only: {@link SchemaResource}
 * inherits setters such as {@code setMeta} from {@code BaseScimResource}. To add {@code meta} when
 * serving a schema, convert it first ({@code JsonUtils.valueToNode(schema)}) and change the copy.
 */
public final class SchemaRegistry {

  /** A resource type as the SDK uses it, with the JSON it was read from. */
  private record LoadedType(ResourceTypeDefinition definition, ObjectNode json) {
  }

  private final List<Document> documents;
  private final List<SchemaResource> schemas;
  private final Map<String, SchemaResource> schemasById;
  private final List<ResourceTypeDefinition> resourceTypes;
  private final Map<String, LoadedType> typesById;
  private final Map<String, LoadedType> typesByEndpoint;

  private SchemaRegistry(List<Document> documents, Map<String, SchemaResource> schemasById,
      Map<String, LoadedType> typesById) {
    this.documents = List.copyOf(documents);
    this.schemas = List.copyOf(schemasById.values());
    this.schemasById = Map.copyOf(schemasById);
    this.resourceTypes = typesById.values().stream().map(LoadedType::definition).toList();
    this.typesById = Map.copyOf(typesById);
    this.typesByEndpoint = typesById.values().stream()
        .collect(Collectors.toUnmodifiableMap(type -> endpointKey(type.definition().getEndpoint()),
            type -> type));
  }

  /**
   * Loads every index visible to the current thread's context class loader or, when there is none, to
   * the class loader of this class.
   *
   * @throws IllegalStateException when no index is found or a definition is unusable
   */
  public static SchemaRegistry load() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return load(context != null ? context : SchemaRegistry.class.getClassLoader());
  }

  /**
   * Loads every index visible to {@code loader}.
   *
   * @throws IllegalStateException when no index is found or a definition is unusable
   */
  public static SchemaRegistry load(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return from(SchemaIndexLoader.load(loader));
  }

  /**
   * Builds a registry from documents in index order. All schemas are registered before any resource
   * type is built, so an index may list a resource type before the schemas it uses.
   */
  static SchemaRegistry from(List<Document> documents) {
    Map<Kind, List<Document>> byKind = byKind(documents);
    Map<String, URL> sources = new HashMap<>();
    Map<String, SchemaResource> schemas = readSchemas(byKind.get(Kind.SCHEMA), sources);
    return new SchemaRegistry(documents, schemas,
        readResourceTypes(byKind.get(Kind.RESOURCE_TYPE), schemas, sources));
  }

  /**
   * This registry with the listed top-level attributes of a resource type's core schema returned only
   * when a request names them ({@code "returned": "request"}), for a backend that pays a platform call
   * to read them. Attributes returned {@code never} stay so.
   *
   * @param resourceTypeId the resource type, such as {@code "User"}
   * @throws IllegalArgumentException when the resource type or an attribute is unknown, or an attribute
   *     is returned {@code always}, which no backend may change
   */
  public SchemaRegistry returningOnRequest(String resourceTypeId, Set<String> attributes) {
    if (attributes.isEmpty()) {
      return this;
    }
    String coreSchema = resourceType(resourceTypeId)
        .orElseThrow(() -> new IllegalArgumentException("No resource type with id " + resourceTypeId))
        .getCoreSchema().getId();
    Set<String> pending = new HashSet<>();
    attributes.forEach(name -> pending.add(key(name)));
    List<Document> changed = new ArrayList<>();
    for (Document document : documents) {
      if (DefinitionReader.kindOf(document) == Kind.SCHEMA
          && document.json().path("id").asText().equalsIgnoreCase(coreSchema)) {
        ObjectNode json = document.json().deepCopy();
        for (JsonNode attribute : json.path("attributes")) {
          String name = key(attribute.path("name").asText());
          String returned = attribute.path("returned").asText("default");
          if (pending.remove(name) && !returned.equals("never")) {
            if (returned.equals("always")) {
              throw new IllegalArgumentException(resourceTypeId + " attribute " + name
                  + " is returned always and cannot be returned on request only");
            }
            ((ObjectNode) attribute).put("returned", "request");
          }
        }
        document = new Document(document.url(), json);
      }
      changed.add(document);
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException(resourceTypeId + " has no attribute " + pending);
    }
    return from(changed);
  }

  private static Map<String, SchemaResource> readSchemas(
      List<Document> documents, Map<String, URL> sources) {
    Map<String, SchemaResource> schemas = new LinkedHashMap<>();
    for (Document document : documents) {
      SchemaResource schema = DefinitionReader.toSchema(document);
      claim(sources, "schema id", schema.getId(), key(schema.getId()), document);
      schemas.put(key(schema.getId()), schema);
    }
    return schemas;
  }

  private static Map<String, LoadedType> readResourceTypes(
      List<Document> documents, Map<String, SchemaResource> schemas, Map<String, URL> sources) {
    Map<String, LoadedType> types = new LinkedHashMap<>();
    for (Document document : documents) {
      ResourceTypeDefinition definition = DefinitionReader.toResourceType(
          document, urn -> Optional.ofNullable(schemas.get(key(urn))));
      String id = idOf(definition);
      String endpoint = endpointKey(definition.getEndpoint());
      claim(sources, "resource type id", id, key(id), document);
      claim(sources, "endpoint", endpoint, endpoint, document);
      types.put(key(id), new LoadedType(definition, document.json()));
    }
    return types;
  }

  private static Map<Kind, List<Document>> byKind(List<Document> documents) {
    Map<Kind, List<Document>> byKind = Map.of(Kind.SCHEMA, new ArrayList<>(),
        Kind.RESOURCE_TYPE, new ArrayList<>());
    for (Document document : documents) {
      byKind.get(DefinitionReader.kindOf(document)).add(document);
    }
    return byKind;
  }

  /**
   * Records that {@code document} defines {@code value} (a {@code what}, such as an endpoint), failing
   * if another file already defined one with the same {@code key}.
   */
  private static void claim(
      Map<String, URL> sources, String what, String value, String key, Document document) {
    URL earlier = sources.putIfAbsent(what + " " + key, document.url());
    if (earlier != null) {
      throw new IllegalStateException(document.url() + ": duplicate " + what + " " + value
          + ", already defined by " + earlier);
    }
  }

  /** All schemas, core and extension alike, in index order. */
  public List<SchemaResource> schemas() {
    return schemas;
  }

  /** The schema with this URN, compared case-insensitively. */
  public Optional<SchemaResource> schema(String id) {
    return Optional.ofNullable(schemasById.get(key(id)));
  }

  /**
   * The extension of {@code resourceType} whose URN is {@code urn}; URNs are compared without regard
   * to case (RFC 7643 section 2.1), since clients may spell them either way.
   */
  public static Optional<SchemaResource> extension(
      ResourceTypeDefinition resourceType, String urn) {
    // A loop, not a stream: every write asks this for each extension it carries.
    for (SchemaResource extension : resourceType.getSchemaExtensions().keySet()) {
      if (extension.getId().equalsIgnoreCase(urn)) {
        return Optional.of(extension);
      }
    }
    return Optional.empty();
  }

  /** All resource types, in index order. */
  public List<ResourceTypeDefinition> resourceTypes() {
    return resourceTypes;
  }

  /** The resource type with this id, such as {@code "User"}, compared case-insensitively. */
  public Optional<ResourceTypeDefinition> resourceType(String id) {
    return Optional.ofNullable(typesById.get(key(id))).map(LoadedType::definition);
  }

  /**
   * The resource type served at this endpoint, given with or without its leading slash
   * ({@code "Users"} or {@code "/Users"}). Compared case-sensitively, as JAX-RS matches paths.
   */
  public Optional<ResourceTypeDefinition> resourceTypeByEndpoint(String endpoint) {
    return Optional.ofNullable(typesByEndpoint.get(endpointKey(endpoint))).map(LoadedType::definition);
  }

  /**
   * A copy of the resource type's JSON exactly as loaded, for serving at {@code /ResourceTypes}; the
   * caller may change it freely.
   *
   * @param id the resource type id, compared case-insensitively
   * @throws NoSuchElementException when there is no such resource type
   */
  public ObjectNode resourceTypeJson(String id) {
    LoadedType type = typesById.get(key(id));
    if (type == null) {
      throw new NoSuchElementException("No resource type with id " + id);
    }
    return type.json().deepCopy();
  }

  /** The SDK keeps a resource type's id private; its SCIM form falls back to the name, as we do. */
  private static String idOf(ResourceTypeDefinition definition) {
    return definition.toScimResource().getId();
  }

  private static String key(String id) {
    return Objects.requireNonNull(id, "id").toLowerCase(Locale.ROOT);
  }

  private static String endpointKey(String endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return endpoint.startsWith("/") ? endpoint : "/" + endpoint;
  }
}
