/**
 * The push-down equivalence harness: random users and filters, each backend's push-down compared with
 * the SCIM SDK's own filter evaluation over the same users, for the embedded store and every remote
 * platform's emulator.
 */
package io.scimgateway.conformance.equivalence;
