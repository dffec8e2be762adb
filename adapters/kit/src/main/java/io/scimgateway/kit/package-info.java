/**
 * What every remote adapter needs and writes once: the platform HTTP client with timeouts, retries
 * and rate-limit pauses, platform error translation into SCIM errors, bearer and client-credentials
 * tokens, per-resource locks, versions, member diffs and backend settings. The remote store skeleton
 * is in {@code remote}, local state in {@code local}.
 */
package io.scimgateway.kit;
