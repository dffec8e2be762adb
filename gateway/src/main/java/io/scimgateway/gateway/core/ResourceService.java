package io.scimgateway.gateway.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import io.scimgateway.gateway.core.password.PasswordActions;
import io.scimgateway.gateway.core.password.PasswordExtension;
import io.scimgateway.gateway.core.password.PasswordRequest;
import io.scimgateway.gateway.core.password.ResetSink;
import io.scimgateway.gateway.core.query.CursorCodec;
import io.scimgateway.gateway.core.query.ListQuery;
import io.scimgateway.gateway.core.query.ListQueryParser;
import io.scimgateway.gateway.core.query.ListResult;
import io.scimgateway.gateway.core.query.Projection;
import io.scimgateway.gateway.core.query.ResourceSearch;
import io.scimgateway.gateway.core.write.AuditedChanges;
import io.scimgateway.gateway.core.write.EntitlementRules;
import io.scimgateway.gateway.core.write.MemberChanges;
import io.scimgateway.gateway.core.write.Preconditions;
import io.scimgateway.gateway.core.write.ResourceValidator;
import io.scimgateway.gateway.core.write.UniqueGroupNames;
import io.scimgateway.spi.AttributeMutability;
import io.scimgateway.spi.AuditTrail;
import io.scimgateway.spi.EntitlementCatalog;
import io.scimgateway.spi.GroupMembership;
import io.scimgateway.spi.NeededAttributes;
import io.scimgateway.spi.PasswordFeature;
import io.scimgateway.spi.PasswordManagement;
import io.scimgateway.spi.ResourceChange;
import io.scimgateway.spi.ResourceStore;
import io.scimgateway.spi.StoredResource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SCIM operations on one resource type (RFC 7644 section 3), the same for every backend: schema
 * checks, preconditions, PATCH, the backend's entitlement catalog, then one call to the store, and
 * after it the password actions the request asked for (see {@link PasswordExtension}). Thread-safe.
 */
public final class ResourceService {

  /**
   * How often a PATCH without {@code If-Match} is re-applied when a concurrent write won the race:
   * enough for a handful of clients changing one resource at once (an IdP's parallel pushes).
   */
  private static final int PATCH_ATTEMPTS = 10;

  private final ResourceTypeDefinition resourceType;
  private final ResourceStore store;
  private final ResourceValidator validator;
  private final ResourceSearch search;
  private final ResourceRepresentation representation;
  private final ListQueryParser queryParser;
  private final Optional<GroupMembership> membership;
  private final PasswordActions passwords;
  private final EntitlementRules entitlements;
  private final UniqueGroupNames groupNames;
  private final AuditedChanges audit;
  /** What a read that names no attributes uses: not those returned on request. */
  private final NeededAttributes plainRead;
  private final boolean returnsOnRequest;

  public ResourceService(ResourceTypeDefinition resourceType, ResourceStore store,
      GatewayLimits limits, CursorCodec cursors, ClientCompatibility compatibility,
      ResetSink resetSink, Optional<EntitlementCatalog> catalog, Optional<AuditTrail> auditTrail) {
    this.resourceType = resourceType;
    this.store = store;
    this.validator = new ResourceValidator(resourceType, compatibility, limits.values());
    this.search = new ResourceSearch(resourceType, store, limits, cursors);
    this.representation = new ResourceRepresentation(resourceType);
    this.queryParser = new ListQueryParser(resourceType, limits, compatibility);
    this.membership = store.capability(GroupMembership.class);
    this.passwords = new PasswordActions(store.capability(PasswordManagement.class), resetSink);
    this.entitlements = new EntitlementRules(catalog);
    this.groupNames = new UniqueGroupNames(resourceType, search);
    this.plainRead = Projection.plain(resourceType).returned();
    this.returnsOnRequest = resourceType.getCoreSchema().getAttributes().stream()
        .anyMatch(a -> a.getReturned() == AttributeDefinition.Returned.REQUEST);
    this.audit = new AuditedChanges(auditTrail, resourceType.getName(), validator::writable);
  }

  /** The password actions this type's store can do; empty without {@link PasswordManagement}. */
  public Set<PasswordFeature> passwordFeatures() {
    return passwords.features();
  }

  /** Core attributes the store holds with a stricter mutability than the schema's; empty for none. */
  public Map<String, String> attributeMutability() {
    return store.capability(AttributeMutability.class).map(AttributeMutability::mutability).orElse(Map.of());
  }

  /** Parses list and search parameters for this resource type; built once, shared by all requests. */
  public ListQueryParser queryParser() {
    return queryParser;
  }

  public ResourceTypeDefinition resourceType() {
    return resourceType;
  }

  public ResourceRepresentation representation() {
    return representation;
  }

  public StoredResource create(Requester by, ObjectNode body) throws ScimException {
    ObjectNode attributes = validator.forCreate(body);
    PasswordRequest password = passwords.take(attributes, WriteKind.CREATE);
    entitlements.apply(attributes, null, WriteKind.CREATE);
    StoredResource user = groupNames.write(attributes, null,
        () -> audit.change(by, "POST", null, attributes, password,
            () -> passwords.create(store, attributes, password)));
    return passwords.apply(user, passwords.setHeldPassword(store, user, password));
  }

