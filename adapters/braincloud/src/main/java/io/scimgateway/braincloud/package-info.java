/**
 * SCIM Users and Groups on brainCloud, through its server-to-server (S2S) dispatcher: the session client
 * ({@code S2s*}: authentication, packet ids, resends, bundles, heartbeats), the messages the stores send, and the
 * User and Group stores with local state for what brainCloud cannot hold.
 */
package io.scimgateway.braincloud;
