package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.domain.discussion.DiscussionRules;
import org.backbone.communication.domain.discussion.ThreadStatus;
import org.backbone.communication.persistence.Discussions;
import org.backbone.communication.persistence.Discussions.Comment;
import org.backbone.communication.persistence.Discussions.Readers;
import org.backbone.communication.persistence.Discussions.Subject;
import org.backbone.communication.persistence.Discussions.Thread;
import org.backbone.communication.persistence.PeopleDirectory;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.communication.CommentPosted;
import org.backbone.contracts.communication.MentionMade;
import org.backbone.contracts.communication.ObjectRef;
import org.backbone.contracts.communication.ThreadOpened;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Discussions on any object of an initiative. A thread's subject must be something the feed shows
 * the caller (else 404, as if it did not exist), and whoever cannot read the subject cannot read the
 * thread. Partner members and staff comment (observers read); authors edit their comments, each edit
 * kept as a version; authors and staff delete them (softly); staff lock and resolve threads. People
 * {@code @mentioned} who may read the thread are told; the others are not, and nobody learns why.
 */
@ApplicationScoped
public class DiscussionService {

    private final Discussions discussions;
    private final InitiativeAccess access;
    private final AgendaProjection projection;
    private final PeopleDirectory directory;
    private final Outbox outbox;

    DiscussionService(Discussions discussions, InitiativeAccess access, AgendaProjection projection,
            PeopleDirectory directory, Outbox outbox) {
        this.discussions = discussions;
        this.access = access;
        this.projection = projection;
        this.directory = directory;
        this.outbox = outbox;
    }

    /** A thread as one reader sees it, with its comments' first page when asked for. */
    public record Opened(Thread thread, Comment first) {
    }

    @WithTransaction
    public Uni<Opened> open(Caller caller, UUID initiative, Subject subject, String title, String body) {
        return access.readable(caller, initiative)
                .chain(() -> subjectReadable(caller, initiative, subject))
                .chain(() -> {
                    DiscussionRules.mayComment(ThreadStatus.OPEN, caller.isAdmin(), !caller.isAdmin() && !caller.isPartner())
                            .ifPresent(why -> {
                                throw ProblemException.forbidden(why);
                            });
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    Thread thread = new Thread(UUID.randomUUID(), initiative, subject, title, ThreadStatus.OPEN.name(),
                            caller.subject(), now, now, 0, 1);
                    Comment first = comment(caller, thread.id(), null, body, now);
                    return discussions.readersOf(initiative, subject).chain(readers -> discussions.insertThread(thread)
                            .chain(() -> discussions.insertComment(first))
                            .chain(() -> outbox.appendAll(List.of(
                                    new ThreadOpened(initiative, thread.id(), title, ref(subject), organisations(readers)),
                                    new CommentPosted(initiative, thread.id(), first.id(), null, ref(subject),
                                            organisations(readers)))))
                            .chain(() -> mention(initiative, thread, first, readers)))
                            .chain(() -> discussions.findThread(initiative, thread.id()))
                            .map(found -> new Opened(found.orElseThrow(), first));
                });
    }

    @WithSession
    public Uni<Thread> thread(Caller caller, UUID initiative, UUID id) {
        return visibleThread(caller, initiative, id);
    }

    @WithSession
    public Uni<Page<Thread>> threads(Caller caller, UUID initiative, Subject subject, int limit, String cursor) {
        List<String> keys = cursor == null ? null : Cursor.decode(cursor, 2);
        return access.readable(caller, initiative)
                .chain(() -> discussions.threads(initiative, reader(caller), subject,
                        keys == null ? null : Cursor.time(keys.get(0)), keys == null ? null : Cursor.uuid(keys.get(1)),
                        limit + 1))
                .map(rows -> Cursor.page(rows, limit, t -> Cursor.encode(t.lastCommentAt().toString(), t.id().toString())));
    }

    /** Staff lock a thread (only staff comment), resolve it, or open it again. */
    @WithTransaction
    public Uni<Thread> setStatus(Caller caller, UUID initiative, UUID id, String ifMatch, ThreadStatus status) {
        return access.administrable(caller, initiative, "lock, resolve or reopen discussions")
                .chain(() -> visibleThread(caller, initiative, id))
                .chain(thread -> {
                    if (ifMatch != null) {
                        ETags.requireMatch(ifMatch, thread.version());
                    }
                    return discussions.setStatus(id, status.name());
                })
                .chain(() -> discussions.findThread(initiative, id)).map(found -> found.orElseThrow());
    }

    @WithSession
    public Uni<Page<Comment>> comments(Caller caller, UUID initiative, UUID thread, int limit, String cursor) {
        List<String> keys = cursor == null ? null : Cursor.decode(cursor, 2);
        return visibleThread(caller, initiative, thread)
                .chain(t -> discussions.comments(thread, keys == null ? null : Cursor.time(keys.get(0)),
                        keys == null ? null : Cursor.uuid(keys.get(1)), limit + 1))
                .map(rows -> Cursor.page(rows, limit, c -> Cursor.encode(c.createdAt().toString(), c.id().toString())));
    }

