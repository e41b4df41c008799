package io.kefu.workbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellFilterTest {
    @Test
    void allowsExactlyTheInlineImportMapByItsHash(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("index.html");
        Files.writeString(page, "<html><script type=\"importmap\">{\"imports\":{}}</script>"
                + "<script type=\"module\" src=\"/workbench/shell.js\"></script></html>");
        String policy = ShellFilter.policy(page.toUri().toURL());
        // echo -n '{"imports":{}}' | openssl dgst -sha256 -binary | base64
        assertThat(policy).contains("script-src 'self' 'sha256-URrTy+Il/Nz0lHojVUx275hWqAWhkSF0VsHbUM4/6Hw='")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
    }
}
