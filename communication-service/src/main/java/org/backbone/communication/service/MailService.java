package org.backbone.communication.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.backbone.communication.config.MailConfig;
import org.backbone.communication.domain.mail.DigestSchedule;
import org.backbone.communication.domain.webhook.RetrySchedule;
import org.backbone.communication.persistence.MailQueue;
import org.backbone.communication.persistence.Notifications.Notification;
import org.backbone.communication.persistence.PeopleDirectory;
import org.backbone.communication.persistence.PeopleDirectory.Person;
import org.jboss.logging.Logger;

/**
 * Mails notifications, every {@code backbone.mail.every}: first turns what is due into mails (each
 * IMMEDIATE notification one; a person's DAILY or WEEKLY ones a digest once their digest time has come),
 * then sends what the queue holds. The address and language are looked up when a mail is sent, so a
 * changed address is used. A refusal that may pass is retried on the webhooks' schedule; a permanent one
 * (5xx) fails the mail; nobody to send to skips it. One mail never holds up the others.
 */
@ApplicationScoped
public class MailService {

    private static final Logger LOG = Logger.getLogger(MailService.class);
    private static final int PLAN_BATCH = 500;

    private final MailConfig config;
    private final MailQueue queue;
    private final PeopleDirectory directory;
    private final MailComposer composer;
    private final UnsubscribeLinks links;
    private final Mailer mailer;
    private final Clock clock;

    MailService(MailConfig config, MailQueue queue, PeopleDirectory directory, MailComposer composer, UnsubscribeLinks links,
            Mailer mailer, Clock clock) {
        this.config = config;
        this.queue = queue;
        this.directory = directory;
        this.composer = composer;
        this.links = links;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(identity = "mail", every = "${backbone.mail.every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.enabled()) {
            return;
        }
        try {
            plan();
            send();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("mail run failed, the next run tries again: %s", e.toString());
        }
    }

    @Scheduled(identity = "mail-purge", every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            queue.purge(config.retention());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("purging old mail failed, the next run tries again: %s", e.toString());
        }
    }

    /** Turns due notifications into mails. */
    void plan() throws SQLException {
        while (queue.planImmediate(PLAN_BATCH) == PLAN_BATCH) {
            // more are waiting: keep going
        }
        List<MailQueue.Waiting> waiting = queue.waiting();
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, DigestSchedule> chosen = queue.schedules(waiting.stream().map(MailQueue.Waiting::recipient).distinct().toList());
        for (MailQueue.Waiting w : waiting) {
            DigestSchedule schedule = chosen.computeIfAbsent(w.recipient(), this::scheduleFromDirectory);
            if (schedule.due(w.oldest(), w.frequency(), clock.instant())) {
                queue.planDigest(w.recipient(), w.frequency());
            }
        }
    }

    /** Someone who chose no schedule: the default hour in the time zone of their account, else the default zone. */
    private DigestSchedule scheduleFromDirectory(String recipient) {
        DigestSchedule fallback = DigestSchedule.DEFAULT;
        try {
            return directory.person(recipient).map(Person::zone).filter(Objects::nonNull)
                    .map(zone -> new DigestSchedule(ZoneId.of(zone), fallback.hour(), fallback.weeklyDay())).orElse(fallback);
        } catch (DateTimeException | IllegalStateException e) {
            return fallback; // an unknown zone, or the directory unreachable for now
        }
    }

    /** Sends due mails. */
    void send() throws SQLException {
        for (MailQueue.Claimed mail : queue.claim(config.batch(), config.lease())) {
            sendOne(mail);
        }
    }

    private void sendOne(MailQueue.Claimed mail) throws SQLException {
        Optional<Person> person;
        try {
            person = directory.person(mail.recipient());
        } catch (IllegalStateException e) {
            retry(mail, null, "the directory cannot be read: " + e.getMessage());
            return;
        }
        if (person.isEmpty() || person.get().email() == null || person.get().email().isBlank()) {
            queue.skipped(mail.id(), person.isEmpty() ? "no such person (or the account is disabled)" : "the person has no email address");
            return;
        }
        String address = person.get().email();
        List<Notification> contents = queue.contents(mail.id());
        if (contents.isEmpty()) {
            queue.skipped(mail.id(), "nothing in it");
            return;
        }
        Locale locale = MailComposer.language(person.get().locale());
        Set<UUID> initiatives = new HashSet<>();
        contents.stream().map(Notification::initiative).filter(Objects::nonNull).forEach(initiatives::add);
        Map<UUID, String> titles = queue.initiativeTitles(initiatives);
        String unsubscribe = links.url(mail.recipient(), mail.scope());
        MailComposer.Composed composed;
        try {
            composed = isDigest(mail.scope())
                    ? composer.digest(mail.scope(), contents, titles, locale, zone(mail.recipient(), person.get()), unsubscribe)
                    : composer.notice(contents.get(0), contents.get(0).initiative() == null ? null
                            : titles.get(contents.get(0).initiative()), locale, unsubscribe);
        } catch (RuntimeException e) {
            // writing it is plain code over stored rows: it would fail on every try, so it is given up, alone
            queue.failed(mail.id(), address, "cannot be written: " + e);
            return;
        }
        try {
            mailer.send(Mail.withHtml(address, composed.subject(), composed.html()).setText(composed.text())
                    // RFC 8058: mail clients offer one-click unsubscribe, by POST to the link
                    .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                    .addHeader("Auto-Submitted", "auto-generated"));
            queue.sent(mail.id(), address);
        } catch (RuntimeException e) {
            SMTPException smtp = smtpCause(e);
            if (smtp != null && smtp.isPermanent()) {
                queue.failed(mail.id(), address, "refused: " + smtp.getReplyCode() + " " + smtp.getReplyMessage());
            } else {
                retry(mail, address, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
    }

    private void retry(MailQueue.Claimed mail, String address, String error) throws SQLException {
        Optional<Duration> wait = RetrySchedule.after(mail.attempts(), Optional.empty(), ThreadLocalRandom.current());
        if (wait.isEmpty()) {
            queue.failed(mail.id(), address, error);
        } else {
            queue.retry(mail.id(), address, error, wait.get());
        }
    }

    private static boolean isDigest(String scope) {
        return scope.equals(DigestSchedule.Frequency.DAILY.name()) || scope.equals(DigestSchedule.Frequency.WEEKLY.name());
    }

    /** The zone a digest's times are shown in: the one its schedule uses. */
    private ZoneId zone(String recipient, Person person) throws SQLException {
        DigestSchedule chosen = queue.schedules(List.of(recipient)).get(recipient);
        if (chosen != null) {
            return chosen.zone();
        }
        try {
            return person.zone() == null ? DigestSchedule.DEFAULT.zone() : ZoneId.of(person.zone());
        } catch (DateTimeException e) {
            return DigestSchedule.DEFAULT.zone();
        }
    }

    private static SMTPException smtpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }
}
