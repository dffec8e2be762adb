/**
 * The skeleton every remote-platform adapter builds on: {@link io.scimgateway.kit.remote.RemoteStore}
 * (read, delete, replace under a per-resource lock with the version check, the join with local
 * state), {@link io.scimgateway.kit.remote.RemoteGroupStore} (member resolution, diff, nesting and
 * the change-members flow), the backend and provider boilerplate, and the repair of writes a crash
 * interrupted between platform and local state ({@link io.scimgateway.kit.remote.InterruptedWrites}).
 * An adapter supplies only its platform's calls and field mapping.
 */
package io.scimgateway.kit.remote;
