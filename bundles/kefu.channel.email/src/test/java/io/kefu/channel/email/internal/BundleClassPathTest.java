package io.kefu.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.kefu.api.conversation.MessageIngest;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The closest this module's own build gets to Felix: the channel runs in a class loader made of exactly what the
 * bundle holds (its classes and the four jars on its Bundle-ClassPath, plus the Kefu API and SLF4J it imports),
 * whose parent sees only the JDK, while the calling thread's context class loader is the test class path with its
 * own, different copy of Jakarta Mail. Provider lookups that went through the caller's context (as they would in
 * a framework thread without {@link BundleLoader}) would find the wrong classes or none.
 */
class BundleClassPathTest {
    @RegisterExtension
    static final GreenMailExtension SERVER = TestMail.server();

    @Test
    @SuppressWarnings("unchecked")
    void imapAndSmtpProvidersAreFoundWithOnlyTheEmbeddedJars() throws Exception {
        Path target = Path.of("target");
        List<URL> classPath = new ArrayList<>();
        classPath.add(target.resolve("classes").toUri().toURL());
        classPath.add(target.resolve("test-classes").toUri().toURL());
        for (String jar : List.of("jakarta.mail-api", "angus-mail", "jakarta.activation-api", "angus-activation")) {
            Path embedded = target.resolve("embedded").resolve(jar + ".jar");
            assertThat(embedded).as("copied by maven-dependency-plugin for bnd").exists();
            classPath.add(embedded.toUri().toURL());
        }
        classPath.add(codeSource(MessageIngest.class));
        classPath.add(codeSource(LoggerFactory.class));
        TestMail.deliver(SERVER, TestMail.SUPPORT, TestMail.plain("<iso@example.com>", "隔离", "类加载器测试"));

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader bundle = new URLClassLoader(classPath.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = bundle.loadClass(IsolationProbe.class.getName());
            assertThat(probe).isNotSameAs(IsolationProbe.class);
            // A context class loader that sees a different Jakarta Mail: the test class path's.
            Thread.currentThread().setContextClassLoader(MimeMessage.class.getClassLoader());
            List<String> seen = ((Function<int[], List<String>>) probe.getConstructor().newInstance())
                    .apply(new int[] {SERVER.getImap().getPort(), SERVER.getSmtp().getPort()});

            assertThat(seen).containsExactly(TestMail.CUSTOMER + " <iso@example.com> 隔离\n\n类加载器测试",
                    "stored=1 healthy=true", "sent", "loader=true");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertThat(SERVER.getReceivedMessagesForDomain("example.com")).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Re: 测试"));
    }

    private static URL codeSource(Class<?> type) throws Exception {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        assertThat(Files.exists(Path.of(location.toURI()))).isTrue();
        return location;
    }
}
