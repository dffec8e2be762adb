/**
 * {@code scim-gateway sync}: makes a directory match an HR export. An export (CSV or JSON lines) is read
 * and checked whole, mapped to SCIM users by a YAML mapping, compared with the directory, and the
 * difference (joiners, movers, leavers, group memberships) is written through a {@link
 * io.scimgateway.gateway.sync.SyncTarget}: the gateway's own core in-process, or any SCIM 2.0 server by
 * URL. A run plans against what the directory holds now, so a run that was interrupted is resumed by
 * running it again: what was written before shows no difference and is not written twice. With the
 * previous run's export ({@link io.scimgateway.gateway.sync.ExportDelta}), only the rows that differ
 * from it are planned, against just their users and groups.
 */
package io.scimgateway.gateway.sync;
