package io.kefu.knowledge.internal;

import io.kefu.api.knowledge.ArticleStatus;
import io.kefu.api.knowledge.KnowledgeArticle;
import io.kefu.api.knowledge.KnowledgeHit;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.knowledge.internal.KnowledgeService.ArticleFilter;
import io.kefu.knowledge.internal.KnowledgeService.ImportOutcome;
import io.kefu.knowledge.internal.Rows.VersionRow;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import io.kefu.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * The knowledge base over REST at {@code /api/knowledge}. Everyone who answers customers searches it (published
 * articles; analysts and admins may search drafts and archived ones too); analysts and admins write it.
 *
 * <p>Changes to an existing article may name the version the client edited ({@code version} in an update's body,
 * {@code ?version=} elsewhere; required for updates): when the article has moved on since, the answer is 409 and
 * nothing changes.
 */
@Component(service = KnowledgeResource.class, scope = ServiceScope.PROTOTYPE, configurationPid = "kefu.knowledge")
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/knowledge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public final class KnowledgeResource {
    static final String CSV = "text/csv";
    static final int DEFAULT_HITS = 10;
    static final int MAX_HITS = 50;
    static final int MAX_QUERY_CHARS = 1000;

    private final KnowledgeService knowledge;
    private final long maxImportBytes;
    private final int maxImportRows;

    @Activate
    public KnowledgeResource(@Reference KnowledgeService knowledge, KnowledgeConfig config) {
        this(knowledge, config.maxImportBytes(), config.maxImportRows());
    }

    KnowledgeResource(KnowledgeService knowledge, long maxImportBytes, int maxImportRows) {
        this.knowledge = knowledge;
        this.maxImportBytes = maxImportBytes;
        this.maxImportRows = maxImportRows;
    }

    /** A new article; status is DRAFT unless given. */
    public record NewArticle(String language, String question, List<String> alternativeQuestions, String answer,
            List<String> tags, String status) {
    }

    /** An edit of an article's content, made to {@code version}. */
    public record ArticleEdit(Integer version, String language, String question, List<String> alternativeQuestions,
            String answer, List<String> tags) {
    }

    /** An article with the list of its versions, newest first. */
    public record ArticleDetail(KnowledgeArticle article, List<VersionSummary> versions) {
    }

    public record VersionSummary(int version, String change, Integer restoredFrom, ArticleStatus status,
            String editedBy, Instant editedAt) {
        static VersionSummary of(VersionRow row) {
            return new VersionSummary(row.version(), row.changeKind(), row.restoredFrom(),
                    ArticleStatus.valueOf(row.status()), row.editedBy(), row.editedAt());
        }
    }

    /** One version of an article, whole. */
    public record ArticleVersion(String articleId, int version, String change, Integer restoredFrom,
            ArticleStatus status, String editedBy, Instant editedAt, String language, String question,
            List<String> alternativeQuestions, String answer, Set<String> tags) {
        static ArticleVersion of(VersionRow row) {
            ArticleContent content = row.content();
            return new ArticleVersion(row.articleId(), row.version(), row.changeKind(), row.restoredFrom(),
                    ArticleStatus.valueOf(row.status()), row.editedBy(), row.editedAt(), row.language(),
                    content.question(), content.alternativeQuestions(), content.answer(), content.tags());
        }
    }

    /** The 400 answer to an article that cannot be saved: every field that is wrong, and why. */
    public record InvalidArticle(String code, String message, List<FieldError> errors) {
    }

    /** The 400 answer to an import with invalid rows: nothing was imported. */
    public record InvalidImport(String code, String message, List<RowError> errors) {
    }

    public record Reindexed(int articles) {
    }

    // ---- reading ----

    /** The analysts' list, newest change first, filtered by status, language, tag and text (all optional). */
    @GET
    @Path("/articles")
    public Page<KnowledgeArticle> list(@QueryParam("status") String status, @QueryParam("lang") String lang,
            @QueryParam("tag") String tag, @QueryParam("q") String text, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        ArticleFilter filter = new ArticleFilter(statusFilter(status), language(lang), tag, text);
        return new Page<>(knowledge.list(filter, from, size), from, size, knowledge.count(filter));
    }

    @GET
    @Path("/articles/{id}")
    public ArticleDetail article(@PathParam("id") String id) {
        KnowledgeArticle article = knowledge.find(id).orElseThrow(() -> notFound(id));
        return new ArticleDetail(article, knowledge.versions(id).stream().map(VersionSummary::of).toList());
    }

    @GET
    @Path("/articles/{id}/versions")
    public List<ArticleVersion> versions(@PathParam("id") String id) {
        List<VersionRow> versions = knowledge.versions(id);
        if (versions.isEmpty()) {
            throw notFound(id);
        }
        return versions.stream().map(ArticleVersion::of).toList();
    }

    @GET
    @Path("/articles/{id}/versions/{version}")
    public ArticleVersion version(@PathParam("id") String id, @PathParam("version") int version) {
        return knowledge.version(id, version).map(ArticleVersion::of).orElseThrow(() -> ApiException.notFound(
                "knowledge.version_not_found", "article " + id + " has no version " + version));
    }

    // ---- search ----

    /**
     * Ranked articles for a customer's question. {@code status}: PUBLISHED (the default; all roles), DRAFT,
     * ARCHIVED or {@code any} (analysts and admins).
     */
    @GET
    @Path("/search")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<KnowledgeHit> search(@QueryParam("q") String query, @QueryParam("lang") String lang,
            @QueryParam("limit") Integer limit, @QueryParam("status") String status,
            @Context SecurityContext security) {
        return knowledge.search(query(query), language(lang), searchable(status, security), hits(limit));
    }

    /** "You may also want to ask": articles like the given one, itself excluded. */
    @GET
    @Path("/articles/{id}/related")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<KnowledgeHit> relatedToArticle(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("status") String status, @Context SecurityContext security) {
        Set<ArticleStatus> statuses = searchable(status, security);
        return handle(() -> knowledge.relatedTo(id, statuses, hits(limit)));
    }

    /** Articles like a question, except {@code exclude} (typically the article already given as the answer). */
    @GET
    @Path("/related")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<KnowledgeHit> related(@QueryParam("q") String query, @QueryParam("lang") String lang,
            @QueryParam("exclude") String exclude, @QueryParam("limit") Integer limit,
            @QueryParam("status") String status, @Context SecurityContext security) {
        return knowledge.related(query(query), language(lang), searchable(status, security), exclude, hits(limit));
    }

    // ---- changes ----

    @POST
    @Path("/articles")
    public Response create(NewArticle draft, @Context SecurityContext security) {
        if (draft == null) {
            throw ApiException.badRequest("request.empty", "Send the article: language, question, answer, ...");
        }
        List<FieldError> errors = new ArrayList<>();
        ArticleStatus status = draft.status() == null ? ArticleStatus.DRAFT : ArticleContent.status(draft.status());
        if (status == null) {
            errors.add(new FieldError("status", "must be DRAFT, PUBLISHED or ARCHIVED"));
        }
        ArticleContent content = ArticleContent.check(draft.language(), draft.question(), draft.alternativeQuestions(),
                draft.answer(), draft.tags(), errors);
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        KnowledgeArticle created = knowledge.create(content, status, actor(security));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("/articles/{id}")
    public Response update(@PathParam("id") String id, ArticleEdit edit, @Context SecurityContext security) {
        if (edit == null) {
            throw ApiException.badRequest("request.empty", "Send the edited article with the version it was made to");
        }
        List<FieldError> errors = new ArrayList<>();
        if (edit.version() == null) {
            errors.add(new FieldError("version", "required: the version you edited"));
        }
        ArticleContent content = ArticleContent.check(edit.language(), edit.question(), edit.alternativeQuestions(),
                edit.answer(), edit.tags(), errors);
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        return Response.ok(handle(() -> knowledge.update(id, edit.version(), content, actor(security)))).build();
    }

    @POST
    @Path("/articles/{id}/publish")
    public KnowledgeArticle publish(@PathParam("id") String id, @QueryParam("version") Integer version,
            @Context SecurityContext security) {
        return handle(() -> knowledge.publish(id, version, actor(security)));
    }

    @POST
    @Path("/articles/{id}/archive")
    public KnowledgeArticle archive(@PathParam("id") String id, @QueryParam("version") Integer version,
            @Context SecurityContext security) {
        return handle(() -> knowledge.archive(id, version, actor(security)));
    }

    /** A new version with the content of version {@code from}; the status stays. */
    @POST
    @Path("/articles/{id}/versions/{from}/restore")
    public KnowledgeArticle restore(@PathParam("id") String id, @PathParam("from") int from,
            @QueryParam("version") Integer version, @Context SecurityContext security) {
        return handle(() -> knowledge.restore(id, from, version, actor(security)));
    }

    @DELETE
    @Path("/articles/{id}")
    public Response delete(@PathParam("id") String id, @QueryParam("version") Integer version,
            @Context SecurityContext security) {
        handle(() -> {
            knowledge.delete(id, version, actor(security));
            return null;
        });
        return Response.noContent().build();
    }

    // ---- import and export ----

    /**
     * Imports a CSV file (see {@link ArticleFiles}). All or nothing: when any row is invalid, the answer is 400 with
     * every row's problems and nothing is imported, so a file is never half in.
     */
    @POST
    @Path("/import")
    @Consumes({CSV, "application/csv"})
    public Response importCsv(InputStream file, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @Context SecurityContext security) {
        return importFile(() -> ArticleFiles.readCsv(upload(file, length), maxImportRows), security);
    }

    /** Imports a JSON array of articles; all or nothing, as for CSV. */
    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importJson(InputStream file, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @Context SecurityContext security) {
        return importFile(() -> ArticleFiles.readJson(upload(file, length), maxImportRows), security);
    }

    private Response importFile(Supplier<ArticleFiles.Parsed> read, SecurityContext security) {
        ArticleFiles.Parsed parsed;
        try {
            parsed = read.get();
        } catch (ArticleFiles.TooManyRows e) {
            throw tooLarge(e.getMessage());
        }
        if (!parsed.valid()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new InvalidImport("knowledge.import_invalid",
                    parsed.errors().size() + " problem(s) in the file; nothing was imported", parsed.errors())).build();
        }
        ImportOutcome outcome = handle(() -> knowledge.importArticles(parsed.rows(), actor(security)));
        return Response.ok(outcome).build();
    }

    /** Every article that passes the filters, as {@code format} csv or json (the default). */
    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response export(@QueryParam("format") String format, @QueryParam("status") String status,
            @QueryParam("lang") String lang, @QueryParam("tag") String tag) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && format != null && !"json".equalsIgnoreCase(format)) {
            throw ApiException.badRequest("knowledge.format", "format must be csv or json");
        }
        List<KnowledgeArticle> articles = knowledge.export(new ArticleFilter(statusFilter(status), language(lang), tag,
                null));
        byte[] file = csv ? ArticleFiles.writeCsv(articles) : ArticleFiles.writeJson(articles);
        return Response.ok(file, csv ? CSV + "; charset=UTF-8" : MediaType.APPLICATION_JSON + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"knowledge." + (csv ? "csv" : "json") + "\"")
                .build();
    }

    /** Rebuilds the search index from the database (it is rebuilt at every start too). */
    @POST
    @Path("/index/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public Reindexed rebuild(@Context SecurityContext security) {
        return new Reindexed(knowledge.rebuildIndex(actor(security)));
    }

    // ---- helpers ----

    /** The body, refused with 413 when it is larger than an import may be. */
    private byte[] upload(InputStream body, Long declaredLength) {
        if (declaredLength != null && declaredLength > maxImportBytes) {
            throw tooLarge("the file has " + declaredLength + " bytes");
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = body) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                if (file.size() + (long) read > maxImportBytes) {
                    throw tooLarge("the file is larger");
                }
                file.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw ApiException.badRequest("knowledge.import_unreadable", "The file could not be received: "
                    + e.getMessage());
        }
        return file.toByteArray();
    }

    private ApiException tooLarge(String what) {
        return new ApiException(413, "knowledge.import_too_large", "An import may hold at most " + maxImportBytes
                + " bytes and " + maxImportRows + " articles; " + what + ". Split it into smaller files.");
    }

    private static Response invalid(List<FieldError> errors) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new InvalidArticle("knowledge.invalid", "The article cannot be saved: "
                        + errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b)
                                .orElse(""), errors))
                .build();
    }

    private static <T> T handle(Supplier<T> work) {
        try {
            return work.get();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("knowledge.not_found", e.getMessage());
        } catch (StaleVersionException e) {
            throw ApiException.conflict("knowledge.stale_version", e.getMessage());
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("knowledge.not_found", "no article " + id);
    }

    private static String query(String query) {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("knowledge.query", "q is required: the question to search for");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw ApiException.badRequest("knowledge.query", "q may hold at most " + MAX_QUERY_CHARS + " characters");
        }
        return query;
    }

    private static int hits(Integer limit) {
        if (limit == null) {
            return DEFAULT_HITS;
        }
        if (limit < 1 || limit > MAX_HITS) {
            throw ApiException.badRequest("knowledge.limit", "limit must be between 1 and " + MAX_HITS);
        }
        return limit;
    }

    private static Locale language(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        Locale language = ArticleContent.language(lang);
        if (language == null) {
            throw ApiException.badRequest("knowledge.language", "lang must be zh or en");
        }
        return language;
    }

    private static ArticleStatus statusFilter(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        ArticleStatus parsed = ArticleContent.status(status);
        if (parsed == null) {
            throw ApiException.badRequest("knowledge.status", "status must be DRAFT, PUBLISHED or ARCHIVED");
        }
        return parsed;
    }

    /** Published only, unless an analyst or admin asks for more. */
    static Set<ArticleStatus> searchable(String status, SecurityContext security) {
        Set<ArticleStatus> wanted;
        if (status == null || status.isBlank() || status.equalsIgnoreCase(ArticleStatus.PUBLISHED.name())) {
            return EnumSet.of(ArticleStatus.PUBLISHED);
        } else if (status.equalsIgnoreCase("any")) {
            wanted = EnumSet.allOf(ArticleStatus.class);
        } else {
            ArticleStatus parsed = ArticleContent.status(status);
            if (parsed == null) {
                throw ApiException.badRequest("knowledge.status", "status must be PUBLISHED, DRAFT, ARCHIVED or any");
            }
            wanted = EnumSet.of(parsed);
        }
        if (!security.isUserInRole(Roles.ANALYST) && !security.isUserInRole(Roles.ADMIN)) {
            throw new ApiException(403, "knowledge.drafts_forbidden", "Only analysts and admins search articles"
                    + " that are not published");
        }
        return wanted;
    }

    private static String actor(SecurityContext security) {
        return ((KefuUser) security.getUserPrincipal()).username();
    }
}
