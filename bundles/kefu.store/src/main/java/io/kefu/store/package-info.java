/**
 * Kefu's database, as the other bundles see it: they apply their own migrations and build MyBatis session
 * factories for their own mappers through {@link io.kefu.store.Store}; nobody else opens JDBC connections.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kefu.store;
