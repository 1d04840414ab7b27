package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.domain.FeedItem;
import org.backbone.communication.domain.mail.DigestSchedule;
import org.backbone.communication.domain.notification.Notice;
import org.backbone.communication.domain.notification.NotificationTriggers;
import org.backbone.communication.persistence.Notifications;
import org.backbone.communication.persistence.Notifications.NewNotification;
import org.backbone.communication.persistence.Notifications.Watch;
import org.backbone.communication.persistence.NotificationTail;
import org.backbone.communication.persistence.PeopleDirectory;
import org.backbone.communication.persistence.PeopleDirectory.Person;
import org.backbone.contracts.BackboneEvent;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.events.PermanentEventFailure;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Who is told of an event: the people its triggers name (resolved from the directory), plus whoever
 * watches what it is about, minus whoever muted it, minus who turned that kind off — and only people
 * who could read it through the API. Then each person's own notifications, watches and preferences.
 */
@ApplicationScoped
public class NotificationService {

    public static final Set<String> WATCHABLE = Set.of("initiative", "goal", "indicator", "activity");
    public static final Set<String> LEVELS = Set.of("MUTED", "NORMAL", "WATCHING");
    public static final Set<String> EMAIL = Set.of("NONE", "IMMEDIATE", "DAILY", "WEEKLY");

    /** How often a stream sends a heartbeat comment (and reads again, if its last read failed). */
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final Notifications notifications;
    private final PeopleDirectory directory;
    private final InitiativeAccess access;
    private final NotificationTail tail;
    private final NotificationHub hub;

    NotificationService(Notifications notifications, PeopleDirectory directory, InitiativeAccess access,
            NotificationTail tail, NotificationHub hub) {
        this.tail = tail;
        this.hub = hub;
        this.notifications = notifications;
        this.directory = directory;
        this.access = access;
    }

    /** Writes the notifications of {@code event}, in the inbox's transaction. */
    public Uni<Void> record(ReceivedEvent event) {
        return event.catalogued().map(payload -> record(event.id(), payload)).orElse(Uni.createFrom().voidItem());
    }

    private Uni<Void> record(String eventId, BackboneEvent payload) {
        FeedItem item;
        try {
            item = FeedItem.describing(payload);
        } catch (RuntimeException e) {
            throw new PermanentEventFailure("notifications cannot describe this event: " + e, e);
        }
        List<Notice> notices = NotificationTriggers.of(payload);
        UUID initiative = payload.initiativeId() == null || payload.initiativeId().equals(BackboneEvent.NO_INITIATIVE)
                ? null : payload.initiativeId();
        List<String[]> watched = new ArrayList<>();
        if (initiative != null) {
            watched.add(new String[] {"initiative", initiative.toString()});
            if (WATCHABLE.contains(item.objectType())) {
                watched.add(new String[] {item.objectType(), item.objectId()});
            }
        }
        if (notices.isEmpty() && watched.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<List<UUID>> partners = initiative == null ? Uni.createFrom().item(List.of()) : notifications.currentPartners(initiative);
        Uni<List<Watch>> watches = watched.isEmpty() ? Uni.createFrom().item(List.of()) : notifications.watchesOn(watched);
        return Uni.combine().all().unis(partners, watches).asTuple().chain(both -> {
            Set<UUID> members = new HashSet<>(both.getItem1());
            List<Watch> watchList = both.getItem2();
            Set<String> muted = new HashSet<>();
            watchList.stream().filter(w -> w.level().equals("MUTED")).forEach(w -> muted.add(w.recipient()));
            // kind → recipients, each person told once per kind
            Map<String, Set<String>> told = new LinkedHashMap<>();
            Uni<Void> resolved = Uni.createFrom().voidItem();
            for (Notice notice : notices) {
                resolved = resolved.chain(() -> people(notice, initiative, members, item)).invoke(people ->
                        people.forEach(p -> told.computeIfAbsent(notice.kind(), k -> new HashSet<>()).add(p))).replaceWithVoid();
            }
            return resolved.chain(() -> {
                Set<String> already = new HashSet<>();
                told.values().forEach(already::addAll);
                for (Watch w : watchList) {
                    if (w.level().equals("WATCHING") && !already.contains(w.recipient()) && readable(w, members, item)) {
                        told.computeIfAbsent(NotificationTriggers.WATCHED, k -> new HashSet<>()).add(w.recipient());
                    }
                }
                told.values().forEach(people -> people.removeAll(muted));
                return write(eventId, initiative, item, told);
            });
        });
    }

    /** The people a notice names who may read the event. */
    private Uni<Set<String>> people(Notice notice, UUID initiative, Set<UUID> members, FeedItem item) {
        if (notice.reportersOf() != null) {
            return notifications.reportersOf(notice.reportersOf()).chain(reporters -> people(new Notice(notice.kind(),
                    notice.staff(), notice.everyPartner() || reporters.isEmpty(), union(notice.organisations(), reporters),
                    notice.people()), initiative, members, item));
        }
        Set<UUID> organisations = new HashSet<>(notice.organisations());
        if (notice.everyPartner()) {
            organisations.addAll(members);
        }
        if (initiative != null) {
            organisations.retainAll(members); // an organisation that left hears no more of it
        }
        if (!item.organisations().isEmpty()) {
            organisations.retainAll(item.organisations()); // another partner's own business stays theirs
        }
        Uni<Set<Person>> staff = notice.staff() ? directory.staff() : Uni.createFrom().item(Set.of());
        return staff.chain(s -> directory.membersOf(organisations).map(m -> {
            Set<String> subjects = new HashSet<>(notice.people());
            s.forEach(p -> subjects.add(p.subject()));
            m.forEach(p -> subjects.add(p.subject()));
            return subjects;
        }));
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean readable(Watch watch, Set<UUID> members, FeedItem item) {
        if (watch.staff()) {
            return true;
        }
        if (watch.organisation() == null) {
            return item.organisations().isEmpty(); // an observer: what is not any partner's own
        }
        return members.contains(watch.organisation())
                && (item.organisations().isEmpty() || item.organisations().contains(watch.organisation()));
    }

    private Uni<Void> write(String eventId, UUID initiative, FeedItem described, Map<String, Set<String>> told) {
        if (told.values().stream().allMatch(Set::isEmpty)) {
            return Uni.createFrom().voidItem();
        }
        // the object's title as the feed last saw it, when the event does not name it
        return (described.title() != null ? Uni.createFrom().item(described)
                : notifications.titleOf(described.objectService(), described.objectType(), described.objectId())
                        .map(title -> title.map(t -> new FeedItem(described.verb(), described.objectService(),
                                described.objectType(), described.objectId(), t, described.params(),
                                described.organisations())).orElse(described)))
                .chain(item -> write(eventId, initiative, told, item));
    }

    private Uni<Void> write(String eventId, UUID initiative, Map<String, Set<String>> told, FeedItem item) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var entry : told.entrySet()) {
            String kind = entry.getKey();
            Set<String> recipients = entry.getValue();
            chain = chain.chain(() -> notifications.preferencesOf(recipients, kind)).chain(chosen -> {
                List<NewNotification> rows = new ArrayList<>();
                for (String recipient : recipients) {
                    Notifications.Preference preference = chosen.getOrDefault(recipient, defaultPreference(kind));
                    if (preference.inApp() || !preference.email().equals("NONE")) {
                        rows.add(new NewNotification(recipient, kind, eventId, initiative, item.verb(), item.objectService(),
                                item.objectType(), item.objectId(), item.title(), item.params(), preference.inApp(),
                                preference.email()));
                    }
                }
                return notifications.insert(rows);
            });
        }
        return chain;
    }

