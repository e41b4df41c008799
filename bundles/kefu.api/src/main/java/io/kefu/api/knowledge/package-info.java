/**
 * Knowledge articles and FAQ entries the bot answers from and agents insert.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kefu.api.knowledge;
