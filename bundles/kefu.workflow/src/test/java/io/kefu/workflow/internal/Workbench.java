package io.kefu.workflow.internal;

import io.kefu.store.internal.PooledStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A workflow engine on a test database, with the repository's processes/ folder at hand, as the tests of this
 * bundle (and of the bundles built on it) need it. Jobs are run by the tests, never by the job executor.
 */
public final class Workbench implements AutoCloseable {
    private final WorkflowEngine engine;
    private final ProcessActions actions;
    private final WorkflowService service;

    private Workbench(WorkflowEngine engine, ProcessActions actions) {
        this.engine = engine;
        this.actions = actions;
        this.service = new WorkflowService(engine, actions);
    }

    public static Workbench open(PooledStore store) {
        return open(store, false);
    }

    public static Workbench open(PooledStore store, boolean jobExecutor) {
        ProcessActions actions = new ProcessActions();
        WorkflowEngine engine = new WorkflowEngine(store.dataSource(), store.kind(), actions,
                new WorkflowEngine.Settings(jobExecutor, 2, "P180D"));
        return new Workbench(engine, actions);
    }

    public WorkflowEngine engine() {
        return engine;
    }

    public ProcessActions actions() {
        return actions;
    }

    public WorkflowService service() {
        return service;
    }

    /** The repository's processes/ folder as the bundle holds it: "/processes/..." paths to contents. */
    public static Map<String, byte[]> repositoryProcesses() {
        Path root = Path.of(System.getProperty("kefu.processes", "../../processes"));
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put("/processes/" + root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Override
    public void close() {
        engine.close();
    }
}
