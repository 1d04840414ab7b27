package org.backbone.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
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
import java.util.stream.StreamSupport;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.http.InvalidParameter;
import org.backbone.kit.json.StrictJson;
import org.backbone.kit.persistence.DatabaseFailures;
import org.backbone.kit.domain.StorableText;
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
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return respond(ProblemType.VALIDATION_FAILED, errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid", uri, errors);
    }

    /** Jackson's words for a name given twice in one object (strict duplicate detection). */
    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile(
            "Duplicate (?:field|Object property) '(.*)'", java.util.regex.Pattern.DOTALL);

    /** Outranks the framework's own mapper, which answers a bare 400 for a value of the wrong type. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StrictJson.RefusedJsonValue refused) {
            String field = refused.getPath().isEmpty() ? "body" : pathOf(refused);
            return respond(ProblemType.VALIDATION_FAILED, field + ": " + refused.reason(), uri,
                    List.of(new FieldProblem(field, refused.reason())));
        }
        if (e instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String field = pathOf(invalid);
            String value = echo(invalid.getValue());
            return respond(ProblemType.VALIDATION_FAILED, field + ": invalid value " + value, uri,
                    List.of(new FieldProblem(field, "invalid value: " + value)));
        }
        if (e instanceof InvalidNullException nulled && !nulled.getPath().isEmpty()) {
            String field = pathOf(nulled);
            return respond(ProblemType.VALIDATION_FAILED, field + ": must not be null", uri,
                    List.of(new FieldProblem(field, "must not be null")));
        }
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = pathOf(mismatched);
            return respond(ProblemType.VALIDATION_FAILED, field + ": wrong type", uri,
                    List.of(new FieldProblem(field, "wrong type: expected "
                            + (mismatched.getTargetType() == null ? "another type" : mismatched.getTargetType().getSimpleName()))));
        }
        java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.matches()) {
            String field = echo(duplicatePath(e, duplicate.group(1)));
            return respond(ProblemType.MALFORMED_REQUEST, "request body names " + field + " twice", uri,
                    List.of(new FieldProblem(field, "appears twice in one object")));
        }
        String detail = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? "JSON does not fit the request at " + pathOf(mapping)
                : "request body is not valid JSON";
        return respond(ProblemType.MALFORMED_REQUEST, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e, UriInfo uri) {
        if (e.inPath()) {
            return respond(ProblemType.NOT_FOUND, "no such resource (" + e.parameter() + " " + e.getMessage() + ")", uri,
                    List.of());
        }
        return respond(ProblemType.MALFORMED_REQUEST, e.parameter() + ": " + e.getMessage(), uri,
                List.of(new FieldProblem(e.parameter(), e.getMessage())));
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
        Response database = DatabaseFailures.sqlState(e).map(state -> database(state, uri)).orElse(null);
        if (database != null) {
            return database;
        }
        if (ClientGone.is(e)) {
            // the caller hung up before its request was read: nobody to answer and nothing wrong here
            LOG.debugf("client went away during %s: %s", uri == null ? "?" : uri.getPath(), e);
            return respond(ProblemType.MALFORMED_REQUEST, "the request was not received whole", uri, List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s on %s", incident, uri == null ? "?" : uri.getPath());
        return respond(ProblemType.INTERNAL_ERROR, "an unexpected error occurred; incident " + incident, uri, List.of());
    }

    /**
     * What the database's refusal means for the caller, by SQLSTATE: a unique violation is a race
     * between two creates of the same thing (409); refused data that validation let through is the
     * caller's (422); a cancelled statement (the statement timeout) or an overloaded or unreachable
     * database is passing (503). Null for anything else, which is an incident.
     */
    private static Response database(String state, UriInfo uri) {
        if (DatabaseFailures.UNIQUE_VIOLATION.equals(state)) {
            return respond(ProblemType.CONFLICT, "it already exists (another request created it at the same time)",
                    uri, List.of());
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return respond(ProblemType.VALIDATION_FAILED, "a value cannot be stored (SQLSTATE " + state + ")", uri,
                    List.of());
        }
        if (state.equals("57014") || state.startsWith("53") || state.startsWith("08") || state.startsWith("40")) {
            return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE,
                    "the database could not answer in time; try again shortly", uri, List.of()))
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        return null;
    }

    /** A rejected value as it may be shown: storable and short. */
    /** Where the repeated name is, as {@code parts[0].title}: the parser's position, or the bare name. */
    private static String duplicatePath(JsonProcessingException e, String name) {
        if (!(e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) || parser.getParsingContext() == null) {
            return name;
        }
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.core.JsonPointer p = parser.getParsingContext().pathAsPointer(); p != null && !p.matches();
                p = p.tail()) {
            if (p.mayMatchElement() && p.getMatchingIndex() >= 0 && p.getMatchingProperty().equals(
                    Integer.toString(p.getMatchingIndex()))) {
                path.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(p.getMatchingProperty());
            }
        }
        String at = path.toString();
        return at.isEmpty() ? name : at.endsWith(name) ? at : at + "." + name;
    }

    private static String echo(Object value) {
        String text = StorableText.sanitized(String.valueOf(value));
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    static Response respond(ProblemType type, String detail, UriInfo uri, List<FieldProblem> errors) {
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
        if (uri == null) {
            return null;
        }
        var current = Arc.container().instance(CurrentVertxRequest.class);
        RoutingContext context = current.isAvailable() ? current.get().getCurrent() : null;
        String prefix = context == null ? null : context.request().getHeader(Problem.FORWARDED_PREFIX);
        return Problem.instance(prefix, uri.getRequestUri().getRawPath());
    }

    private static String pathOf(JsonMappingException e) {
        return StrictJson.pathOf(e);
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
