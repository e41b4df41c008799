package io.kefu.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.api.security.Role;
import io.kefu.api.spi.WorkbenchView;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * The workbench whiteboard end to end: a WorkbenchView service registered by any bundle (here the test bundle)
 * shows up in {@code GET /api/workbench/views} for a user whose role it names, and disappears with the service.
 */
@KefuItest
class WorkbenchViewsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A view as a vendor's plug-in would contribute it; its module is never loaded by this test. */
    private record ProbeView(String id, String title, String element, String resourceRoot, String module,
            Set<Role> roles) implements WorkbenchView {
    }

    @Test
    void aRegisteredViewIsListedForItsRoleUntilItIsUnregistered() {
        String token = KefuHttp.adminToken();
        String id = "itest.probe";

        ServiceRegistration<WorkbenchView> registration = Osgi.context().registerService(WorkbenchView.class,
                new ProbeView(id, "集成测试", "itest-probe", "/itest-view", "probe.js", Set.of(Role.ADMIN)), null);
        try {
            AtomicReference<JsonNode> listed = new AtomicReference<>();
            Osgi.await(WAIT, "view " + id + " in GET /api/workbench/views", () -> {
                listed.set(find(views(token), id));
                return listed.get() != null;
            });
            assertEquals("集成测试", listed.get().get("title").asText());
            assertEquals("itest-probe", listed.get().get("element").asText());
            assertTrue(listed.get().get("moduleUrl").asText().endsWith("/" + id + "/probe.js"),
                    "module URL: " + listed.get().get("moduleUrl"));
        } finally {
            registration.unregister();
        }
        Osgi.await(WAIT, "view " + id + " to leave GET /api/workbench/views", () -> find(views(token), id) == null);
    }

    private static JsonNode views(String token) {
        KefuHttp.Answer answer = KefuHttp.awaitServed("GET /api/workbench/views",
                () -> KefuHttp.get("/api/workbench/views", token));
        assertEquals(200, answer.status(), "GET /api/workbench/views: " + answer.body());
        return answer.json();
    }

    private static JsonNode find(JsonNode views, String id) {
        for (JsonNode view : views) {
            if (id.equals(view.path("id").asText())) {
                return view;
            }
        }
        return null;
    }
}
