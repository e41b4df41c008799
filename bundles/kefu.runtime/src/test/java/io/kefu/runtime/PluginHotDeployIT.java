package io.kefu.runtime;

import static io.kefu.runtime.KefuProcess.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A vendor's plug-in dropped into plugins/ of a running Kefu goes live (bundle, REST endpoint, workbench view) and
 * goes away when the jar is deleted; a jar that cannot resolve is reported with its reason. The Kefu process is the
 * same one throughout: nothing restarts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginHotDeployIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PLUGIN = "com.example.kefu.parcels";

    Path home;
    KefuProcess kefu;
    KefuProcess.Client admin;

    @BeforeAll
    void start() throws Exception {
        home = KefuProcess.newHome("PluginHotDeployIT");
        kefu = KefuProcess.start(home, Map.of());
        admin = kefu.admin();
    }

    @AfterAll
    void stop() throws Exception {
        kefu.close();
    }

    @Test
    void aPluginGoesLiveWhenDroppedInAndAwayWhenDeleted() throws Exception {
        long pid = kefu.pid();
        Path jar = home.resolve("plugins/parcel-tracking.jar");
        Files.copy(Path.of(System.getProperty("kefu.sample.plugin")), jar, StandardCopyOption.REPLACE_EXISTING);

        eventually(WAIT, "the plug-in bundle is active", () -> "ACTIVE".equals(state(PLUGIN)));
        JsonNode bundle = bundle(PLUGIN);
        assertThat(bundle.get("plugin").asBoolean()).isTrue();
        assertThat(bundle.get("location").asText()).isEqualTo("plugins/parcel-tracking.jar");
        eventually(WAIT, "its view is listed", () -> viewModule("example.parcels") != null);
        var module = admin.get(viewModule("example.parcels"));
        assertThat(module.status()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(module.body()).contains("customElements.define('example-parcel-view'");
        assertThat(kefu.anonymous().get(viewModule("example.parcels")).status())
                .as("view code only for logged-in users").isEqualTo(404);
        eventually(WAIT, "its endpoint answers", () -> status("/api/parcels/SF1234567890123") == 200);
        assertThat(admin.get("/api/parcels/SF1234567890123").json().get(0).get("carrier").asText()).isEqualTo("SF Express");

        Files.delete(jar);
        eventually(WAIT, "the bundle is gone", () -> bundle(PLUGIN) == null);
        eventually(WAIT, "the view is gone", () -> viewModule("example.parcels") == null);
        eventually(WAIT, "the endpoint is gone", () -> status("/api/parcels/SF1234567890123") == 404);
        assertThat(kefu.pid()).isEqualTo(pid);
        assertThat(kefu.alive()).isTrue();
        assertThat(admin.get("/api/audit").json().get("items").findValuesAsText("action"))
                .contains("plugin.install", "plugin.remove");
        assertThat(kefu.anonymous().get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void aPluginThatCannotResolveIsListedWithItsReasonAndHarmsNothing() throws Exception {
        Path jar = home.resolve("plugins/broken.jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "com.example.broken");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "com.example.nowhere;version=\"[1,2)\"");
        Path temp = home.resolve("broken.tmp");
        try (OutputStream out = Files.newOutputStream(temp); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
        Files.move(temp, jar, StandardCopyOption.ATOMIC_MOVE);

        eventually(WAIT, "the broken bundle is listed", () -> bundle("com.example.broken") != null);
        JsonNode broken = bundle("com.example.broken");
        assertThat(broken.get("state").asText()).isEqualTo("INSTALLED");
        assertThat(broken.get("problem").asText()).contains("com.example.nowhere");
        assertThat(kefu.anonymous().get("/api/health").status()).isEqualTo(200);
        assertThat(admin.get("/api/users").status()).isEqualTo(200);

        Files.delete(jar);
        eventually(WAIT, "the broken bundle is removed", () -> bundle("com.example.broken") == null);
    }

    private JsonNode bundle(String symbolicName) {
        try {
            for (JsonNode bundle : admin.get("/api/platform/bundles").json()) {
                if (symbolicName.equals(bundle.get("symbolicName").asText())) {
                    return bundle;
                }
            }
            return null;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String state(String symbolicName) {
        JsonNode bundle = bundle(symbolicName);
        return bundle == null ? null : bundle.get("state").asText();
    }

    private String viewModule(String id) {
        try {
            for (JsonNode view : admin.get("/api/workbench/views").json()) {
                if (id.equals(view.get("id").asText())) {
                    return view.get("moduleUrl").asText();
                }
            }
            return null;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private int status(String path) {
        try {
            return admin.get(path).status();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
