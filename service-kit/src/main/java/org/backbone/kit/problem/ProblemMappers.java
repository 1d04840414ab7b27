package org.backbone.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Priorities;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into an RFC 9457 problem detail. The catch-all answers 500 without a stack
 * trace and logs the cause under an id the caller can quote.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemType.VALIDATION_FAILED, errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid", uri, errors);
    }

    /** Outranks the framework's own mapper, which answers a bare 400 for a value of the wrong type. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String field = pathOf(invalid);
            return respond(ProblemType.VALIDATION_FAILED, field + ": invalid value " + invalid.getValue(), uri,
                    List.of(new Problem.FieldError(field, "invalid value: " + invalid.getValue())));
        }
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = pathOf(mismatched);
            return respond(ProblemType.VALIDATION_FAILED, field + ": wrong type", uri,
                    List.of(new Problem.FieldError(field, "wrong type: expected "
                            + (mismatched.getTargetType() == null ? "another type" : mismatched.getTargetType().getSimpleName()))));
        }
        String detail = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? "JSON does not fit the request at " + pathOf(mapping)
                : "request body is not valid JSON";
        return respond(ProblemType.MALFORMED_REQUEST, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return stale(null, uri);
    }

    @ServerExceptionMapper
    public Response stale(StaleObjectStateException e, UriInfo uri) {
        return respond(ProblemType.PRECONDITION_FAILED, "the resource was changed by someone else; fetch it again",
                uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "your role does not allow this", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), status, detailOf(e, type), instance(uri), List.of()));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s on %s", incident, uri == null ? "?" : uri.getPath());
        return respond(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; incident " + incident, uri, List.of());
    }

    static Response respond(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, instance(uri), errors))
                .build();
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED, "a valid bearer token is required", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static String detailOf(WebApplicationException e, ProblemType type) {
        // the framework's own messages name its internals ("Unable to find matching target resource method")
        return switch (type) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on the resource";
            case UNSUPPORTED_MEDIA_TYPE -> "send application/json";
            case NOT_ACCEPTABLE -> "the resource cannot be represented in the requested media type";
            default -> e.getMessage() == null ? type.title() : e.getMessage();
        };
    }

    private static URI instance(UriInfo uri) {
        return uri == null ? null : URI.create(uri.getPath());
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The property path without the method and parameter names ({@code create.body.name} → {@code name}). */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE -> {
                }
                case PARAMETER -> {
                    if (nodes.size() == 2 || nodes.indexOf(node) == nodes.size() - 1) {
                        field.append(node.getName());
                    }
                }
                default -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
