/**
 * Routing's results for the bundles that carry them out: the actions escalation and routing rules emit, as Event
 * Admin events, and the decision record that explains where a conversation was sent and why.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kefu.api.routing;
