/**
 * What understanding a message yields: intent, entities, sentiment.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kefu.api.nlu;
