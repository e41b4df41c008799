package io.kefu.nlu.internal;

import io.kefu.api.nlu.DialogueState;
import io.kefu.api.nlu.IntentDefinition;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.security.AuditLog;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.nlu.internal.NluRows.ExampleRow;
import io.kefu.nlu.internal.NluRows.TrainingRunRow;
import io.kefu.nlu.internal.model.TextClassifier;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * Intents, training examples and retraining for analysts; the NLU result of a conversation's messages for agents.
 * Edits take effect in the model at the next retraining, which analysts start when their changes are complete.
 */
@Component(service = NluResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/nlu")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public final class NluResource {
    private final IntentCatalog catalog;
    private final BuiltInIntentClassifier classifier;
    private final UnderstandingService understanding;
    private final NluData data;
    private final AuditLog audit;

    @Activate
    public NluResource(@Reference IntentCatalog catalog, @Reference BuiltInIntentClassifier classifier,
            @Reference io.kefu.api.nlu.Understanding understanding, @Reference NluData data,
            @Reference AuditLog audit) {
        this.catalog = catalog;
        this.classifier = classifier;
        this.understanding = (UnderstandingService) understanding;
        this.data = data;
        this.audit = audit;
    }

    public record IntentSettings(String description, List<String> requiredSlots, Boolean humanOnly) {
    }

    public record Example(String id, String intent, String language, String text) {
        static Example of(ExampleRow row) {
            return new Example(row.id(), row.intent(), row.language(), row.phrase());
        }
    }

    public record NewExample(String language, String text) {
    }

    public record TrialText(String text) {
    }

    public record Trial(NluResult result, List<TextClassifier.Scored> ranked) {
    }

    public record ConversationUnderstanding(DialogueState state, List<NluResult> messages) {
    }

    public record ImportOutcome(int examplesAdded) {
    }

    @GET
    @Path("/intents")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<IntentDefinition> intents() {
        return catalog.intents();
    }

    @PUT
    @Path("/intents/{name}")
    public Response saveIntent(@PathParam("name") String name, IntentSettings settings,
            @Context SecurityContext security) {
        requireName(name, "intent.name");
        if (settings == null) {
            throw ApiException.badRequest("intent.settings", "Send the intent's description, requiredSlots and humanOnly");
        }
        List<String> slots = settings.requiredSlots() == null ? List.of() : settings.requiredSlots();
        for (String slot : slots) {
            requireName(slot, "intent.slot");
        }
        if (settings.description() != null && settings.description().length() > 500) {
            throw ApiException.badRequest("intent.description", "A description has at most 500 characters");
        }
        String by = user(security);
        boolean created = catalog.save(name, settings.description(), slots, Boolean.TRUE.equals(settings.humanOnly()), by);
        audit.record(by, created ? "nlu.intent.create" : "nlu.intent.update", "intent:" + name,
                "slots=" + slots + " humanOnly=" + settings.humanOnly());
        IntentDefinition saved = catalog.intent(name).orElseThrow();
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(saved).build();
    }

    @DELETE
    @Path("/intents/{name}")
    public Response deleteIntent(@PathParam("name") String name, @Context SecurityContext security) {
        if (!catalog.delete(name)) {
            throw ApiException.notFound("intent.not_found", "no intent " + name);
        }
        audit.record(user(security), "nlu.intent.delete", "intent:" + name, "");
        return Response.noContent().build();
    }

    @GET
    @Path("/intents/{name}/examples")
    public List<Example> examples(@PathParam("name") String name) {
        requireIntent(name);
        return catalog.examples(name).stream().map(Example::of).toList();
    }

    @POST
    @Path("/intents/{name}/examples")
    public Response addExample(@PathParam("name") String name, NewExample example, @Context SecurityContext security) {
        requireIntent(name);
        if (example == null || example.language() == null || !IntentFile.LANGUAGES.contains(example.language())) {
            throw ApiException.badRequest("example.language", "language must be one of " + IntentFile.LANGUAGES);
        }
        if (example.text() == null || example.text().isBlank() || example.text().length() > IntentFile.MAX_EXAMPLE_CHARS) {
            throw ApiException.badRequest("example.text", "An example needs 1-" + IntentFile.MAX_EXAMPLE_CHARS + " characters");
        }
        ExampleRow row = catalog.addExample(name, example.language(), example.text());
        audit.record(user(security), "nlu.example.add", "intent:" + name, row.language() + ": " + row.phrase());
        return Response.status(Response.Status.CREATED).entity(Example.of(row)).build();
    }

    @DELETE
    @Path("/examples/{id}")
    public Response deleteExample(@PathParam("id") String id, @Context SecurityContext security) {
        if (!catalog.deleteExample(id)) {
            throw ApiException.notFound("example.not_found", "no example " + id);
        }
        audit.record(user(security), "nlu.example.delete", "example:" + id, "");
        return Response.noContent().build();
    }

    /** Retrains the built-in model on the current examples; it serves as soon as this answers. */
    @POST
    @Path("/training")
    public TrainingRunRow retrain(@Context SecurityContext security) {
        String by = user(security);
        TrainingRunRow run = classifier.retrain(by);
        audit.record(by, "nlu.retrain", "nlu:intents", run.outcome());
        return run;
    }

    @GET
    @Path("/training")
    public List<TrainingRunRow> trainingRuns() {
        return data.read(m -> m.trainingRuns(20));
    }

    /** What understanding makes of a sentence, without storing anything: analysts try their changes here. */
    @POST
    @Path("/analyze")
    public Trial analyze(TrialText text) {
        if (text == null || text.text() == null || text.text().isBlank() || text.text().length() > 2000) {
            throw ApiException.badRequest("analyze.text", "Send a text of 1-2000 characters");
        }
        return new Trial(understanding.analyze(text.text()), classifier.ranked(text.text()));
    }

    @GET
    @Path("/conversations/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public ConversationUnderstanding conversation(@PathParam("id") String conversationId) {
        return new ConversationUnderstanding(understanding.state(conversationId).orElse(null),
                understanding.results(conversationId));
    }

    @GET
    @Path("/export")
    public IntentFile export() {
        return catalog.exportFile();
    }

    @POST
    @Path("/import")
    public ImportOutcome importFile(IntentFile file, @Context SecurityContext security) {
        if (file == null) {
            throw ApiException.badRequest("import.empty", "Send a training file (format " + IntentFile.FORMAT + ")");
        }
        List<String> problems = file.problems();
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("import.invalid", String.join("; ", problems));
        }
        String by = user(security);
        int added = catalog.importFile(file, by);
        audit.record(by, "nlu.import", "nlu:intents", file.intents().size() + " intents, " + added + " new examples");
        return new ImportOutcome(added);
    }

    private void requireIntent(String name) {
        if (catalog.intent(name).isEmpty()) {
            throw ApiException.notFound("intent.not_found", "no intent " + name);
        }
    }

    private static void requireName(String name, String code) {
        if (name == null || !IntentFile.NAME.matcher(name).matches()) {
            throw ApiException.badRequest(code, "'" + name + "' must be lower case letters, digits and '_' (at most 64)");
        }
    }

    private static String user(SecurityContext security) {
        return ((KefuUser) security.getUserPrincipal()).username();
    }
}
