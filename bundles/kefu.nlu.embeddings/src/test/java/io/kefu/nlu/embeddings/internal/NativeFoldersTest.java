package io.kefu.nlu.embeddings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeFoldersTest {
    @Test
    void theTokenizersNativeIsUnpackedIntoTheGivenFolderAndTheSettingsAreRestored() throws IOException {
        System.setProperty(NativeFolders.OFFLINE, "false");
        try {
            TestEncoders.get(EncoderModel.ENGLISH);
            assertThat(System.getProperty(NativeFolders.OFFLINE)).isEqualTo("false");
        } finally {
            System.clearProperty(NativeFolders.OFFLINE);
        }
        assertThat(System.getProperty(NativeFolders.ENGINE_CACHE_DIR)).isNull();
        assertThat(System.getProperty(NativeFolders.DJL_CACHE_DIR)).isNull();
        try (Stream<Path> files = Files.walk(TestEncoders.NATIVE)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.equals(System.mapLibraryName("tokenizers")));
        }
    }

    @Test
    void removesTheFoldersOfOtherRevisionsOnly(@TempDir Path base) throws IOException {
        Path current = NativeFolders.forRevision(base, 42, 1700000000000L);
        Path old = NativeFolders.forRevision(base, 42, 1600000000000L);
        Files.createDirectories(current.resolve("tokenizers"));
        Files.createDirectories(old.resolve("tokenizers/0.31.1-cpu-linux-x86_64"));
        Files.writeString(old.resolve("tokenizers/0.31.1-cpu-linux-x86_64/libtokenizers.so"), "x");
        NativeFolders.removeOthers(base, current);
        assertThat(current).isDirectory();
        assertThat(old).doesNotExist();
        NativeFolders.removeOthers(base.resolve("absent"), current);
    }

    @Test
    void aRevisionFolderNamesTheBundleAndItsLastUpdate() {
        assertThat(NativeFolders.forRevision(Path.of("data"), 7, 123).toString())
                .isEqualTo(Path.of("data", "7-123").toString());
    }
}
