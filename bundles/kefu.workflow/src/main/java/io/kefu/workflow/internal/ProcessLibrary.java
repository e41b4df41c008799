package io.kefu.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployed processes and their forms: validation, deployment of new versions (from the repository's
 * {@code processes/} folder at start, or by analysts), and what each version is (an SOP? suggested by which
 * intents?). Each process is deployed with the forms its user tasks name, as one deployment named after the
 * process, so that a version and its forms travel together and running instances keep both.
 */
public final class ProcessLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessLibrary.class);
    static final String DEFAULTS_SOURCE = "processes-folder";
    static final String WORKBENCH_SOURCE = "workbench";
    private static final Pattern ACTION_CALL = Pattern.compile("actions\\.run\\(\\s*'([^']*)'");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkflowEngine engine;
    private final ProcessActions actions;
    private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();
    /** What each deployed version is; versions never change, and tasks, metrics and SOP lists ask for it often. */
    private final Map<String, ProcessInfo> infos = new ConcurrentHashMap<>();

    public ProcessLibrary(WorkflowEngine engine, ProcessActions actions) {
        this.engine = engine;
        this.actions = actions;
    }

    /** A new version, as deployed: its definition id and version number, and the model's warnings. */
    public record Deployed(String key, int version, String id, boolean changed, List<BpmnProblem> warnings) {
    }

    /**
     * Deploys the folder's processes ({@code *.bpmn}) with the forms ({@code *.form}) they name, each only when it
     * or one of its forms differs from what this folder deployed last. {@code files} maps paths to contents.
     */
    public List<Deployed> deployDefaults(Map<String, byte[]> files) {
        Map<String, String> forms = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().endsWith(".form")) {
                String form = new String(file.getValue(), StandardCharsets.UTF_8);
                forms.put(formId(form, file.getKey()), form);
            }
        }
        List<Deployed> deployed = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            if (!file.getKey().endsWith(".bpmn")) {
                continue;
            }
            String bpmn = new String(file.getValue(), StandardCharsets.UTF_8);
            try {
                deployed.add(deploy(bpmn, forms, DEFAULTS_SOURCE, false));
            } catch (InvalidProcessException e) {
                // One broken file must not keep the others (or the running versions) from serving.
                LOG.error("Not deploying {}: {}", file.getKey(), e.getMessage());
            }
        }
        return deployed;
    }

    /**
     * Validates and deploys {@code bpmn} as a new version of its process, with the forms it names: those in
     * {@code forms} (form id to form-js JSON), the others taken from the process's newest version.
     *
     * @throws InvalidProcessException with the element ids and reasons when it cannot be deployed
     */
    public Deployed deploy(String bpmn, Map<String, String> forms, String source) {
        return deploy(bpmn, forms, source, true);
    }

    private Deployed deploy(String bpmn, Map<String, String> forms, String source, boolean always) {
        // The folder's own processes are not checked for installed actions: that would fetch the action services
        // while this bundle starts, and the bundles providing them may be waiting for this one.
        ParsedModel parsed = check(bpmn, forms, always);
        String key = parsed.key();
        return engine.call(camunda -> {
            RepositoryService repository = camunda.getRepositoryService();
            DeploymentBuilder builder = repository.createDeployment().name("process:" + key).source(source)
                    .addString(key + ".bpmn", bpmn);
            for (String formId : parsed.formIds()) {
                String form = forms.get(formId);
                if (form == null) {
                    form = latestForm(repository, key, formId)
                            .orElseThrow(() -> new InvalidProcessException(List.of(new BpmnProblem(null,
                                    "the form '" + formId + "' is neither given nor deployed with this process", 0))));
                }
                builder.addString("forms/" + formId + ".form", form);
            }
            if (!always) {
                // Deploys only when something differs from what the same source deployed last under this name.
                builder.enableDuplicateFiltering(false);
            }
            DeploymentWithDefinitions deployment = builder.deployWithResult();
            List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
            if (definitions == null || definitions.isEmpty()) {
                ProcessDefinition current = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                        .latestVersion().singleResult();
                return new Deployed(key, current == null ? 0 : current.getVersion(),
                        current == null ? null : current.getId(), false, parsed.warnings());
            }
            ProcessDefinition definition = definitions.get(0);
            LOG.info("Deployed process {} version {} ({})", key, definition.getVersion(), source);
            return new Deployed(key, definition.getVersion(), definition.getId(), true, parsed.warnings());
        });
    }

    private static Optional<String> latestForm(RepositoryService repository, String key, String formId) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
        if (latest == null) {
            return Optional.empty();
        }
        String name = "forms/" + formId + ".form";
        for (Resource resource : repository.getDeploymentResources(latest.getDeploymentId())) {
            if (resource.getName().equals(name)) {
                try (InputStream in = repository.getResourceAsStream(latest.getDeploymentId(), resource.getName())) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Everything wrong with {@code bpmn} and its forms, as the engine's parser and Kefu's own checks see it: the
     * errors that block deployment, or else the warnings.
     */
    public List<BpmnProblem> validate(String bpmn, Map<String, String> forms) {
        try {
            return check(bpmn, forms, true).warnings();
        } catch (InvalidProcessException e) {
            return e.problems();
        }
    }

    private record ParsedModel(String key, Set<String> formIds, List<BpmnProblem> warnings) {
    }

    private ParsedModel check(String bpmn, Map<String, String> forms, boolean checkActions) {
        if (bpmn == null || bpmn.isBlank()) {
            throw new InvalidProcessException(List.of(new BpmnProblem(null, "the BPMN document is empty", 0)));
        }
        List<BpmnProblem> problems = new ArrayList<>(expressions(bpmn));
        if (problems.isEmpty()) {
            problems.addAll(parse(bpmn));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProcessException(problems);
        }
        BpmnModelInstance model = engine.call(
                camunda -> Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8))));
        List<Process> processes = new ArrayList<>(model.getModelElementsByType(Process.class));
        processes.removeIf(process -> !process.isExecutable());
        if (processes.size() != 1) {
            throw new InvalidProcessException(List.of(new BpmnProblem(null,
                    "a deployment holds exactly one executable process, this one has " + processes.size(), 0)));
        }
        Set<String> formIds = new LinkedHashSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            if (formRef == null) {
                continue;
            }
            formIds.add(formRef);
            if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                problems.add(new BpmnProblem(task.getId(), "a form must be bound to its deployment"
                        + " (camunda:formRefBinding=\"deployment\"), so that running instances keep their form", 0));
            }
        }
        for (Map.Entry<String, String> form : forms.entrySet()) {
            if (formIds.contains(form.getKey())) {
                try {
                    String id = formId(form.getValue(), form.getKey());
                    if (!id.equals(form.getKey())) {
                        problems.add(new BpmnProblem(null, "the form given as '" + form.getKey() + "' has the id '"
                                + id + "'", 0));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new BpmnProblem(null, e.getMessage(), 0));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidProcessException(problems);
        }
        // A step may call an action that a plug-in brings later (or one it steps around with actions.has): a warning.
        List<BpmnProblem> warnings = new ArrayList<>();
        Matcher calls = ACTION_CALL.matcher(checkActions ? bpmn : "");
        while (calls.find()) {
            if (!actions.has(calls.group(1))) {
                warnings.add(new BpmnProblem(elementAround(model, bpmn, calls.start()), "no installed bundle provides"
                        + " the action '" + calls.group(1) + "' yet; installed: " + String.join(", ", actions.names()),
                        line(bpmn, calls.start()), true));
            }
        }
        return new ParsedModel(processes.get(0).getId(), formIds, warnings);
    }

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");

    /**
     * Every expression in the model, compiled the way the engine will: the engine's parser reports a broken one
     * without saying where it is, so Kefu finds it first and names its element and line.
     */
    private List<BpmnProblem> expressions(String bpmn) {
        List<BpmnProblem> problems = new ArrayList<>();
        engine.run(camunda -> {
            ProcessEngineConfigurationImpl configuration =
                    (ProcessEngineConfigurationImpl) camunda.getProcessEngineConfiguration();
            Matcher found = EXPRESSION.matcher(bpmn);
            while (found.find()) {
                String expression = unescape(found.group());
                try {
                    configuration.getExpressionManager().createExpression(expression);
                } catch (RuntimeException e) {
                    problems.add(new BpmnProblem(elementAt(bpmn, found.start()), "the expression " + expression
                            + " is not valid: " + clean(String.valueOf(e.getMessage())), line(bpmn, found.start())));
                }
            }
        });
        return problems;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&amp;", "&");
    }

    /** The id of the last element opened before {@code offset} (the flow or task an expression belongs to). */
    private static String elementAt(String bpmn, int offset) {
        Matcher ids = Pattern.compile("<(?:bpmn:)?(\\w+)[^>]*?\\bid=\"([^\"]+)\"").matcher(bpmn.substring(0, offset));
        String last = null;
        while (ids.find()) {
            if (!ids.group(1).endsWith("EventDefinition")) {
                last = ids.group(2);
            }
        }
        return last;
    }

    /** The engine's own parse, as a deployment would run it, without deploying anything. */
    private List<BpmnProblem> parse(String bpmn) {
        return engine.call(camunda -> {
            ProcessEngineConfigurationImpl configuration =
                    (ProcessEngineConfigurationImpl) camunda.getProcessEngineConfiguration();
            return configuration.getCommandExecutorTxRequired().execute(context -> {
                BpmnParser parser = new BpmnParser(configuration.getExpressionManager(),
                        configuration.getBpmnParseFactory());
                DeploymentEntity deployment = new DeploymentEntity();
                deployment.setId("validation");
                deployment.setName("validation");
                try {
                    parser.createParse().deployment(deployment).name("process.bpmn")
                            .sourceInputStream(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)))
                            .execute();
                    return List.<BpmnProblem>of();
                } catch (ParseException e) {
                    List<BpmnProblem> problems = new ArrayList<>();
                    for (ResourceReport report : e.getResorceReports()) {
                        for (Problem problem : report.getErrors()) {
                            problems.add(new BpmnProblem(problem.getMainElementId(), clean(problem.getMessage()),
                                    problem.getLine()));
                        }
                    }
                    if (problems.isEmpty()) {
                        problems.add(new BpmnProblem(null, clean(e.getMessage()), 0));
                    }
                    return problems;
                } catch (RuntimeException e) {
                    return List.of(new BpmnProblem(null, clean(String.valueOf(e.getMessage())), 0));
                }
            });
        });
    }

    /** Camunda's messages repeat the element id and line in brackets; the problem carries them already. */
    private static String clean(String message) {
        return message.replaceAll("\\s*\\|\\s*process\\.bpmn\\s*\\|.*$", "").replaceAll("^ENGINE-\\d+\\s+", "").trim();
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The id of the innermost element whose start tag precedes {@code offset} in the XML. */
    private static String elementAround(BpmnModelInstance model, String bpmn, int offset) {
        Matcher ids = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(bpmn.substring(0, offset));
        String last = null;
        while (ids.find()) {
            if (model.getModelElementById(ids.group(1)) instanceof FlowElement) {
                last = ids.group(1);
            }
        }
        return last;
    }

    static String formId(String formJson, String where) {
        try {
            JsonNode form = JSON.readTree(formJson);
            if (form == null || !form.path("id").isTextual() || !form.path("components").isArray()) {
                throw new IllegalArgumentException(where + " is not a form-js form (it needs an id and components)");
            }
            return form.get("id").asText();
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- reading what is deployed

    public List<ProcessInfo> latest() {
        return engine.call(camunda -> camunda.getRepositoryService().createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list().stream().map(d -> info(camunda, d)).toList());
    }

    public List<ProcessInfo> versions(String key) {
        return engine.call(camunda -> camunda.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(key).orderByProcessDefinitionVersion().desc().list().stream()
                .map(d -> info(camunda, d)).toList());
    }

    public Optional<ProcessInfo> version(String key, int version) {
        return engine.call(camunda -> Optional.ofNullable(camunda.getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
                .singleResult()).map(d -> info(camunda, d)));
    }

    public Optional<ProcessInfo> byId(String definitionId) {
        ProcessInfo known = infos.get(definitionId);
        if (known != null) {
            return Optional.of(known);
        }
        return engine.call(camunda -> Optional.ofNullable(camunda.getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult())
                .map(d -> info(camunda, d)));
    }

    /** The BPMN XML of a version. */
    public String xml(String definitionId) {
        return engine.call(camunda -> {
            try (InputStream in = camunda.getRepositoryService().getProcessModel(definitionId)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The forms deployed with a version: form id to form-js JSON. */
    public Map<String, String> forms(String deploymentId) {
        return engine.call(camunda -> {
            Map<String, String> forms = new LinkedHashMap<>();
            RepositoryService repository = camunda.getRepositoryService();
            for (Resource resource : repository.getDeploymentResources(deploymentId)) {
                if (resource.getName().endsWith(".form")) {
                    try (InputStream in = repository.getResourceAsStream(deploymentId, resource.getName())) {
                        String form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        forms.put(formId(form, resource.getName()), form);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return forms;
        });
    }

    /** The parsed model of a version, cached: versions never change. */
    public BpmnModelInstance model(String definitionId) {
        return models.computeIfAbsent(definitionId,
                id -> engine.call(camunda -> camunda.getRepositoryService().getBpmnModelInstance(id)));
    }

    /** The documentation of a flow element: the instructions people read for a step. */
    public String documentation(String definitionId, String elementId) {
        if (!(model(definitionId).getModelElementById(elementId) instanceof FlowElement element)) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Documentation documentation : element.getDocumentations()) {
            text.append(documentation.getTextContent().strip()).append('\n');
        }
        return text.isEmpty() ? null : text.toString().strip();
    }

    /** The form id a user task names, or null. */
    public String formRef(String definitionId, String elementId) {
        return model(definitionId).getModelElementById(elementId) instanceof UserTask task ? task.getCamundaFormRef()
                : null;
    }

    private ProcessInfo info(ProcessEngine camunda, ProcessDefinition definition) {
        return infos.computeIfAbsent(definition.getId(), id -> describe(camunda, definition));
    }

    private ProcessInfo describe(ProcessEngine camunda, ProcessDefinition definition) {
        Map<String, String> properties = properties(definition.getId(), definition.getKey());
        Deployment deployment = camunda.getRepositoryService().createDeploymentQuery()
                .deploymentId(definition.getDeploymentId()).singleResult();
        List<String> intents = Arrays.stream(properties.getOrDefault("kefu.intents", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ProcessInfo(definition.getId(), definition.getKey(),
                definition.getName() == null ? definition.getKey() : definition.getName(), definition.getVersion(),
                definition.getDeploymentId(), deployment == null ? null : deployment.getSource(),
                deployment == null || deployment.getDeploymentTime() == null ? null
                        : deployment.getDeploymentTime().toInstant(),
                "true".equals(properties.get("kefu.sop")), intents, properties.get("kefu.title.zh"));
    }

    /** The process element's camunda:properties. */
    private Map<String, String> properties(String definitionId, String key) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!(model(definitionId).getModelElementById(key) instanceof Process process)) {
            return properties;
        }
        ExtensionElements extensions = process.getExtensionElements();
        if (extensions == null) {
            return properties;
        }
        for (CamundaProperties group : extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
            for (CamundaProperty property : group.getCamundaProperties()) {
                properties.put(property.getCamundaName(), property.getCamundaValue());
            }
        }
        return properties;
    }

    static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }
}