  public StoredResource get(String id) throws ScimException {
    return store.get(id).orElseThrow(() -> notFound(id));
  }

  /** The resource, read only as far as a response returning {@code needed} uses it. */
  public StoredResource get(String id, NeededAttributes needed) throws ScimException {
    return store.get(id, needed).orElseThrow(() -> notFound(id));
  }

  public StoredResource replace(Requester by, String id, ObjectNode body,
      Preconditions preconditions) throws ScimException {
    StoredResource current = get(id);
    preconditions.checkWrite(current);
    ObjectNode after = validator.forReplace(body, current.attributes());
    PasswordRequest password = passwords.take(after, WriteKind.REPLACE);
    passwords.check(id, password);
    entitlements.apply(after, current.attributes(), WriteKind.REPLACE);
    StoredResource replaced = groupNames.write(after, current,
        () -> audit.change(by, "PUT", current, after, password,
            () -> store.replace(new ResourceChange(current, after))));
    return passwords.apply(replaced, password);
  }

  /**
   * Applies a PATCH to the current resource and stores the result conditionally. Without
   * {@code If-Match} the client asked for "apply to whatever is there", so a lost race is retried on
   * the fresh resource; with it, the race is the client's 412. A PATCH that only asks for password
   * actions changes nothing stored: it acts once and answers the resource with its version unchanged.
   * {@code answered} is what the answer uses of the resource: a change of members alone then need not
   * read a large group's members back.
   */
  public StoredResource patch(Requester by, String id, PatchRequest patch,
      Preconditions preconditions, NeededAttributes answered) throws ScimException {
    Optional<MemberChanges> changes = membership.isPresent() ? MemberChanges.of(patch)
        : Optional.empty();
    if (changes.isPresent()) {
      return changeMembers(by, id, changes.get(), preconditions, answered);
    }
    if (patch.getOperations().isEmpty()) {
      // Nothing to change (compatibility.emptyPatches): answer what a plain read would.
      StoredResource current = get(id, plainRead);
      preconditions.checkWrite(current);
      return current;
    }
    for (int attempt = 1; ; attempt++) {
      StoredResource current = get(id);
      preconditions.checkWrite(current);
      ObjectNode after = validator.forPatch(patch, current.id(), current.attributes());
      PasswordRequest password = passwords.take(after, WriteKind.PATCH);
      passwords.check(id, password);
      if (!password.isEmpty() && after.equals(validator.writable(current.attributes()))) {
        return audit.passwordActions(by, passwords.apply(plainAnswer(current), password), password);
      }
      entitlements.apply(after, current.attributes(), WriteKind.PATCH);
      Optional<StoredResource> patched = replaceUnlessRaced(by, current, after, password,
          preconditions.ifMatch() == null && attempt < PATCH_ATTEMPTS);
      if (patched.isPresent()) {
        return passwords.apply(patched.get(), password);
      }
    }
  }

  /**
   * What a plain read gives of a resource read whole for a write: the same, unless attributes are
   * returned on request, whose read also shows in the version; then read again without them.
   */
  private StoredResource plainAnswer(StoredResource current) throws ScimException {
    return returnsOnRequest ? get(current.id(), plainRead) : current;
  }

  /** Stores the change; empty when a concurrent write won and {@code retry} allows another attempt. */
  private Optional<StoredResource> replaceUnlessRaced(Requester by, StoredResource current,
      ObjectNode after, PasswordRequest password, boolean retry) throws ScimException {
    try {
      return Optional.of(groupNames.write(after, current,
          () -> audit.change(by, "PATCH", current, after, password,
              () -> store.replace(new ResourceChange(current, after)))));
    } catch (PreconditionFailedException e) {
      if (!retry) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /** Only members come and go: the store changes those rows, never the whole list. */
  private StoredResource changeMembers(Requester by, String id, MemberChanges changes,
      Preconditions preconditions, NeededAttributes answered) throws ScimException {
    String expected = null;
    if (preconditions.ifMatch() != null) {
      StoredResource current = get(id, NeededAttributes.ID_AND_VERSION);
      preconditions.checkWrite(current);
      expected = current.version();
    }
    String expectedVersion = expected;
    return audit.members(by, changes.add(), changes.remove(), () -> membership.orElseThrow()
        .changeMembers(id, changes.add(), changes.remove(), expectedVersion, answered));
  }

  public void delete(Requester by, String id, Preconditions preconditions) throws ScimException {
    StoredResource current = get(id);
    preconditions.checkWrite(current);
    audit.change(by, "DELETE", current, null, PasswordRequest.NONE, () -> {
      store.delete(id, current.version());
      return null;
    });
  }

  public ListResult search(ListQuery query) throws ScimException {
    return search.search(query);
  }

  private ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No " + resourceType.getName() + " has the id \"" + id + "\".");
  }
}
