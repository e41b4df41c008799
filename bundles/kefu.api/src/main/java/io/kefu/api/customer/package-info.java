/**
 * Customers and the identities by which channels know them (phone, email, member id, visitor id, app user id).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kefu.api.customer;
