package org.backbone.agenda.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.backbone.agenda.config.PartnerKafkaConfig;
import org.backbone.agenda.persistence.PartnerKafkaAccounts;
import org.backbone.contracts.Topics;
import org.backbone.kit.persistence.CallerContext;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.problem.ProblemType;
import org.backbone.kit.security.Caller;
import org.backbone.kit.security.Role;

/**
 * An organisation's Kafka credentials for its own systems: its members (people, not its systems)
 * create them, rotate them (a new password; the old stops working) and revoke them. The password is
 * random (192 bits), shown once, and kept nowhere by Backbone — only Kafka (or Strimzi's Secret) holds
 * its salted SCRAM form. Kafka's ACLs, not convention, keep each partner to its own topics.
 */
@ApplicationScoped
public class PartnerKafkaService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PartnerKafkaAccounts accounts;
    private final PartnerKafkaConfig config;
    private final OrganisationService organisations;

    PartnerKafkaService(PartnerKafkaAccounts accounts, PartnerKafkaConfig config, OrganisationService organisations) {
        this.accounts = accounts;
        this.config = config;
        this.organisations = organisations;
    }

    /** What a partner's system needs to connect; the password only when just issued. */
    public record Credentials(String username, String password, String mechanism, String bootstrap, String topicPrefix,
            String measurementsTopic) {
    }

    public Uni<Credentials> issue(Caller caller, UUID organisation) {
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random(24));
        return permitted(caller, organisation)
                .chain(() -> blocking(() -> {
                    accounts.upsert(organisation, password);
                    return credentials(organisation, password);
                }));
    }

    public Uni<Credentials> describe(Caller caller, UUID organisation) {
        return permitted(caller, organisation).chain(() -> blocking(() -> {
            if (!accounts.exists(organisation)) {
                throw ProblemException.notFound("Kafka credentials of organisation " + organisation);
            }
            return credentials(organisation, null);
        }));
    }

    public Uni<Void> revoke(Caller caller, UUID organisation) {
        return permitted(caller, organisation).chain(() -> blocking(() -> {
            if (!accounts.revoke(organisation)) {
                throw ProblemException.notFound("Kafka credentials of organisation " + organisation);
            }
            return null;
        })).replaceWithVoid();
    }

    /** The organisation exists, and the caller is backbone staff or one of its people (never a system: it cannot mint its own keys). */
    private Uni<Void> permitted(Caller caller, UUID organisation) {
        return organisations.get(organisation).invoke(found -> {
            boolean member = caller.roles().contains(Role.PARTNER_MEMBER) && caller.actsFor(organisation);
            if (!caller.isAdmin() && !member) {
                throw ProblemException.forbidden("only backbone staff or the organisation's own people manage its Kafka credentials");
            }
        }).replaceWithVoid();
    }

    private Credentials credentials(UUID organisation, String password) {
        return new Credentials(PartnerKafkaAccounts.username(organisation), password, "SCRAM-SHA-512", config.bootstrap(),
                Topics.partnerPrefix(organisation), Topics.partnerMeasurements(organisation));
    }

    /** The accounts' calls block: on a worker, back on the caller's context; a backend away is a 503. */
    private static <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return CallerContext.blocking(work).onFailure(PartnerKafkaAccounts.Unavailable.class).transform(e -> new ProblemException(
                ProblemType.SERVICE_UNAVAILABLE, "Kafka could not be reached to manage the credentials; try again"));
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }
}
