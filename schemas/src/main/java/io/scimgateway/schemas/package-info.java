/**
 * The SCIM schema and resource-type definitions shipped as JSON resources, and the registry that
 * loads them into the UnboundID SDK's schema types for discovery and validation.
 */
package io.scimgateway.schemas;
