/**
 * An emulator of the SpaceONE (Cloudforet) identity service's REST form: v1 users with the storage rules and checks
 * of identity release-1.12, the core query object, v2 user groups, v1 projects and their members, roles and role
 * bindings, console-api's error shape and status mapping, on the shared emulator server with its fault injection.
 */
package io.scimgateway.emulator.spaceone;
