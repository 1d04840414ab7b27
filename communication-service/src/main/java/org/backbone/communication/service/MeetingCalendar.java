package org.backbone.communication.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.backbone.communication.config.MailConfig;
import org.backbone.communication.persistence.Meetings.AgendaItem;
import org.backbone.communication.persistence.Meetings.Meeting;

/**
 * Meetings as iCalendar (RFC 5545, written by ical4j): one meeting's invitation, or a person's feed
 * of them. The UID stays the same for a meeting's life and SEQUENCE counts its changes, so calendars
 * update the event in place; a cancelled one is METHOD:CANCEL with STATUS:CANCELLED. Times are in the
 * meeting's own zone, with its VTIMEZONE. The link goes in only for those invited.
 */
@ApplicationScoped
public class MeetingCalendar {

    /** A meeting to write, with its agenda and whether the reader may see its link. */
    public record Entry(Meeting meeting, List<AgendaItem> agenda, boolean invited) {
    }

    private static final ProdId PRODUCT = new ProdId("-//Backbone//Meetings 1.0//EN");

    private final String publicUrl;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    MeetingCalendar(MailConfig config) {
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** One meeting's invitation: PUBLISH, or CANCEL once it is cancelled. */
    public String invitation(Entry entry) {
        boolean cancelled = "CANCELLED".equals(entry.meeting().status());
        return write(List.of(entry), cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH, null);
    }

    /** A feed of meetings (cancelled ones included, marked so, for calendars to remove them). */
    public String feed(List<Entry> entries, String name) {
        return write(entries, ImmutableMethod.PUBLISH, name);
    }

    private String write(List<Entry> entries, net.fortuna.ical4j.model.property.Method method, String name) {
        Calendar calendar = new Calendar();
        calendar.add(PRODUCT);
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
        }
        Set<String> zonesUsed = new LinkedHashSet<>();
        for (Entry entry : entries) {
            calendar.add(event(entry));
            zonesUsed.add(entry.meeting().timeZone());
        }
        for (String zone : zonesUsed) {
            var tz = zones.getTimeZone(zone);
            if (tz != null) {
                calendar.add(tz.getVTimeZone());
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private VEvent event(Entry entry) {
        Meeting m = entry.meeting();
        ZoneId zone = ZoneId.of(m.timeZone());
        VEvent event = new VEvent(m.startsAt().atZoneSameInstant(zone), m.endsAt().atZoneSameInstant(zone), m.title());
        event.add(new Uid(m.id() + "@backbone"));
        event.add(new Sequence(m.sequence()));
        event.add(new LastModified(m.updatedAt().toInstant()));
        event.add(new Url(URI.create(publicUrl + "/v1/initiatives/" + m.initiativeId() + "/meetings/" + m.id())));
        String where = m.place() != null ? m.place() : entry.invited() ? m.link() : null;
        if (where != null) {
            event.add(new Location(where));
        }
        event.add(new Description(description(entry)));
        event.add("CANCELLED".equals(m.status()) ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private static String description(Entry entry) {
        Meeting m = entry.meeting();
        StringBuilder text = new StringBuilder(m.description());
        if (entry.invited() && m.link() != null) {
            text.append(text.length() > 0 ? "\n\n" : "").append("Join: ").append(m.link());
        }
        if (!entry.agenda().isEmpty()) {
            text.append(text.length() > 0 ? "\n\n" : "").append("Agenda:");
            for (AgendaItem item : entry.agenda()) {
                text.append("\n").append(item.position()).append(". ").append(item.title())
                        .append(" (").append(item.minutes()).append(" min)");
            }
        }
        if ("CANCELLED".equals(m.status()) && m.cancelReason() != null) {
            text.append(text.length() > 0 ? "\n\n" : "").append("Cancelled: ").append(m.cancelReason());
        }
        return text.toString();
    }
}
