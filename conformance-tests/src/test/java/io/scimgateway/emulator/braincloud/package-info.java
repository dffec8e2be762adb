/**
 * An emulator of brainCloud's server-to-server (S2S) dispatcher: sessions and packet ids, bundled messages, and the
 * user, identity, player-state and group operations the gateway's brainCloud adapter calls, with their documented
 * fields and reason codes, generic paged queries and MongoDB-style search criteria.
 */
package io.scimgateway.emulator.braincloud;
