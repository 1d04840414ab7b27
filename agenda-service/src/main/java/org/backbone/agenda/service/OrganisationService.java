package org.backbone.agenda.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.backbone.agenda.persistence.OrganisationEntity;
import org.backbone.contracts.agenda.OrganisationRegistered;
import org.backbone.contracts.agenda.OrganisationUpdated;
import org.backbone.contracts.agenda.Sector;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.KeysetQuery;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/** Organisations: registered by backbone staff, maintained by staff or by their own members. */
@ApplicationScoped
public class OrganisationService {

    /** Organisation events belong to no initiative: they carry the nil UUID as initiative id. */
    public static final UUID NO_INITIATIVE = org.backbone.contracts.BackboneEvent.NO_INITIATIVE;

    private final Outbox outbox;

    OrganisationService(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Registration(UUID id, String name, Sector sector, String country, String website) {
    }

    @WithTransaction
    public Uni<OrganisationEntity> register(Caller caller, Registration registration) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("only backbone staff register organisations");
        }
        UUID id = registration.id() == null ? UUID.randomUUID() : registration.id();
        return OrganisationEntity.<OrganisationEntity>findById(id).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("organisation " + id + " is already registered");
            }
            OrganisationEntity organisation = new OrganisationEntity();
            organisation.id = id;
            apply(organisation, registration);
            organisation.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            return organisation.<OrganisationEntity>persist()
                    .call(saved -> outbox.append(event(saved)));
        });
    }

    @WithSession
    public Uni<OrganisationEntity> get(UUID id) {
        return OrganisationEntity.<OrganisationEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("organisation " + id));
    }

    /** Organisations whose name contains {@code name} (case-insensitive), optionally of one sector, by name. */
    @WithSession
    public Uni<Page<OrganisationEntity>> search(String name, Sector sector, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        KeysetQuery query = new KeysetQuery();
        if (name != null && !name.isBlank()) {
            query.and("lower(name) like ?", "%" + name.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (sector != null) {
            query.and("sector = ?", sector);
        }
        if (!after.isEmpty()) {
            query.after("lower(name)", after.get(0), Cursor.uuid(after.get(1)));
        }
        return OrganisationEntity.<OrganisationEntity>find(query.orderedBy("lower(name)"), query.parameters())
                .range(0, limit).list()
                .map(rows -> Cursor.page(rows, limit, o -> Cursor.encode(o.name.toLowerCase(), o.id.toString())));
    }

    @WithTransaction
    public Uni<OrganisationEntity> update(Caller caller, UUID id, String ifMatch, Registration registration) {
        if (!caller.mayWriteFor(id)) {
            throw ProblemException.forbidden("only backbone staff or the organisation's own members may change it");
        }
        ETags.requirePresent(ifMatch);
        return get(id).chain(organisation -> {
            ETags.requireMatch(ifMatch, organisation.version);
            apply(organisation, registration);
            return organisation.<OrganisationEntity>persistAndFlush()
                    .call(saved -> outbox.append(new OrganisationUpdated(NO_INITIATIVE, saved.id, saved.name,
                            saved.sector, saved.country, saved.website, saved.version)));
        });
    }

    private static void apply(OrganisationEntity organisation, Registration registration) {
        organisation.name = registration.name().strip();
        organisation.sector = registration.sector();
        organisation.country = registration.country();
        organisation.website = registration.website();
    }

    private static OrganisationRegistered event(OrganisationEntity o) {
        return new OrganisationRegistered(NO_INITIATIVE, o.id, o.name, o.sector, o.country, o.website);
    }
}
