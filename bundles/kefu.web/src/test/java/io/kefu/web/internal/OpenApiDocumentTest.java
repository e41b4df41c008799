package io.kefu.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.security.Roles;
import io.kefu.web.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    enum Status { OPEN, CLOSED }

    record Ticket(String id, Status status, List<String> tags) {
    }

    @Path("/tickets")
    @RolesAllowed(Roles.AGENT)
    public static class TicketResource {
        @GET
        public Page<Ticket> list(@QueryParam("offset") Integer offset) {
            return null;
        }

        @GET
        @Path("{id}")
        @PermitAll
        public Ticket one(@PathParam("id") String id) {
            return null;
        }

        @POST
        @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
        public Ticket create(Ticket ticket) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    @Test
    void describesPathsOperationsAndWhoMayCallThem() {
        Map<String, Object> doc = new OpenApiDocument("/api").describe(List.of(TicketResource.class));
        assertThat(at(doc, "paths")).containsOnlyKeys("/api/tickets", "/api/tickets/{id}");
        assertThat(at(doc, "paths", "/api/tickets")).containsOnlyKeys("get", "post");
        assertThat(at(doc, "paths", "/api/tickets", "get").get("x-kefu-roles")).isEqualTo(List.of("AGENT"));
        assertThat(at(doc, "paths", "/api/tickets", "post").get("x-kefu-roles")).isEqualTo(List.of("ADMIN", "SUPERVISOR"));
        assertThat(at(doc, "paths", "/api/tickets/{id}", "get").get("x-kefu-roles")).isEqualTo(List.of("public"));
    }

    @Test
    void recordsBecomeSchemasAndGenericPagesAreResolved() {
        Map<String, Object> doc = new OpenApiDocument("/api").describe(List.of(TicketResource.class));
        Map<String, Object> ticket = at(doc, "components", "schemas", "OpenApiDocumentTestTicket", "properties");
        assertThat(ticket).containsOnlyKeys("id", "status", "tags");
        assertThat(at(ticket, "status").get("enum")).isEqualTo(List.of("OPEN", "CLOSED"));
        Map<String, Object> page = at(doc, "paths", "/api/tickets", "get", "responses", "200", "content",
                "application/json", "schema", "properties");
        assertThat(at(page, "items", "items").get("$ref")).isEqualTo("#/components/schemas/OpenApiDocumentTestTicket");
    }
}
