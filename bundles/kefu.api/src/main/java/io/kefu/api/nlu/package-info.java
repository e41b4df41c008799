/**
 * What understanding a message yields (intent, entities, sentiment), what a conversation's dialogue remembers,
 * and the {@link io.kefu.api.nlu.Understanding} service that combines the registered engines.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kefu.api.nlu;
