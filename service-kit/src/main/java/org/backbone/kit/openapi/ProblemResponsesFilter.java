package org.backbone.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every operation documents the errors the kit answers for it, as problem details: 400, 404, 414,
 * 415, 431 and 503 for any request; 413 and 422 where there is a body or there are parameters; 412
 * and 428 where it takes {@code If-Match}. What only one operation answers (409, say) its resource
 * declares with {@code @APIResponse}. The fuzz suite checks that no status goes undocumented.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(ProblemResponsesFilter::document);
        }
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Malformed request: JSON that does not parse, a parameter of the wrong type, broken percent-encoding");
        errors.put("404", "No such resource, or one the caller may not see");
        errors.put("414", "The request target is longer than 8,192 characters");
        errors.put("415", "The body's media type is not one the operation reads");
        errors.put("431", "The request headers are larger than 16 KB");
        errors.put("503", "The database could not answer in time; try again");
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (operation.getRequestBody() != null) {
            errors.put("413", "The body is larger than the configured limit");
        }
        if (operation.getRequestBody() != null || parameters) {
            errors.put("422", "A field or parameter is invalid; `errors` names each");
        }
        if (parameters && operation.getParameters().stream().map(Parameter::getName).anyMatch("If-Match"::equalsIgnoreCase)) {
            errors.put("412", "If-Match does not name the current version");
            errors.put("428", "If-Match is required");
        }
        errors.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType("application/problem+json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
            }
        });
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