    /** A comment, or a reply to one of the thread's comments. */
    @WithTransaction
    public Uni<Comment> post(Caller caller, UUID initiative, UUID threadId, UUID parent, String body) {
        return visibleThread(caller, initiative, threadId).chain(thread -> {
            DiscussionRules.mayComment(ThreadStatus.valueOf(thread.status()), caller.isAdmin(),
                    !caller.isAdmin() && !caller.isPartner()).ifPresent(why -> {
                        throw caller.isAdmin() || caller.isPartner() ? ProblemException.conflict(why) : ProblemException.forbidden(why);
                    });
            Uni<Void> parentExists = parent == null ? Uni.createFrom().voidItem()
                    : discussions.findComment(threadId, parent).invoke(found -> {
                        if (found.isEmpty()) {
                            throw ProblemException.invalid("parentId", "is no comment of this thread");
                        }
                    }).replaceWithVoid();
            Comment comment = comment(caller, threadId, parent, body, OffsetDateTime.now(ZoneOffset.UTC));
            return parentExists.chain(() -> discussions.readersOf(initiative, thread.subject()))
                    .chain(readers -> discussions.insertComment(comment)
                            .chain(() -> outbox.append(new CommentPosted(initiative, threadId, comment.id(), parent,
                                    ref(thread.subject()), organisations(readers))))
                            .chain(() -> mention(initiative, thread, comment, readers)))
                    .replaceWith(comment);
        });
    }

    /** The author changes a comment's text; what it said before is kept as a version. */
    @WithTransaction
    public Uni<Comment> edit(Caller caller, UUID initiative, UUID threadId, UUID id, String ifMatch, String body) {
        return visibleThread(caller, initiative, threadId).chain(thread -> found(threadId, id)).chain(current -> {
            if (!DiscussionRules.mayEdit(current.author(), caller.subject(), current.deletedAt() != null)) {
                throw current.deletedAt() != null ? ProblemException.conflict("comment " + id + " was deleted")
                        : ProblemException.forbidden("only its author edits a comment");
            }
            if (ifMatch != null) {
                ETags.requireMatch(ifMatch, current.version());
            }
            return discussions.edit(current, body, Markdown.toHtml(body)).chain(() -> found(threadId, id));
        });
    }

    /** What a comment said before each edit (its readers see them, as they saw the comment). */
    @WithSession
    public Uni<List<Discussions.Version>> versions(Caller caller, UUID initiative, UUID threadId, UUID id) {
        return visibleThread(caller, initiative, threadId).chain(thread -> found(threadId, id))
                .chain(comment -> discussions.versions(id));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID initiative, UUID threadId, UUID id) {
        return visibleThread(caller, initiative, threadId).chain(thread -> found(threadId, id)).chain(current -> {
            if (!DiscussionRules.mayDelete(current.author(), caller.subject(), caller.isAdmin())) {
                throw ProblemException.forbidden("only its author or backbone staff delete a comment");
            }
            return discussions.delete(id, caller.subject());
        });
    }

    /**
     * Tells the people a comment mentions who may read its thread: staff, and the members of the
     * organisations that may read the subject. Anyone else mentioned is not told.
     */
    private Uni<Void> mention(UUID initiative, Thread thread, Comment comment, Readers readers) {
        Set<String> names = DiscussionRules.mentions(comment.bodyMarkdown());
        if (names.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<List<UUID>> organisations = readers.everyone() ? projection.memberIds(initiative)
                : Uni.createFrom().item(readers.organisations());
        return organisations.chain(orgs -> directory.staff().chain(staff -> directory.membersOf(Set.copyOf(orgs))
                        .map(members -> {
                            Set<PeopleDirectory.Person> all = new HashSet<>(staff);
                            all.addAll(members);
                            return all;
                        })))
                .chain(people -> {
                    List<BackboneEvent> told = new ArrayList<>();
                    people.stream().filter(p -> p.username() != null && names.contains(p.username().toLowerCase()))
                            .filter(p -> !p.subject().equals(comment.author()))
                            .map(PeopleDirectory.Person::subject).distinct().sorted()
                            .forEach(subject -> told.add(new MentionMade(initiative, thread.id(), comment.id(), subject,
                                    organisations(readers), thread.title())));
                    return outbox.appendAll(told).replaceWithVoid();
                });
    }

    private Uni<Thread> visibleThread(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative)
                .chain(() -> discussions.findThread(initiative, id))
                .chain(found -> {
                    Thread thread = found.orElseThrow(() -> ProblemException.notFound("thread " + id));
                    return discussions.subjectVisible(initiative, thread.subject(), reader(caller)).map(visible -> {
                        if (!visible) {
                            throw ProblemException.notFound("thread " + id);
                        }
                        return thread;
                    });
                });
    }

    private Uni<Void> subjectReadable(Caller caller, UUID initiative, Subject subject) {
        return discussions.subjectVisible(initiative, subject, reader(caller)).invoke(visible -> {
            if (!visible) {
                throw ProblemException.notFound(subject.service() + " " + subject.type() + " " + subject.id()
                        + " in initiative " + initiative);
            }
        }).replaceWithVoid();
    }

    private Uni<Comment> found(UUID thread, UUID id) {
        return discussions.findComment(thread, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("comment " + id)));
    }

    private static Comment comment(Caller caller, UUID thread, UUID parent, String body, OffsetDateTime at) {
        return new Comment(UUID.randomUUID(), thread, parent, caller.subject(), caller.partnerId().orElse(null), body,
                Markdown.toHtml(body), at, null, null, null, 1);
    }

    private static Discussions.Reader reader(Caller caller) {
        return new Discussions.Reader(caller.isAdmin(), caller.isAdmin() || !caller.isPartner() ? null
                : caller.partnerId().orElse(null));
    }

    private static ObjectRef ref(Subject subject) {
        return new ObjectRef(subject.service(), subject.type(), subject.id());
    }

    /** For the events: null when every reader of the initiative may read the subject, else who may. */
    private static List<UUID> organisations(Readers readers) {
        return readers.everyone() ? null : readers.organisations();
    }
}
