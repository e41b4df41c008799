/**
 * Kefu's database, as the other bundles see it: they apply their own migrations and build MyBatis session
 * factories for their own mappers through {@link io.kefu.store.Store}; nobody else opens JDBC connections, except an embedded engine that runs its own SQL on the shared pool.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kefu.store;
