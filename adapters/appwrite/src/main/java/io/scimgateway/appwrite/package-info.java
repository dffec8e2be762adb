/**
 * The Appwrite Users backend: SCIM users and groups mapped onto Appwrite's users and teams over its
 * REST API, filters translated to Appwrite queries, and what Appwrite cannot hold kept in local state
 * (see the kit's {@code local} and {@code remote} packages).
 */
package io.scimgateway.appwrite;
