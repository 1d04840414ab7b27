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
import jakarta.ws.rs.core.MediaType;
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

    public record Thing(@NotBlank @Size(max = 10) String name, List<@Valid Part> parts, Colour colour) {
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
    @Path("/whoami")
    @Authenticated
    public Caller whoami() {
        return caller.get();
    }
}
