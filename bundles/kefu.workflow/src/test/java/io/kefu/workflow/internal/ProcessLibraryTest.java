package io.kefu.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.store.internal.PooledStore;
import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessLibraryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theFolderIsDeployedOnceAndAgainOnlyWhenItChanges(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create();
                PooledStore store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
                Workbench workbench = Workbench.open(store)) {
            ProcessLibrary library = workbench.service().library();
            Map<String, byte[]> folder = Workbench.repositoryProcesses();
            List<ProcessLibrary.Deployed> first = library.deployDefaults(folder);
            assertEquals(5, first.size(), first.toString());
            assertTrue(first.stream().allMatch(ProcessLibrary.Deployed::changed));
            assertTrue(library.latest().stream().anyMatch(p -> p.key().equals("refund-request") && p.sop()
                    && p.intents().contains("refund") && "退款申请".equals(p.title())), library.latest().toString());

            // A restart with the same folder deploys nothing new.
            List<ProcessLibrary.Deployed> again = library.deployDefaults(folder);
            assertTrue(again.stream().noneMatch(ProcessLibrary.Deployed::changed), again.toString());

            // A changed form makes a new version of the process that uses it, with the form travelling along.
            String form = new String(folder.get("/processes/forms/refund-confirm.form"))
                    .replace("The customer agrees", "The customer agreed");
            folder.put("/processes/forms/refund-confirm.form", form.getBytes());
            List<ProcessLibrary.Deployed> changed = library.deployDefaults(folder);
            assertEquals(List.of("refund-request"), changed.stream().filter(ProcessLibrary.Deployed::changed)
                    .map(ProcessLibrary.Deployed::key).toList());
            ProcessInfo v2 = library.version("refund-request", 2).orElseThrow();
            assertTrue(library.forms(v2.deploymentId()).get("refund-confirm").contains("The customer agreed"));
            ProcessInfo v1 = library.version("refund-request", 1).orElseThrow();
            assertTrue(library.forms(v1.deploymentId()).get("refund-confirm").contains("The customer agrees"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRestartFindsTheSchemaAndItsProcesses(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create();
                PooledStore store = PooledStore.open(scratch.url(), scratch.user(), scratch.password())) {
            try (Workbench first = Workbench.open(store)) {
                first.service().library().deployDefaults(Workbench.repositoryProcesses());
            }
            // H2 folds table names to lower case here, which Camunda's own look for its tables misses.
            try (Workbench second = Workbench.open(store)) {
                assertTrue(second.service().library().deployDefaults(Workbench.repositoryProcesses()).stream()
                        .noneMatch(ProcessLibrary.Deployed::changed));
                assertEquals(5, second.service().library().latest().size());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoInstallationsOnOneServerEachGetTheirOwnTables(TestDatabase database) throws Exception {
        try (ScratchDatabase first = database.create(); ScratchDatabase second = database.create();
                PooledStore one = PooledStore.open(first.url(), first.user(), first.password());
                PooledStore other = PooledStore.open(second.url(), second.user(), second.password());
                Workbench a = Workbench.open(one)) {
            a.service().library().deployDefaults(Workbench.repositoryProcesses());
            // On a MariaDB server the first database's tables must not make the second look installed.
            try (Workbench b = Workbench.open(other)) {
                assertTrue(b.service().library().latest().isEmpty());
                assertEquals(5, b.service().library().deployDefaults(Workbench.repositoryProcesses()).size());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void invalidModelsAreRefusedWithTheElementAndTheReason(TestDatabase database) throws Exception {
        try (ScratchDatabase scratch = database.create();
                PooledStore store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
                Workbench workbench = Workbench.open(store)) {
            ProcessLibrary library = workbench.service().library();
            String refund = new String(Workbench.repositoryProcesses().get("/processes/sop/refund-request.bpmn"));

            // A gateway condition that is not an expression.
            String badCondition = refund.replace("${eligible}", "${eligible ==}");
            List<BpmnProblem> problems = library.validate(badCondition, Map.of());
            assertFalse(problems.isEmpty());
            assertTrue(problems.stream().anyMatch(p -> "Flow_eligibleGw_createTicket".equals(p.elementId())),
                    problems.toString());

            // A flow to nowhere: the engine's parser names the flow.
            String dangling = refund.replace("targetRef=\"refunded\"", "targetRef=\"nowhere\"");
            problems = library.validate(dangling, Map.of());
            assertTrue(problems.stream().anyMatch(p -> "Flow_confirm_refunded".equals(p.elementId())
                    && p.message().contains("nowhere")), problems.toString());

            // A form that is neither given nor deployed.
            InvalidProcessException missingForm = assertThrows(InvalidProcessException.class,
                    () -> library.deploy(refund, Map.of(), "test"));
            assertTrue(missingForm.getMessage().contains("refund-check"), missingForm.getMessage());

            // An external entity (a hostile upload) is not read: no file content in the answer, nothing deployed.
            String hostile = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + refund.substring(refund.indexOf("<bpmn:definitions")).replace("Check the order", "&x;");
            problems = library.validate(hostile, Map.of());
            assertFalse(problems.isEmpty(), "a DOCTYPE is refused");
            assertTrue(problems.stream().noneMatch(p -> p.message().contains("root:")), problems.toString());

            // Not XML at all.
            problems = library.validate("<bpmn:definitions", Map.of());
            assertFalse(problems.isEmpty());
            assertTrue(problems.get(0).line() > 0 || problems.get(0).message().length() > 5, problems.toString());
            assertTrue(library.latest().isEmpty(), "nothing was deployed");
        }
    }
}
