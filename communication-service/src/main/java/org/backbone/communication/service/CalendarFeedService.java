package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.config.MailConfig;
import org.backbone.communication.persistence.Meetings;
import org.backbone.communication.persistence.Meetings.CalendarOwner;
import org.backbone.communication.persistence.PeopleDirectory;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Private calendar feeds: a person's meetings as one iCalendar address their calendar polls without
 * signing in. The address carries a random token (256 bits) that is shown once; only its SHA-256 is
 * kept. Creating a new one revokes the old. The feed holds what its owner may see now: the meetings
 * that invite their organisation in initiatives it currently belongs to (staff: every meeting), and
 * only while Keycloak still counts them among that organisation's members or staff.
 */
@ApplicationScoped
public class CalendarFeedService {

    /** How far back the feed reaches: calendars keep what they saw, the feed need not repeat old years. */
    static final Duration HISTORY = Duration.ofDays(90);
    static final int MOST = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Meetings meetings;
    private final PeopleDirectory directory;
    private final MeetingCalendar calendar;
    private final Clock clock;
    private final String publicUrl;

    CalendarFeedService(Meetings meetings, PeopleDirectory directory, MeetingCalendar calendar, Clock clock, MailConfig mail) {
        this.meetings = meetings;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
        this.publicUrl = mail.publicUrl().replaceAll("/+$", "");
    }

    /** A new feed address for the caller (the previous one stops working). */
    @WithTransaction
    public Uni<String> renew(Caller caller) {
        if (!caller.isAdmin() && !(caller.isPartner() && caller.partnerId().isPresent())) {
            return Uni.createFrom().failure(ProblemException.forbidden("calendar feeds are for staff and partners' members"));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarOwner owner = new CalendarOwner(caller.subject(), caller.isAdmin() ? null : caller.partnerId().orElseThrow(),
                caller.isAdmin());
        return meetings.saveCalendarToken(hash(token), owner, OffsetDateTime.now(ZoneOffset.UTC))
                .replaceWith(publicUrl + "/v1/me/meetings.ics?token=" + token);
    }

    @WithTransaction
    public Uni<Void> revoke(Caller caller) {
        return meetings.deleteCalendarToken(caller.subject()).invoke(done -> {
            if (!done) {
                throw ProblemException.notFound("calendar feed of the caller");
            }
        }).replaceWithVoid();
    }

    /** The feed a token opens; 404 for a token that is unknown, revoked, or whose owner is no longer who they were. */
    @WithSession
    public Uni<String> byToken(String token) {
        if (token == null || token.length() > 100) {
            return Uni.createFrom().failure(ProblemException.notFound("calendar feed"));
        }
        return meetings.calendarOwner(hash(token)).chain(found -> {
            CalendarOwner owner = found.orElseThrow(() -> ProblemException.notFound("calendar feed"));
            Uni<Set<PeopleDirectory.Person>> still = owner.staff() ? directory.staff()
                    : directory.membersOf(Set.of(owner.organisationId()));
            return still.chain(people -> {
                if (people.stream().noneMatch(p -> p.subject().equals(owner.subject()))) {
                    throw ProblemException.notFound("calendar feed");
                }
                return feed(owner.staff(), owner.organisationId());
            });
        });
    }

    /** The signed-in caller's feed. */
    @WithSession
    public Uni<String> mine(Caller caller) {
        UUID organisation = caller.isPartner() ? caller.partnerId().orElse(null) : null;
        if (!caller.isAdmin() && organisation == null) {
            return Uni.createFrom().item(calendar.feed(java.util.List.of(), "Backbone meetings"));
        }
        return feed(caller.isAdmin(), organisation);
    }

    private Uni<String> feed(boolean staff, UUID organisation) {
        OffsetDateTime from = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(HISTORY);
        return meetings.calendar(staff, organisation, from, MOST).map(found -> calendar.feed(found.stream()
                .map(m -> new MeetingCalendar.Entry(m, java.util.List.of(), true)).toList(), "Backbone meetings"));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
