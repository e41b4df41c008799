package io.kefu.ticketing.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kefu.api.customer.CustomerTier;
import io.kefu.api.ticket.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service-level policies ({@code processes/sla-policies.yaml}): the business calendar, when to warn, whom to
 * escalate to, and the first-response and resolution targets by priority and customer tier. The first target that
 * matches a ticket applies; a target without tier matches every tier.
 */
public final class SlaPolicies {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m)?");

    /** The targets for one kind of ticket; {@code calendar} is the business calendar or {@link BusinessCalendar#ALWAYS}. */
    public record Targets(String name, Duration firstResponse, Duration resolution, BusinessCalendar calendar) {
    }

    private final BusinessCalendar business;
    private final double warnAt;
    private final String escalationTeam;
    private final String escalationNotify;
    private final List<Rule> rules;

    private record Rule(String name, Priority priority, CustomerTier tier, Duration firstResponse, Duration resolution,
            boolean businessHours) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record File(String timeZone, Hours businessHours, List<String> holidays, Double warnAt, Escalation escalation,
            List<Target> targets) {
    }

    record Hours(List<Integer> days, String from, String to) {
    }

    record Escalation(String team, @com.fasterxml.jackson.annotation.JsonProperty("notify") String recipients) {
    }

    record Target(String priority, String tier, String firstResponse, String resolution, Boolean businessHours) {
    }

    private SlaPolicies(BusinessCalendar business, double warnAt, String escalationTeam, String escalationNotify,
            List<Rule> rules) {
        this.business = business;
        this.warnAt = warnAt;
        this.escalationTeam = escalationTeam;
        this.escalationNotify = escalationNotify;
        this.rules = List.copyOf(rules);
    }

    /** @throws IllegalArgumentException naming what is wrong in the file */
    public static SlaPolicies read(InputStream yaml, String where) {
        File file;
        try {
            file = new ObjectMapper(new YAMLFactory()).readValue(yaml, File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        try {
            return from(file);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static SlaPolicies from(File file) {
        ZoneId zone = ZoneId.of(file.timeZone() == null ? "Asia/Shanghai" : file.timeZone());
        Hours hours = file.businessHours() == null ? new Hours(List.of(1, 2, 3, 4, 5), "09:00", "18:00")
                : file.businessHours();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int day : hours.days()) {
            days.add(DayOfWeek.of(day));
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String holiday : file.holidays() == null ? List.<String>of() : file.holidays()) {
            holidays.add(LocalDate.parse(holiday));
        }
        LocalTime opens = LocalTime.parse(hours.from());
        LocalTime closes = "24:00".equals(hours.to()) ? null : LocalTime.parse(hours.to());
        BusinessCalendar calendar = new BusinessCalendar(zone, days, opens, closes, holidays);
        double warnAt = file.warnAt() == null ? 0.75 : file.warnAt();
        if (warnAt <= 0 || warnAt >= 1) {
            throw new IllegalArgumentException("warnAt is the share of the target after which to warn, between 0 and 1");
        }
        if (file.targets() == null || file.targets().isEmpty()) {
            throw new IllegalArgumentException("no targets");
        }
        List<Rule> rules = file.targets().stream().map(t -> {
            Priority priority = t.priority() == null ? null : Priority.valueOf(t.priority().toUpperCase(Locale.ROOT));
            CustomerTier tier = t.tier() == null ? null : CustomerTier.valueOf(t.tier().toUpperCase(Locale.ROOT));
            String name = (tier == null ? "" : tier + " ") + (priority == null ? "any priority" : priority);
            return new Rule(name, priority, tier, duration(t.firstResponse()), duration(t.resolution()),
                    t.businessHours() == null || t.businessHours());
        }).toList();
        Escalation escalation = file.escalation() == null ? new Escalation("supervisors", "SUPERVISOR")
                : file.escalation();
        return new SlaPolicies(calendar, warnAt, escalation.team(), escalation.recipients(), rules);
    }

    /** "30m", "4h", "1h 30m": business hours and minutes. */
    static Duration duration(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a target needs firstResponse and resolution (like 4h or 30m)");
        }
        Matcher match = DURATION.matcher(text.strip());
        if (text.isBlank() || !match.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 4h, 30m or 1h 30m");
        }
        long hours = match.group(1) == null ? 0 : Long.parseLong(match.group(1));
        long minutes = match.group(2) == null ? 0 : Long.parseLong(match.group(2));
        if (hours == 0 && minutes == 0) {
            throw new IllegalArgumentException("'" + text + "' is no time at all");
        }
        return Duration.ofHours(hours).plusMinutes(minutes);
    }

    public Optional<Targets> targets(Priority priority, CustomerTier tier) {
        for (Rule rule : rules) {
            if ((rule.priority() == null || rule.priority() == priority)
                    && (rule.tier() == null || rule.tier() == tier)) {
                return Optional.of(targets(rule));
            }
        }
        return Optional.empty();
    }

    /**
     * The targets of the rule called {@code name}: what a running target was set with, so that pausing and checking
     * it go on by the same rule (and calendar) until a change of priority re-targets it.
     */
    public Optional<Targets> named(String name) {
        for (Rule rule : rules) {
            if (rule.name().equals(name)) {
                return Optional.of(targets(rule));
            }
        }
        return Optional.empty();
    }

    private Targets targets(Rule rule) {
        return new Targets(rule.name(), rule.firstResponse(), rule.resolution(),
                rule.businessHours() ? business : BusinessCalendar.ALWAYS);
    }

    public BusinessCalendar calendar() {
        return business;
    }

    /** The share of a target after which the assignee is warned. */
    public double warnAt() {
        return warnAt;
    }

    /** The team a breached ticket moves to (escalation), and who is notified. */
    public String escalationTeam() {
        return escalationTeam;
    }

    public String escalationNotify() {
        return escalationNotify;
    }
}
