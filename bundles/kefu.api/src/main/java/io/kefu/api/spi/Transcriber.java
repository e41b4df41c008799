package io.kefu.api.spi;

import java.io.InputStream;
import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;

/** Speech to text for the voice channel. {@code mediaType} is the audio's type, such as {@code audio/wav}. */
@ConsumerType
public interface Transcriber {
    String transcribe(InputStream audio, String mediaType, Locale language);
}
