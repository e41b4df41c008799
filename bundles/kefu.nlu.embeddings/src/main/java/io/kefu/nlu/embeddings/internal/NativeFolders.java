package io.kefu.nlu.embeddings.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the natives go, and the JVM-wide settings DJL reads while a model loads.
 *
 * <p>ONNX Runtime unpacks its two natives (17 MB) into a new folder of the temporary directory
 * ({@code onnxruntime-java<random>}) once per class loader, that is once per revision of this bundle; it deletes
 * the files when the JVM exits and leaves the empty folder. So a new revision simply loads new copies. The DJL
 * tokenizer unpacks its native into {@code ENGINE_CACHE_DIR} (by default {@code ~/.djl.ai}) and reuses a file it
 * finds there. The JVM lets one native library file be loaded by one class loader only ("already loaded in another
 * classloader"), and the previous revision's class loader lives on after an update (ONNX Runtime's shutdown hook
 * holds it, see OnnxModel). So each revision of this bundle gets a folder of its own,
 * {@code data/nlu-embeddings/native/<bundle id>-<last modified>}, and the folders of earlier revisions are removed
 * when a new one starts loading (Linux and macOS allow deleting a loaded library; on Windows the folder goes at a
 * later start).
 *
 * <p>DJL reads its settings from the environment first and system properties second, and only while a tokenizer
 * is created. They are set here for the duration of a load and then restored, so no other code in the JVM sees
 * them: the cache folders, and offline mode, which keeps DJL from downloading a native for a platform this bundle
 * does not carry and from its usage report ("call home") on cloud machines. An operator's environment variable
 * {@code ENGINE_CACHE_DIR} wins over all this; then an update of the plug-in needs a restart of Kefu.
 */
final class NativeFolders {
    private static final Logger LOG = LoggerFactory.getLogger(NativeFolders.class);
    static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";
    static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";
    static final String OFFLINE = "ai.djl.offline";
    /** One load at a time in this class loader: the properties are JVM-wide, and two loads would halve each other's CPU. */
    private static final ReentrantLock LOADING = new ReentrantLock();

    private NativeFolders() {
    }

    /** The folder of one revision of this bundle, under {@code base} (data/nlu-embeddings/native). */
    static Path forRevision(Path base, long bundleId, long lastModified) {
        return base.resolve(bundleId + "-" + lastModified);
    }

    /** Runs a model load with DJL's native cache in {@code folder} and DJL offline; restores the settings after. */
    static <T> T loading(Path folder, Supplier<T> load) {
        LOADING.lock();
        try {
            if (System.getenv(ENGINE_CACHE_DIR) != null) {
                LOG.warn("The environment sets {}={}: the tokenizer's native is unpacked there, and an update of this"
                        + " plug-in needs a restart of Kefu", ENGINE_CACHE_DIR, System.getenv(ENGINE_CACHE_DIR));
            }
            Map<String, String> previous = new HashMap<>();
            set(previous, ENGINE_CACHE_DIR, folder.toString());
            set(previous, DJL_CACHE_DIR, folder.toString());
            set(previous, OFFLINE, "true");
            try {
                return load.get();
            } finally {
                previous.forEach((key, value) -> {
                    if (value == null) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
            }
        } finally {
            LOADING.unlock();
        }
    }

    private static void set(Map<String, String> previous, String key, String value) {
        previous.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** Removes the folders of other revisions under {@code base}; what cannot be removed now stays for later. */
    static void removeOthers(Path base, Path current) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(base)) {
            for (Path folder : folders) {
                if (!folder.equals(current) && Files.isDirectory(folder)) {
                    delete(folder);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not list {}: {}", base, e.toString());
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debug("Could not remove {} (still loaded?): {}", path, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("Could not remove {}: {}", folder, e.toString());
        }
    }
}
