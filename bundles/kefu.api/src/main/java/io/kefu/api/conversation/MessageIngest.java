package io.kefu.api.conversation;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The door every channel uses to hand Kefu a customer's message. Implemented by the conversation bundle;
 * channels call it. The message is committed to the database before this returns.
 */
@ProviderType
public interface MessageIngest {
    IngestReceipt ingest(InboundMessage message);
}
