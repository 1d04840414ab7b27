package org.backbone.agenda.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.backbone.agenda.domain.AgendaContent;
import org.backbone.agenda.domain.Boundaries;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.agenda.domain.RatificationRule;
import org.backbone.agenda.persistence.AgendaDraftEntity;
import org.backbone.agenda.persistence.InitiativeEntity;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.InitiativeUpdated;
import org.backbone.kit.access.AccessRule;
import org.backbone.kit.access.Scope;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.KeysetQuery;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/** Initiatives: created and changed by backbone staff, read by members and observers. */
@ApplicationScoped
public class InitiativeService {

    private final Outbox outbox;
    private final AccessibleInitiatives access;

    InitiativeService(Outbox outbox, AccessibleInitiatives access) {
        this.outbox = outbox;
        this.access = access;
    }

    public record Definition(String name, String problemStatement, String vision, String mission,
            Boundaries boundaries, RatificationRule rule) {
    }

    @WithTransaction
    public Uni<InitiativeEntity> create(Caller caller, Definition definition) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("only backbone staff create initiatives");
        }
        validate(definition);
        InitiativeEntity initiative = new InitiativeEntity();
        initiative.id = UUID.randomUUID();
        apply(initiative, definition);
        initiative.createdBy = caller.subject();
        initiative.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        AgendaDraftEntity draft = new AgendaDraftEntity();
        draft.initiativeId = initiative.id;
        // the first draft starts from the initiative's own statements
        draft.content = new AgendaContent(definition.problemStatement(), definition.vision(), definition.mission(),
                definition.boundaries(), List.of());
        draft.updatedBy = caller.subject();
        draft.updatedAt = initiative.createdAt;
        return initiative.<InitiativeEntity>persist()
                .call(saved -> draft.persist())
                .call(saved -> outbox.append(new InitiativeCreated(saved.id, saved.name, saved.problemStatement,
                        saved.vision, saved.mission, contract(saved.rule()), saved.createdBy)));
    }

    @WithSession
    public Uni<InitiativeEntity> get(Caller caller, UUID id) {
        return access.readable(caller, id);
    }

    /** Staff and observers list every initiative; partners those their organisation belongs to. */
    @WithSession
    public Uni<Page<InitiativeEntity>> list(Caller caller, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 2);
        KeysetQuery query = new KeysetQuery();
        Scope scope = AccessRule.scope(caller);
        if (scope == Scope.NONE) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        if (scope == Scope.MEMBER_OF) {
            query.and("id in (select m.initiativeId from MembershipEntity m where m.organisationId = ? and m.leftAt is null)",
                    caller.partnerId().get());
        }
        if (!after.isEmpty()) {
            query.after("createdAt", Cursor.time(after.get(0)), Cursor.uuid(after.get(1)));
        }
        return InitiativeEntity.<InitiativeEntity>find(query.orderedBy("createdAt"), query.parameters())
                .range(0, limit).list()
                .map(rows -> Cursor.page(rows, limit, i -> Cursor.encode(i.createdAt.toString(), i.id.toString())));
    }

    @WithTransaction
    public Uni<InitiativeEntity> update(Caller caller, UUID id, String ifMatch, Definition definition) {
        ETags.requirePresent(ifMatch);
        validate(definition);
        return access.administrable(caller, id, "change initiatives").chain(initiative -> {
            ETags.requireMatch(ifMatch, initiative.version);
            apply(initiative, definition);
            return initiative.<InitiativeEntity>persistAndFlush()
                    .call(saved -> outbox.append(new InitiativeUpdated(saved.id, saved.name, saved.problemStatement,
                            saved.vision, saved.mission, contract(saved.rule()), saved.version)));
        });
    }

    private static void apply(InitiativeEntity initiative, Definition definition) {
        initiative.name = definition.name().strip();
        initiative.problemStatement = definition.problemStatement();
        initiative.vision = definition.vision();
        initiative.mission = definition.mission();
        initiative.boundaries = definition.boundaries();
        initiative.ratificationKind = definition.rule().kind();
        initiative.quorum = definition.rule().quorum();
    }

    static void validate(Definition definition) {
        List<FieldProblem> problems = new ArrayList<>(RatificationRule.problems(definition.rule().kind(),
                definition.rule().quorum(), "ratificationRule"));
        problems.addAll(definition.boundaries().problems("boundaries"));
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    static org.backbone.contracts.agenda.RatificationRule contract(RatificationRule rule) {
        return new org.backbone.contracts.agenda.RatificationRule(rule.kind(), rule.quorum());
    }
}
