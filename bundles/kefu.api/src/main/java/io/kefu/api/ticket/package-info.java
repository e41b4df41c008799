/**
 * Tickets: work that outlives a conversation, with a priority and a lifecycle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kefu.api.ticket;