    /** What a stream sends: a notification, or (null) a heartbeat. */
    public record Streamed(Notifications.Notification notification) {
    }

    /**
     * The caller's notifications after {@code lastSeen} (from now when null), then each new one as it
     * arrives: the hub wakes the stream when there are some, and it reads them on a worker thread. A
     * heartbeat comment every 20 s reads nothing, unless the last read failed: a wake-up is lost only with
     * the hub's connection, and the hub wakes every stream once it listens again.
     */
    public Multi<Streamed> follow(Caller caller, Long lastSeen) {
        String me = caller.subject();
        AtomicLong last = new AtomicLong(-1);
        AtomicBoolean readFailed = new AtomicBoolean();
        // listening first, then the first read: nothing committed in between is missed
        Multi<Boolean> woken = Multi.createFrom().emitter(emitter -> emitter.onTermination(hub.listen(me, () -> emitter.emit(false))),
                BackPressureStrategy.LATEST);
        Multi<Boolean> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT).onOverflow().drop().map(tick -> true);
        return Multi.createBy().merging().streams(woken, Multi.createFrom().item(false), heartbeats)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(heartbeat -> {
                    List<Streamed> out = new ArrayList<>();
                    if (heartbeat) {
                        out.add(new Streamed(null));
                        if (!readFailed.get()) {
                            return out;
                        }
                    }
                    try {
                        if (last.get() < 0) {
                            last.set(lastSeen != null ? lastSeen : tail.newest(me));
                        }
                        List<Notifications.Notification> read;
                        do {
                            read = tail.after(me, last.get(), 100);
                            for (Notifications.Notification n : read) {
                                out.add(new Streamed(n));
                                last.set(n.seq());
                            }
                        } while (read.size() == 100);
                        readFailed.set(false);
                    } catch (java.sql.SQLException e) {
                        // the next wake-up or heartbeat reads again; the client keeps its place
                        readFailed.set(true);
                    }
                    return out;
                });
    }

    /** The caller's notifications, newest first, with how many are unread. */
    public record Inbox(long unread, Page<Notifications.Notification> page) {
    }

    @WithSession
    public Uni<Inbox> inbox(Caller caller, boolean unreadOnly, int limit, String cursor) {
        Long before = cursor == null ? null : Cursor.number(Cursor.decode(cursor, 1).get(0));
        return notifications.unread(caller.subject()).chain(unread -> notifications.page(caller.subject(), unreadOnly, before,
                        limit + 1)
                .map(rows -> new Inbox(unread, Cursor.page(rows, limit, n -> Cursor.encode(Long.toString(n.seq()))))));
    }

    @WithTransaction
    public Uni<Void> markRead(Caller caller, long seq) {
        return notifications.markRead(caller.subject(), seq).invoke(n -> {
            if (n == 0) {
                throw ProblemException.notFound("notification " + seq);
            }
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Integer> markAllRead(Caller caller, long upTo) {
        return notifications.markAllRead(caller.subject(), upTo);
    }

    @WithSession
    public Uni<List<Watch>> watches(Caller caller) {
        return notifications.watchesOf(caller.subject());
    }

    /** Sets the caller's watch on an object the caller may read (404 otherwise, as for one that does not exist). */
    @WithTransaction
    public Uni<Watch> watch(Caller caller, String type, String id, String level) {
        return readableObject(caller, type, id).chain(() -> {
            Watch watch = new Watch(caller.subject(), type, id, level, caller.isPartner() ? caller.partnerId().get() : null,
                    caller.isAdmin());
            return notifications.watch(watch).replaceWith(watch);
        });
    }

    @WithTransaction
    public Uni<Void> unwatch(Caller caller, String type, String id) {
        return notifications.unwatch(caller.subject(), type, id).invoke(n -> {
            if (n == 0) {
                throw ProblemException.notFound("watch on " + type + " " + id);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> readableObject(Caller caller, String type, String id) {
        if (type.equals("initiative")) {
            UUID initiative;
            try {
                initiative = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw ProblemException.notFound("initiative " + id);
            }
            return access.readable(caller, initiative);
        }
        return notifications.initiativeOf(type, id).chain(found -> found
                .map(initiative -> access.readable(caller, initiative)
                        .onFailure(ProblemException.class).transform(e -> ProblemException.notFound(type + " " + id)))
                .orElseThrow(() -> ProblemException.notFound(type + " " + id)));
    }

    /** A kind's setting for whoever has not chosen: in the app, and mailed as {@link NotificationTriggers#defaultEmail}. */
    public static Notifications.Preference defaultPreference(String kind) {
        return new Notifications.Preference(kind, true, NotificationTriggers.defaultEmail(kind));
    }

    /** Every kind with the caller's settings, or its default. */
    @WithSession
    public Uni<List<Notifications.Preference>> preferences(Caller caller) {
        return notifications.preferences(caller.subject()).map(set -> NotificationTriggers.KINDS.stream()
                .map(kind -> set.getOrDefault(kind, defaultPreference(kind))).toList());
    }

    @WithTransaction
    public Uni<Notifications.Preference> prefer(Caller caller, Notifications.Preference preference) {
        if (!NotificationTriggers.KINDS.contains(preference.kind())) {
            throw ProblemException.notFound("notification kind " + preference.kind());
        }
        return notifications.prefer(caller.subject(), preference).replaceWith(preference);
    }

    /** When the caller's digests go out: as chosen, else 08:00 in Israel, the weekly one on Sunday. */
    @WithSession
    public Uni<Notifications.MailSetting> mailSetting(Caller caller) {
        DigestSchedule d = DigestSchedule.DEFAULT;
        return notifications.mailSetting(caller.subject()).map(found -> found.orElse(
                new Notifications.MailSetting(d.zone().getId(), d.hour(), d.weeklyDay().name())));
    }

    @WithTransaction
    public Uni<Notifications.MailSetting> setMailSetting(Caller caller, Notifications.MailSetting setting) {
        try {
            java.time.ZoneId.of(setting.timeZone());
        } catch (java.time.DateTimeException e) {
            throw ProblemException.invalid("timeZone", "must be an IANA time zone such as Asia/Jerusalem");
        }
        return notifications.setMailSetting(caller.subject(), setting).replaceWith(setting);
    }

    /**
     * What an unsubscribe link asks: no more mail of that kind (in the app stays as it was), or no more
     * digests of that frequency (every kind mailed in them is mailed no more).
     */
    @WithTransaction
    public Uni<List<String>> unsubscribe(String recipient, String scope) {
        return notifications.preferences(recipient).chain(chosen -> {
            List<Notifications.Preference> changed = new ArrayList<>();
            for (String kind : NotificationTriggers.KINDS) {
                Notifications.Preference now = chosen.getOrDefault(kind, defaultPreference(kind));
                boolean hit = scope.equals(kind) || (!NotificationTriggers.KINDS.contains(scope) && now.email().equals(scope));
                if (hit && !now.email().equals("NONE")) {
                    changed.add(new Notifications.Preference(kind, now.inApp(), "NONE"));
                }
            }
            Uni<Void> writes = Uni.createFrom().voidItem();
            for (Notifications.Preference p : changed) {
                writes = writes.chain(() -> notifications.prefer(recipient, p));
            }
            return writes.replaceWith(changed.stream().map(Notifications.Preference::kind).toList());
        });
    }

}
