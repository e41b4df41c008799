package io.kefu.nlu.embeddings.internal;

import io.kefu.api.spi.SentenceEncoder;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link EncoderModel} as a {@link SentenceEncoder}. Thread-safe: the ONNX session and the native tokenizer
 * may be called from many threads at once. A read-write lock lets any number of callers encode and makes
 * {@link #close} wait until none is inside the session: a consumer may still be in encode when the service is
 * unregistered, and a session closed under a running call would crash the JVM. After close, encode answers the
 * "nothing known" vector.
 *
 * <p>encode never throws and never answers null. A text with nothing left to encode (empty, blank, only control
 * or format characters, or only characters the tokenizer drops, such as a lone accent) and any text the model fails
 * on get the model's vector for the unknown token, the same vector an emoji-only message gets (both models' word
 * lists have no emoji): "nothing the model knows".
 */
final class OnnxSentenceEncoder implements SentenceEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxSentenceEncoder.class);
    /** Both tokenizers read this as their unknown token: [CLS] [UNK] [SEP]. */
    static final String NOTHING = "[UNK]";
    private static final long WARN_INTERVAL_NANOS = 60_000_000_000L;

    private final EncoderModel model;
    private final OnnxModel embeddings;
    private final float[] nothing;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lock
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);
    private final AtomicLong failures = new AtomicLong();

    private OnnxSentenceEncoder(EncoderModel model, OnnxModel embeddings, float[] nothing) {
        this.model = model;
        this.embeddings = embeddings;
        this.nothing = nothing;
    }

    /**
     * Loads the model and checks that it answers with vectors of the stated dimension. The caller prepares DJL's
     * native folder (NativeFolders); {@link #close} frees the model.
     */
    static OnnxSentenceEncoder load(EncoderModel model) {
        return BundleLoader.call(() -> {
            OnnxModel embeddings = OnnxModel.load(model);
            try {
                float[] nothing = unit(embeddings.embed(NOTHING).content().vector());
                if (nothing == null || nothing.length != model.dimension()) {
                    throw new IllegalStateException("model " + model.modelName() + " answers "
                            + (nothing == null ? "no usable vector" : nothing.length + " dimensions, not "
                            + model.dimension()));
                }
                return new OnnxSentenceEncoder(model, embeddings, nothing);
            } catch (RuntimeException e) {
                embeddings.close();
                throw e;
            }
        });
    }

    @Override
    public String model() {
        return model.modelName();
    }

    @Override
    public Set<String> languages() {
        return model.languages();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] encode(String text) {
        String kept = MessageText.clean(text, model.maxChars());
        if (kept.isEmpty()) {
            return nothing.clone();
        }
        lock.readLock().lock();
        try {
            if (closed) {
                return nothing.clone();
            }
            float[] vector = unit(BundleLoader.call(() -> embeddings.embed(kept).content().vector()));
            if (vector != null && vector.length == nothing.length) {
                return vector;
            }
            warn(null);
        } catch (IllegalArgumentException e) {
            // langchain4j refuses a text that tokenizes to nothing ("Cannot embed empty or whitespace-only text"):
            // the same as an empty message, not a failure.
        } catch (RuntimeException e) {
            // ONNX Runtime or the tokenizer failing on what nobody foresaw: a consumer on the ingest path must
            // still get a vector.
            warn(e);
        } finally {
            lock.readLock().unlock();
        }
        return nothing.clone();
    }

    /** Frees the model's native memory once no call is inside it; idempotent. */
    void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                embeddings.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The message text is never logged: it is a customer's. */
    private void warn(RuntimeException e) {
        long count = failures.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("Encoder {} could not encode a message ({} so far); it got the 'nothing known' vector: {}",
                    model.modelName(), count, e == null ? "no usable vector" : e.toString(), e);
        }
    }

    /**
     * The vector scaled to length 1, or null if it has none. langchain4j already normalises, but in float and
     * without a guard against a zero or non-finite sum; this is computed in double so that the SPI's promise (cosine
     * similarity is a dot product) holds to float precision.
     */
    static float[] unit(float[] vector) {
        if (vector == null || vector.length == 0) {
            return null;
        }
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        double norm = Math.sqrt(sum);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            return null;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
