package org.backbone.agenda.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.backbone.agenda.service.OrganisationService;
import org.backbone.agenda.service.PartnerKafkaService;
import org.backbone.contracts.agenda.Sector;
import org.backbone.kit.http.ETags;
import org.backbone.kit.http.Idempotency;
import org.backbone.kit.paging.Page;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.security.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;

@Path("/v1/organisations")
@Tag(name = "Organisations", description = "Organisations from every sector that take part in initiatives")
@Authenticated
public class OrganisationResource {

    private final OrganisationService organisations;
    private final CurrentCaller caller;
    private final Idempotency idempotency;
    private final PartnerKafkaService kafka;

    OrganisationResource(OrganisationService organisations, CurrentCaller caller, Idempotency idempotency,
            PartnerKafkaService kafka) {
        this.organisations = organisations;
        this.caller = caller;
        this.idempotency = idempotency;
        this.kafka = kafka;
    }

    @POST
    @Operation(summary = "Register an organisation", description = "Backbone staff only. Send `id` to use a chosen id, "
            + "e.g. the one the identity provider puts in partner tokens.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Uni<Response> register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid Dtos.OrganisationRequest request) {
        return idempotency.once(idempotencyKey, caller.get(), "POST", "/v1/organisations", request,
                () -> organisations.register(caller.get(), registration(request))
                        .map(o -> Response.created(URI.create("/v1/organisations/" + o.id)).tag(ETags.of(o.version))
                                .entity(Views.of(o)).build()));
    }

    @GET
    @Operation(summary = "Search organisations by name (contains, case-insensitive) and sector")
    public Uni<Page<Dtos.Organisation>> search(@QueryParam("name") String name, @QueryParam("sector") Sector sector,
            @BeanParam @Valid PageParams page) {
        return organisations.search(name, sector, page.limit, page.cursor)
                .map(result -> new Page<>(result.items().stream().map(Views::of).toList(), result.next()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an organisation")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return organisations.get(id).map(o -> Response.ok(Views.of(o)).tag(ETags.of(o.version)).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update an organisation's profile", description = "Backbone staff, or a member of the "
            + "organisation itself. Send `If-Match` with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = Dtos.Organisation.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Dtos.OrganisationRequest request) {
        return organisations.update(caller.get(), id, ifMatch, registration(request))
                .map(o -> Response.ok(Views.of(o)).tag(ETags.of(o.version)).build());
    }

    @Schema(description = "What the organisation's systems need to produce to Kafka over SASL/SCRAM")
    public record KafkaCredentials(String username,
            @Schema(description = "Only when just issued: shown once, kept by Backbone nowhere") String password,
            String mechanism, String bootstrap,
            @Schema(description = "Kafka's ACLs let this login write only topics starting so") String topicPrefix,
            String measurementsTopic) {

        static KafkaCredentials of(PartnerKafkaService.Credentials c) {
            return new KafkaCredentials(c.username(), c.password(), c.mechanism(), c.bootstrap(), c.topicPrefix(),
                    c.measurementsTopic());
        }
    }

    @PUT
    @Path("/{id}/kafka-credentials")
    @Operation(summary = "Issue or rotate the organisation's Kafka credentials", description = "Backbone staff or the "
            + "organisation's own people (not its systems). A new random password, shown once; an earlier one stops "
            + "working. The login may write only topics under partner.{id}. (Kafka ACLs).")
    @APIResponse(responseCode = "200", description = "The credentials, with the password", content = @Content(schema =
            @Schema(implementation = KafkaCredentials.class)))
    @APIResponse(responseCode = "403", description = "Neither staff nor one of the organisation's people")
    @APIResponse(responseCode = "404", description = "No such organisation")
    @APIResponse(responseCode = "503", description = "Kafka could not be reached")
    public Uni<KafkaCredentials> issueKafkaCredentials(@PathParam("id") UUID id) {
        return kafka.issue(caller.get(), id).map(KafkaCredentials::of);
    }

    @GET
    @Path("/{id}/kafka-credentials")
    @Operation(summary = "The organisation's Kafka login, without its password")
    @APIResponse(responseCode = "200", description = "The login", content = @Content(schema = @Schema(implementation = KafkaCredentials.class)))
    @APIResponse(responseCode = "403", description = "Neither staff nor one of the organisation's people")
    @APIResponse(responseCode = "404", description = "No such organisation, or it has no Kafka credentials")
    @APIResponse(responseCode = "503", description = "Kafka could not be reached")
    public Uni<KafkaCredentials> kafkaCredentials(@PathParam("id") UUID id) {
        return kafka.describe(caller.get(), id).map(KafkaCredentials::of);
    }

    @DELETE
    @Path("/{id}/kafka-credentials")
    @Operation(summary = "Revoke the organisation's Kafka credentials", description = "Its login and ACLs are removed at once.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "Neither staff nor one of the organisation's people")
    @APIResponse(responseCode = "404", description = "No such organisation, or it has no Kafka credentials")
    @APIResponse(responseCode = "503", description = "Kafka could not be reached")
    public Uni<Response> revokeKafkaCredentials(@PathParam("id") UUID id) {
        return kafka.revoke(caller.get(), id).map(done -> Response.noContent().build());
    }

    private static OrganisationService.Registration registration(Dtos.OrganisationRequest r) {
        return new OrganisationService.Registration(r.id(), r.name(), r.sector(), r.country(), r.website());
    }
}
