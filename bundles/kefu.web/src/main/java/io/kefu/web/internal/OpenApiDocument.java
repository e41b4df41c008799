package io.kefu.web.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an OpenAPI 3.0 document from Jakarta REST resource classes. Records become object schemas, enums string
 * enumerations, collections arrays; the access rules of {@link Access} become each operation's security and
 * {@code x-kefu-roles} ("public", "authenticated", or the role names).
 */
final class OpenApiDocument {
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch", HEAD.class, "head");

    private final String base;
    private final Map<String, Object> schemas = new TreeMap<>();

    OpenApiDocument(String base) {
        this.base = base;
    }

    Map<String, Object> describe(List<Class<?>> resourceClasses) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        List<Class<?>> sorted = new ArrayList<>(resourceClasses);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> type : sorted) {
            String classPath = path(type.getAnnotation(Path.class));
            Method[] methods = type.getMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method method : methods) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                String fullPath = normalise(base + classPath + path(method.getAnnotation(Path.class)));
                paths.computeIfAbsent(fullPath, p -> new TreeMap<>()).put(verb, operation(type, method));
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Kefu API", "version", "1",
                "description", "Kefu's REST API. Log in with POST " + base + "/auth/login; the session is a cookie "
                        + "(send X-Requested-With: kefu on changes) or a bearer token. Errors are {code, message}."));
        document.put("paths", paths);
        document.put("components", Map.of("schemas", schemas, "securitySchemes", Map.of(
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "kefu_session"),
                "bearer", Map.of("type", "http", "scheme", "bearer"))));
        return document;
    }

    private Map<String, Object> operation(Class<?> type, Method method) {
        Access access = Access.of(method, type);
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", type.getSimpleName() + "." + method.getName());
        operation.put("tags", List.of(type.getSimpleName().replace("Resource", "")));
        List<Object> parameters = new ArrayList<>();
        Object body = null;
        for (Parameter parameter : method.getParameters()) {
            PathParam pathParam = parameter.getAnnotation(PathParam.class);
            QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
            if (pathParam != null) {
                parameters.add(Map.of("name", pathParam.value(), "in", "path", "required", true,
                        "schema", schema(parameter.getParameterizedType())));
            } else if (queryParam != null) {
                parameters.add(Map.of("name", queryParam.value(), "in", "query", "required", false,
                        "schema", schema(parameter.getParameterizedType())));
            } else if (!parameter.isAnnotationPresent(Context.class) && parameter.getAnnotations().length == 0) {
                body = schema(parameter.getParameterizedType());
            }
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        if (body != null) {
            operation.put("requestBody", Map.of("required", true,
                    "content", Map.of(consumes(type, method), Map.of("schema", body))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Type returned = method.getGenericReturnType();
        if (returned == void.class) {
            responses.put("204", Map.of("description", "Done"));
        } else if (returned == Response.class) {
            responses.put("default", Map.of("description", "See the endpoint's documentation"));
        } else {
            responses.put("200", Map.of("description", "OK",
                    "content", Map.of("application/json", Map.of("schema", schema(returned)))));
        }
        responses.put("4XX", Map.of("description", "Refused: {code, message}"));
        operation.put("responses", responses);
        switch (access.kind()) {
            case PUBLIC -> {
                operation.put("security", List.of());
                operation.put("x-kefu-roles", List.of("public"));
            }
            case AUTHENTICATED -> {
                operation.put("security", List.of(Map.of("session", List.of()), Map.of("bearer", List.of())));
                operation.put("x-kefu-roles", List.of("authenticated"));
            }
            case ROLES -> {
                operation.put("security", List.of(Map.of("session", List.of()), Map.of("bearer", List.of())));
                operation.put("x-kefu-roles", access.roles().stream().map(Enum::name).sorted().toList());
            }
            case UNDECLARED, DENIED -> operation.put("x-kefu-roles", List.of("nobody"));
        }
        return operation;
    }

    private static String consumes(Class<?> type, Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class)
                : type.getAnnotation(Consumes.class);
        return consumes == null || consumes.value().length == 0 ? "application/json" : consumes.value()[0];
    }

    private Object schema(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schema(arguments[1]));
            }
            if (raw.isRecord()) {
                return recordSchema(raw, arguments);
            }
            return Map.of("type", "object");
        }
        if (!(type instanceof Class<?> cls)) {
            return Map.of("type", "object");
        }
        if (cls == String.class) {
            return Map.of("type", "string");
        }
        if (cls == int.class || cls == Integer.class || cls == long.class || cls == Long.class) {
            return Map.of("type", "integer");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (cls == double.class || cls == Double.class || cls == float.class || cls == Float.class) {
            return Map.of("type", "number");
        }
        if (cls == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (cls.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(cls.getEnumConstants()).map(String::valueOf).toList());
        }
        if (cls.isRecord()) {
            String name = schemaName(cls);
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of("type", "object")); // placeholder first: records may refer to themselves
                schemas.put(name, recordSchema(cls, new Type[0]));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }

    /** A record's fields; type variables (as in {@code Page<T>}) take the given arguments. */
    private Map<String, Object> recordSchema(Class<?> record, Type[] arguments) {
        Map<String, Object> properties = new LinkedHashMap<>();
        var variables = record.getTypeParameters();
        for (RecordComponent component : record.getRecordComponents()) {
            Type type = component.getGenericType();
            for (int i = 0; i < variables.length && i < arguments.length; i++) {
                type = substitute(type, variables[i].getName(), arguments[i]);
            }
            properties.put(component.getName(), schema(type));
        }
        return Map.of("type", "object", "properties", properties);
    }

    private static Type substitute(Type type, String variable, Type argument) {
        if (type instanceof java.lang.reflect.TypeVariable<?> tv && tv.getName().equals(variable)) {
            return argument;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments().clone();
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = substitute(arguments[i], variable, argument);
            }
            return new ParameterizedType() {
                @Override public Type[] getActualTypeArguments() { return arguments; }
                @Override public Type getRawType() { return parameterized.getRawType(); }
                @Override public Type getOwnerType() { return parameterized.getOwnerType(); }
            };
        }
        return type;
    }

    private static String schemaName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        String name = outer == null ? type.getSimpleName() : outer.getSimpleName().replace("Resource", "") + type.getSimpleName();
        return name;
    }

    private static String verb(Method method) {
        for (var entry : VERBS.entrySet()) {
            if (method.isAnnotationPresent(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String path(Path path) {
        if (path == null || path.value().isEmpty() || path.value().equals("/")) {
            return "";
        }
        return path.value().startsWith("/") ? path.value() : "/" + path.value();
    }

    private static String normalise(String path) {
        return path.replaceAll("//+", "/").replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }
}
