/**
 * Conversations and their messages, on any channel, and the service channels hand inbound messages to.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.2.0")
package io.kefu.api.conversation;
