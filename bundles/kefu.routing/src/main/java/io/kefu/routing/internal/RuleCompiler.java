package io.kefu.routing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL text into a {@link CompiledRuleSet} with the embedded Drools. Drools finds its own parts through
 * the context class loader, which inside OSGi must be this bundle's (platform-facts: without it
 * {@code KieServices.Factory.get()} is null), and it must see the fact classes of {@code io.kefu.routing.facts}.
 *
 * <p>Each compilation gets a release id of its own and leaves nothing in Drools' module repository afterwards:
 * analysts validate, test and simulate many drafts, and none of them may be kept alive by the engine.
 */
public final class RuleCompiler {
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    static final String DRL_PATH = "src/main/resources/io/kefu/routing/rules/routing.drl";

    private RuleCompiler() {
    }

    /**
     * Compiles {@code drl}, or throws {@link RuleCompilationException} with every error's line, column and text.
     * Warnings do not stop a rule set.
     */
    public static CompiledRuleSet compile(String drl, int fireLimit) {
        if (drl == null || drl.isBlank()) {
            throw new RuleCompilationException(List.of(new RuleProblem(0, 0, "The rule set is empty")));
        }
        return withBundleLoader(() -> {
            KieServices services = KieServices.Factory.get();
            ReleaseId release = services.newReleaseId("io.kefu.routing", "rules-" + UUID.randomUUID(), "1.0.0");
            KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(release);
            files.write(DRL_PATH, drl.getBytes(StandardCharsets.UTF_8));
            KieBuilder builder = services.newKieBuilder(files, RuleCompiler.class.getClassLoader()).buildAll();
            List<RuleProblem> problems = new ArrayList<>();
            for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
                String text = clean(message.getText());
                if (text.startsWith(NULL_PACKAGE) && !problems.isEmpty()) {
                    continue; // a consequence of the parse errors already listed, which says nothing more
                }
                problems.add(new RuleProblem(Math.max(0, message.getLine()), column(message, text), text));
            }
            try {
                if (!problems.isEmpty()) {
                    throw new RuleCompilationException(problems);
                }
                KieContainer container = services.newKieContainer(release, RuleCompiler.class.getClassLoader());
                KieBase base = container.getKieBase();
                return new CompiledRuleSet(base, fireLimit);
            } finally {
                services.getRepository().removeKieModule(release);
            }
        });
    }

    /** Runs {@code work} with the context class loader set to this bundle's, as every call into Drools needs. */
    static <T> T withBundleLoader(Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleCompiler.class.getClassLoader());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The 1-based column. Drools leaves it 0 for parser errors but names it in the text ("Line 7:1", counted from 0
     * as its parser does).
     */
    private static int column(Message message, String text) {
        if (message.getColumn() > 0) {
            return message.getColumn();
        }
        Matcher at = PARSER_POSITION.matcher(text);
        return at.find() && Integer.parseInt(at.group(1)) == message.getLine() ? Integer.parseInt(at.group(2)) + 1 : 0;
    }

    /** Drools repeats the file path in its texts; the analyst only ever edits the one file. */
    private static String clean(String text) {
        return text == null ? "" : text.replace(DRL_PATH, "routing.drl").strip();
    }
}
