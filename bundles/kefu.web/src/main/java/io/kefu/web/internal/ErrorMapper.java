package io.kefu.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kefu.web.ApiException;
import io.kefu.web.ErrorBody;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code {"code", "message"}}. Clients never see a stack trace or an exception's own
 * message for unexpected errors: those get an incident id that points at the full report in the server log.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("kefu.errors")
@JakartarsApplicationSelect("(osgi.jakartars.name=*)")
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        return toResponse(describe(failure));
    }

    static Response toResponse(Described described) {
        return Response.status(described.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(described.code(), described.message())).build();
    }

    record Described(int status, String code, String message) {
    }

    static Described describe(Throwable failure) {
        if (failure instanceof ApiException api) {
            return new Described(api.status(), api.code(), api.getMessage());
        }
        UnrecognizedPropertyException unknown = find(failure, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return new Described(400, "request.unknown_field", "Unknown field '" + unknown.getPropertyName()
                    + "'" + (unknown.getKnownPropertyIds() == null ? "" : "; known fields: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))));
        }
        MismatchedInputException mismatched = find(failure, MismatchedInputException.class);
        if (mismatched != null) {
            String field = mismatched.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            return new Described(400, "request.invalid_value",
                    "Invalid value" + (field.isEmpty() ? "" : " for '" + field + "'") + ": " + mismatched.getOriginalMessage());
        }
        JsonProcessingException json = find(failure, JsonProcessingException.class);
        if (json != null) {
            String where = json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr();
            return new Described(400, "request.malformed_json", "The request body is not valid JSON" + where
                    + ": " + json.getOriginalMessage());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                return new Described(status, "http." + status, clientMessage(status));
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Incident {}: unexpected failure while answering a REST request", incident, failure);
        return new Described(500, "server.error",
                "Something went wrong on the server; the log has the details under incident " + incident);
    }

    private static String clientMessage(int status) {
        return switch (status) {
            case 400 -> "The request is not valid";
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not accept that method";
            case 406 -> "This address cannot answer in the requested format";
            case 415 -> "Send the body as application/json";
            default -> "The request cannot be answered (HTTP " + status + ")";
        };
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
