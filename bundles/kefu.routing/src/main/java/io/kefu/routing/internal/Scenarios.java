package io.kefu.routing.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kefu.routing.facts.Contact;
import io.kefu.routing.facts.CustomerProfile;
import io.kefu.routing.facts.Now;
import io.kefu.routing.facts.QueueLoad;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test scenarios that travel with a rule set (rules/routing.scenarios.yaml): each gives facts and the decision
 * expected for them. Parsing reports the line and column of what it cannot read, like a compile error.
 */
public final class Scenarios {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Facts a scenario gives. Anything left out takes a default: a Tuesday 10:00 in business hours. */
    public record Given(Map<String, Object> contact, Map<String, Object> customer, Map<String, Object> now,
            List<Map<String, Object>> queues) {
    }

    /** What a scenario expects; null fields are not checked. */
    public record Expect(String queue, Integer priority, String strategy, Boolean preferLastAgent,
            Map<String, Integer> skills, List<String> actions, List<String> rules, List<String> notRules) {
    }

    public record Scenario(String name, Given given, Expect expect) {
    }

    private record File(List<Scenario> scenarios) {
    }

    /** Thrown for a scenario file that cannot be read; {@link #problem()} has the line and column. */
    public static final class ScenarioFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuleProblem problem;

        ScenarioFileException(RuleProblem problem) {
            super("The scenarios cannot be read: " + problem);
            this.problem = problem;
        }

        public RuleProblem problem() {
            return problem;
        }
    }

    private Scenarios() {
    }

    public static List<Scenario> parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return List.of();
        }
        try {
            File file = YAML.readValue(yaml, File.class);
            List<Scenario> scenarios = file == null || file.scenarios() == null ? List.of() : file.scenarios();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario scenario = scenarios.get(i);
                if (scenario == null || scenario.name() == null || scenario.name().isBlank()) {
                    throw new ScenarioFileException(new RuleProblem(0, 0, "scenario " + (i + 1) + " has no name"));
                }
                if (scenario.expect() == null) {
                    throw new ScenarioFileException(new RuleProblem(0, 0, "scenario \"" + scenario.name()
                            + "\" expects nothing: give it an expect: section"));
                }
                facts(scenario); // fails now, with the scenario's name, rather than when it runs
            }
            return List.copyOf(scenarios);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioFileException(new RuleProblem(at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), e.getOriginalMessage()));
        }
    }

    /** The facts of a scenario, defaults filled in. */
    public static RoutingFacts facts(Scenario scenario) {
        Given given = scenario.given() == null ? new Given(null, null, null, null) : scenario.given();
        try {
            Contact contact = update(new Contact(), given.contact());
            if (contact.getConversationId() == null) {
                contact.setConversationId("scenario");
            }
            if (contact.getTrigger() == null) {
                contact.setTrigger("HANDOFF");
            }
            CustomerProfile customer = update(new CustomerProfile(), given.customer());
            Now now = new Now();
            now.setHour(10);
            now.setDayOfWeek(2);
            now.setBusinessHours(true);
            now = update(now, given.now());
            List<QueueLoad> queues = new ArrayList<>();
            if (given.queues() != null) {
                for (Map<String, Object> queue : given.queues()) {
                    queues.add(YAML.convertValue(queue, QueueLoad.class));
                }
            }
            return new RoutingFacts(contact, customer, now, queues);
        } catch (IllegalArgumentException | IOException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new ScenarioFileException(new RuleProblem(0, 0, "scenario \"" + scenario.name() + "\": "
                    + reason));
        }
    }

    private static <T> T update(T target, Map<String, Object> values) throws IOException {
        if (values == null || values.isEmpty()) {
            return target;
        }
        JsonNode node = YAML.valueToTree(values);
        return YAML.readerForUpdating(target).readValue(node);
    }
}
