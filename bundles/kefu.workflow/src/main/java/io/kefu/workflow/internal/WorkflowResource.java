package io.kefu.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.web.ApiException;
import io.kefu.web.Authenticated;
import io.kefu.web.KefuRest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Incident;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes for analysts (versions, validation, deployment), admins (incidents) and managers (metrics), at
 * {@code /api/workflow}. See the bundle's README for the shapes.
 */
@Component(service = WorkflowResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/workflow")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WorkflowResource {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowResource.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BPMN = 2 * 1024 * 1024;

    private final WorkflowService workflows;

    @Activate
    public WorkflowResource(@Reference WorkflowService workflows) {
        this.workflows = workflows;
    }

    public record ProcessSummary(String key, String name, int version, Instant deployedAt, boolean sop,
            List<String> intents, String title, long running) {
    }

    public record VersionSummary(String id, int version, Instant deployedAt, String deploymentId, String source,
            long running, long completed) {
    }

    public record VersionDetail(String key, String name, int version, String id, String bpmn,
            Map<String, JsonNode> forms) {
    }

    public record InstanceSummary(String id, String businessKey, Instant startedAt, Instant endedAt,
            List<String> activities) {
    }

    public record DeployBody(String bpmn, Map<String, JsonNode> forms) {
    }

    public record ValidateBody(String bpmn, Map<String, JsonNode> forms) {
    }

    public record Validation(boolean valid, List<BpmnProblem> errors, List<BpmnProblem> warnings) {
    }

    public record Deployed(String key, int version, String id, List<BpmnProblem> warnings) {
    }

    public record Refusal(String code, String message, List<BpmnProblem> errors) {
    }

    public record IncidentView(String id, String processKey, String processInstanceId, String businessKey,
            String activityId, String message, Instant createdAt, String jobId) {
    }

    @GET
    @Path("/processes")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.SUPERVISOR})
    public List<ProcessSummary> processes() {
        return workflows.library().latest().stream().map(p -> new ProcessSummary(p.key(), p.name(), p.version(),
                p.deployedAt(), p.sop(), p.intents(), p.title(), workflows.engine().call(camunda -> camunda
                        .getRuntimeService().createProcessInstanceQuery().processDefinitionKey(p.key()).count())))
                .toList();
    }

    @GET
    @Path("/processes/{key}/versions")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.SUPERVISOR})
    public List<VersionSummary> versions(@PathParam("key") String key) {
        List<ProcessInfo> versions = workflows.library().versions(key);
        if (versions.isEmpty()) {
            throw ApiException.notFound("process.unknown", "No process '" + key + "' is deployed");
        }
        return versions.stream().map(v -> workflows.engine().call(camunda -> new VersionSummary(v.id(), v.version(),
                v.deployedAt(), v.deploymentId(), v.source(),
                camunda.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v.id()).count(),
                camunda.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionId(v.id())
                        .finished().count()))).toList();
    }

    @GET
    @Path("/processes/{key}/versions/{version}")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.SUPERVISOR})
    public VersionDetail version(@PathParam("key") String key, @PathParam("version") int version) {
        ProcessInfo info = find(key, version);
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        workflows.library().forms(info.deploymentId()).forEach((id, form) -> forms.put(id, json(form)));
        return new VersionDetail(key, info.name(), version, info.id(), workflows.library().xml(info.id()), forms);
    }

    @GET
    @Path("/processes/{key}/versions/{version}/instances")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.SUPERVISOR})
    public List<InstanceSummary> instances(@PathParam("key") String key, @PathParam("version") int version,
            @QueryParam("state") String state, @QueryParam("limit") Integer limit) {
        ProcessInfo info = find(key, version);
        int max = limit == null ? 100 : Math.max(1, Math.min(500, limit));
        return workflows.engine().call(camunda -> {
            var query = camunda.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionId(info.id());
            if ("running".equals(state)) {
                query.unfinished();
            } else if ("finished".equals(state)) {
                query.finished();
            }
            List<InstanceSummary> instances = new ArrayList<>();
            for (HistoricProcessInstance instance : query.orderByProcessInstanceStartTime().desc().listPage(0, max)) {
                List<String> activities = new ArrayList<>();
                if (instance.getEndTime() == null) {
                    for (HistoricActivityInstance activity : camunda.getHistoryService()
                            .createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).unfinished()
                            .list()) {
                        activities.add(activity.getActivityName() == null ? activity.getActivityId()
                                : activity.getActivityName());
                    }
                }
                instances.add(new InstanceSummary(instance.getId(), instance.getBusinessKey(),
                        ProcessLibrary.instant(instance.getStartTime()), ProcessLibrary.instant(instance.getEndTime()),
                        activities));
            }
            return instances;
        });
    }

    private ProcessInfo find(String key, int version) {
        return workflows.library().version(key, version).orElseThrow(() -> ApiException.notFound("process.unknown",
                "No version " + version + " of process '" + key + "' is deployed"));
    }

    @POST
    @Path("/validate")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Validation validate(ValidateBody body) {
        String bpmn = bpmn(body == null ? null : body.bpmn());
        List<BpmnProblem> problems = workflows.library().validate(bpmn, forms(body == null ? null : body.forms()));
        List<BpmnProblem> errors = problems.stream().filter(p -> !p.warning()).toList();
        return new Validation(errors.isEmpty(), errors, problems.stream().filter(BpmnProblem::warning).toList());
    }

    @POST
    @Path("/deployments")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    public Response deploy(DeployBody body, @Context SecurityContext security) {
        String bpmn = bpmn(body == null ? null : body.bpmn());
        KefuUser user = (KefuUser) security.getUserPrincipal();
        try {
            ProcessLibrary.Deployed deployed = workflows.library().deploy(bpmn, forms(body.forms()),
                    ProcessLibrary.WORKBENCH_SOURCE + ":" + user.username());
            LOG.info("{} deployed process {} version {}", user.username(), deployed.key(), deployed.version());
            return Response.status(Response.Status.CREATED).entity(new Deployed(deployed.key(), deployed.version(),
                    deployed.id(), deployed.warnings())).build();
        } catch (InvalidProcessException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Refusal("bpmn.invalid", e.getMessage(), e.problems())).build();
        }
    }

    private static String bpmn(String bpmn) {
        if (bpmn == null || bpmn.isBlank()) {
            throw ApiException.badRequest("bpmn.missing", "Send the BPMN XML as 'bpmn'");
        }
        if (bpmn.length() > MAX_BPMN) {
            throw ApiException.badRequest("bpmn.too_large", "A BPMN model may be at most 2 MB");
        }
        return bpmn;
    }

    private static Map<String, String> forms(Map<String, JsonNode> forms) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (forms != null) {
            forms.forEach((id, form) -> {
                try {
                    texts.put(id, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return texts;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/forms/{formId}")
    @Authenticated
    public JsonNode form(@PathParam("formId") String formId) {
        for (ProcessInfo process : workflows.library().latest()) {
            String form = workflows.library().forms(process.deploymentId()).get(formId);
            if (form != null) {
                return json(form);
            }
        }
        throw ApiException.notFound("form.unknown", "No deployed process has the form '" + formId + "'");
    }

    // ------------------------------------------------------------------ incidents

    @GET
    @Path("/incidents")
    @RolesAllowed(Roles.ADMIN)
    public List<IncidentView> incidents() {
        return workflows.engine().call(camunda -> {
            List<IncidentView> views = new ArrayList<>();
            for (Incident incident : camunda.getRuntimeService().createIncidentQuery().orderByIncidentTimestamp()
                    .desc().listPage(0, 500)) {
                var instance = camunda.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(incident.getProcessInstanceId()).singleResult();
                ProcessInfo process = workflows.library().byId(incident.getProcessDefinitionId()).orElse(null);
                views.add(new IncidentView(incident.getId(), process == null ? null : process.key(),
                        incident.getProcessInstanceId(), instance == null ? null : instance.getBusinessKey(),
                        incident.getActivityId(), incident.getIncidentMessage(),
                        ProcessLibrary.instant(incident.getIncidentTimestamp()), incident.getConfiguration()));
            }
            return views;
        });
    }

    @POST
    @Path("/incidents/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    public Response retry(@PathParam("id") String id, @Context SecurityContext security) {
        workflows.engine().run(camunda -> {
            Incident incident = camunda.getRuntimeService().createIncidentQuery().incidentId(id).singleResult();
            if (incident == null) {
                throw ApiException.notFound("incident.unknown", "No open incident " + id);
            }
            if (!"failedJob".equals(incident.getIncidentType())) {
                throw ApiException.badRequest("incident.not_retryable", "Only failed steps can be retried");
            }
            // One more attempt: the job runs again at once, and becomes an incident again if it fails again.
            camunda.getManagementService().setJobRetries(incident.getConfiguration(), 1);
            // Setting retries does not wake the job executor, which waits up to a minute between looks for due jobs
            // when it has had nothing to do; without this the retried step would run only at its next look.
            JobExecutor jobs = ((ProcessEngineConfigurationImpl) camunda.getProcessEngineConfiguration())
                    .getJobExecutor();
            if (jobs != null && jobs.isActive()) {
                jobs.jobWasAdded();
            }
            LOG.info("{} retried the failed step {} of process instance {}",
                    ((KefuUser) security.getUserPrincipal()).username(), incident.getActivityId(),
                    incident.getProcessInstanceId());
        });
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ metrics

    public record StepRow(String process, String step, String name, long count, long avgMillis, long p90Millis) {
    }

    @GET
    @Path("/metrics")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.ANALYST})
    public Response metrics(@QueryParam("days") Integer days, @QueryParam("format") String format) {
        int period = days == null ? 30 : days;
        if (period < 1 || period > 366) {
            throw ApiException.badRequest("metrics.days", "days must be between 1 and 366");
        }
        Instant to = Instant.now();
        ProcessMetrics.Report report = workflows.metrics().report(to.minus(period, ChronoUnit.DAYS), to);
        if (!"csv".equalsIgnoreCase(format)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        // One row per process (step empty) and one per step, so that a spreadsheet can filter either.
        List<StepRow> rows = new ArrayList<>();
        for (ProcessMetrics.Process process : report.processes()) {
            rows.add(new StepRow(process.key(), "", process.name() + " (started " + process.started() + ", completed "
                    + process.completed() + ", running " + process.running() + ")", process.completed(),
                    process.avgMillis(), process.p90Millis()));
            for (ProcessMetrics.Step step : process.steps()) {
                rows.add(new StepRow(process.key(), step.activityId(), step.name(), step.count(), step.avgMillis(),
                        step.p90Millis()));
            }
        }
        try {
            CsvMapper csv = new CsvMapper();
            CsvSchema schema = csv.schemaFor(StepRow.class).withHeader()
                    .sortedBy("process", "step", "name", "count", "avgMillis", "p90Millis");
            byte[] file = csv.writer(schema).writeValueAsBytes(rows);
            return Response.ok(file, "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"process-metrics.csv\"").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
