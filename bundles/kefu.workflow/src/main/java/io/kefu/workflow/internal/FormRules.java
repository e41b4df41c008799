package io.kefu.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of a form-js form, checked on the server: the browser checks the same rules, but a task's data must
 * not depend on the browser. Understood: {@code validate.required / minLength / maxLength / min / max / pattern /
 * validationType (email, phone)}, number fields, checkboxes, and the options of select, radio, checklist and
 * taglist fields. Fields with a {@code conditional} (shown or hidden by a FEEL expression, which Kefu does not
 * evaluate) are never required here; read-only and disabled fields keep what the process holds.
 */
final class FormRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{5,20}$");

    private final List<JsonNode> fields = new ArrayList<>();

    private FormRules(JsonNode form) {
        collect(form.path("components"));
    }

    static FormRules of(String formJson) {
        try {
            return new FormRules(JSON.readTree(formJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("the task's form is not valid JSON: " + e.getMessage(), e);
        }
    }

    private void collect(JsonNode components) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && !component.path("key").asText().isBlank()) {
                fields.add(component);
            }
            if (component.path("components").isArray()) {
                collect(component.path("components"));
            }
        }
    }

    /** The outcome: the values to keep (only the form's fields, typed) and the errors by field key. */
    record Outcome(Map<String, Object> values, Map<String, String> errors) {
    }

    Outcome check(Map<String, Object> submitted) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode field : fields) {
            String key = field.get("key").asText();
            String type = field.path("type").asText();
            if (field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false)) {
                continue;
            }
            JsonNode validate = field.path("validate");
            Object value = submitted == null ? null : submitted.get(key);
            boolean empty = value == null || (value instanceof String s && s.isBlank())
                    || (value instanceof List<?> l && l.isEmpty());
            if (empty || (value instanceof Boolean b && !b && "checkbox".equals(type))) {
                if (validate.path("required").asBoolean(false) && !field.has("conditional")) {
                    errors.put(key, "required");
                } else {
                    // Set even when empty, so that the process's expressions can test it (${trackingNumber != null}).
                    values.put(key, "checkbox".equals(type) ? Boolean.FALSE : null);
                }
                continue;
            }
            String problem = switch (type) {
                case "number" -> number(field, validate, value, values, key);
                case "checkbox" -> value instanceof Boolean b ? keep(values, key, b) : "must be true or false";
                case "select", "radio" -> option(field, value, values, key);
                case "checklist", "taglist" -> options(field, value, values, key);
                default -> text(validate, value, values, key);
            };
            if (problem != null) {
                errors.put(key, problem);
            }
        }
        return new Outcome(values, errors);
    }

    private static String keep(Map<String, Object> values, String key, Object value) {
        values.put(key, value);
        return null;
    }

    private static String number(JsonNode field, JsonNode validate, Object value, Map<String, Object> values,
            String key) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return "must be a number";
        }
        if (validate.has("min") && number.compareTo(validate.get("min").decimalValue()) < 0) {
            return "must be at least " + validate.get("min").asText();
        }
        if (validate.has("max") && number.compareTo(validate.get("max").decimalValue()) > 0) {
            return "must be at most " + validate.get("max").asText();
        }
        int decimals = field.path("decimalDigits").asInt(-1);
        if (decimals >= 0 && Math.max(0, number.stripTrailingZeros().scale()) > decimals) {
            return "must have at most " + decimals + " decimal digits";
        }
        values.put(key, number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                ? (Object) number.longValueExact() : (Object) number.doubleValue());
        return null;
    }

    private static String text(JsonNode validate, Object value, Map<String, Object> values, String key) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            return "must be text";
        }
        String text = value.toString();
        if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
            return "must be at least " + validate.get("minLength").asInt() + " characters";
        }
        if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
            return "must be at most " + validate.get("maxLength").asInt() + " characters";
        }
        if (validate.hasNonNull("pattern") && !validate.get("pattern").asText().isEmpty()) {
            try {
                if (!Pattern.compile(validate.get("pattern").asText()).matcher(text).matches()) {
                    return "does not match the expected format";
                }
            } catch (PatternSyntaxException e) {
                return "cannot be checked: the form's pattern is invalid";
            }
        }
        String kind = validate.path("validationType").asText("");
        if ("email".equals(kind) && !EMAIL.matcher(text).matches()) {
            return "must be an email address";
        }
        if ("phone".equals(kind) && !PHONE.matcher(text).matches()) {
            return "must be a phone number";
        }
        values.put(key, text);
        return null;
    }

    private static List<String> allowed(JsonNode field) {
        List<String> allowed = new ArrayList<>();
        for (JsonNode option : field.path("values")) {
            allowed.add(option.path("value").asText());
        }
        return allowed;
    }

    private static String option(JsonNode field, Object value, Map<String, Object> values, String key) {
        List<String> allowed = allowed(field);
        // Options fed from a variable (valuesKey) are known only to the process; take the value as it is.
        if (!allowed.isEmpty() && !allowed.contains(value.toString())) {
            return "must be one of " + allowed;
        }
        values.put(key, value.toString());
        return null;
    }

    private static String options(JsonNode field, Object value, Map<String, Object> values, String key) {
        if (!(value instanceof List<?> list)) {
            return "must be a list";
        }
        List<String> allowed = allowed(field);
        List<String> chosen = new ArrayList<>();
        for (Object item : list) {
            if (!allowed.isEmpty() && !allowed.contains(String.valueOf(item))) {
                return "must only hold " + allowed;
            }
            chosen.add(String.valueOf(item));
        }
        // Kept as one comma-separated text: process variables stay plain values that any database and gateway read.
        values.put(key, String.join(",", chosen));
        return null;
    }
}
