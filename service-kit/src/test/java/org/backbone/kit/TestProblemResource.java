package org.backbone.kit;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.List;
import org.backbone.kit.http.ETags;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.PageParams;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.backbone.kit.security.CurrentCaller;
import org.backbone.kit.security.Role;

/** Endpoints that fail in every way a real resource can, for the problem-detail and caller tests. */
@Path("/kit-test")
public class TestProblemResource {

    private final CurrentCaller caller;

    TestProblemResource(CurrentCaller caller) {
        this.caller = caller;
    }

    public enum Colour { RED, GREEN }

    public record Thing(@NotBlank @Size(max = 10) String name, List<@Valid Part> parts, Colour colour,
            BigDecimal amount, Map<String, String> labels, Integer count, Boolean flag) {
    }

    /** What the query parameters were read as. */
    public record Filter(LocalDate day, UUID id, Colour colour, boolean flag, Integer n, String name) {
    }

    public record Part(@NotBlank String title) {
    }

    @POST
    @Path("/things")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Thing create(@Valid Thing thing) {
        return thing;
    }

    @PUT
    @Path("/things/1")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Thing update(@HeaderParam("If-Match") String ifMatch, Thing thing) {
        ETags.requireMatch(ifMatch, 3);
        return thing;
    }

    @GET
    @Path("/admin-only")
    @RolesAllowed(Role.BACKBONE_ADMIN)
    public String adminOnly() {
        return "ok";
    }

    @GET
    @Path("/conflict")
    @Authenticated
    public String conflict() {
        throw ProblemException.conflict("a proposal is already open");
    }

    @GET
    @Path("/page")
    @Authenticated
    public List<String> page(@BeanParam @Valid PageParams page) {
        return Cursor.decode(page.cursor, 2);
    }

    @GET
    @Path("/bug")
    @Authenticated
    public String bug() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/filter")
    @Authenticated
    public Filter filter(@QueryParam("day") LocalDate day, @QueryParam("id") UUID id, @QueryParam("colour") Colour colour,
            @QueryParam("flag") @DefaultValue("false") boolean flag, @QueryParam("n") Integer n, @QueryParam("name") String name) {
        return new Filter(day, id, colour, flag, n, name);
    }

    @GET
    @Path("/things/{id}")
    @Authenticated
    public UUID thing(@PathParam("id") UUID id) {
        return id;
    }

    /** A create whose uniqueness only the database knows, as most creates are. */
    @POST
    @Path("/unique/{name}")
    @Authenticated
    @WithTransaction
    public Uni<Response> unique(@PathParam("name") String name) {
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO test_unique (name) VALUES (:name)")
                .setParameter("name", name).executeUpdate()).replaceWith(Response.status(201).build());
    }

    /** A read that takes longer than the statement timeout. */
    @GET
    @Path("/slow")
    @Authenticated
    @WithSession
    public Uni<String> slow() {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT cast(pg_sleep(30) AS text)", String.class)
                .getSingleResult());
    }

    @GET
    @Path("/whoami")
    @Authenticated
    public Caller whoami() {
        return caller.get();
    }
}
