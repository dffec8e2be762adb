/**
 * The SpaceONE (Cloudforet) backend: SCIM Users on the identity v1 user API ({@code POST
 * <prefix>/user/<verb>}), Groups on v2 user groups or v1 projects, roles on domain role bindings, and
 * what SpaceONE cannot hold in local state.
 */
package io.scimgateway.spaceone;
