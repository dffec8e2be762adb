/**
 * The Zscaler ZIdentity backend: SCIM users, groups and entitlements mapped onto ZIdentity's users,
 * groups and entitlement APIs, with OAuth client credentials, filters translated to its list parameters,
 * and what ZIdentity cannot hold kept in local state.
 */
package io.scimgateway.zidentity;
