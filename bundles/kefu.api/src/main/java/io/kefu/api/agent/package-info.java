/**
 * Agents, their skills, presence and capacity, and the teams and queues work is routed to.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kefu.api.agent;
