package org.backbone.communication.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.persistence.Announcements;
import org.backbone.communication.service.AnnouncementService;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.communication.Audience;
import org.backbone.kit.paging.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the announcements API. */
public final class AnnouncementDtos {

    private AnnouncementDtos() {
    }

    @Schema(description = "An announcement as staff write it")
    public record AnnouncementRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = 20_000) @Schema(description = "CommonMark. HTML written into it is shown as text, never "
                    + "run; images are left out; the answer carries the sanitised HTML rendered from it") String body,
            @NotNull @Schema(description = "EVERYONE: every reader of the initiative (staff, observers, partners); PARTNERS: "
                    + "its partners (narrowed by partnerRoles / partnerSectors); STAFF: backbone staff alone") Audience audience,
            @Size(max = 3) @Schema(description = "PARTNERS only: partners of these roles; none: any role") Set<PartnerRole> partnerRoles,
            @Size(max = 6) @Schema(description = "PARTNERS only: partners of these sectors; none: any sector") Set<Sector> partnerSectors,
            @Schema(description = "When it is published; none or past: now. Until then only staff see it") Instant publishAt,
            @Schema(description = "Listed on top until then; must be after publishAt") Instant pinnedUntil,
            @Schema(description = "Readers are asked to confirm they have read it") Boolean acknowledgementRequested) {

        AnnouncementService.Draft draft() {
            return new AnnouncementService.Draft(title, body, audience, partnerRoles, partnerSectors, publishAt, pinnedUntil,
                    acknowledgementRequested != null && acknowledgementRequested);
        }
    }

    public record Announcement(UUID id, UUID initiativeId, String title,
            @Schema(description = "As written (CommonMark)") String body,
            @Schema(description = "Rendered from body and sanitised: safe to show as HTML") String bodyHtml,
            Audience audience, List<String> partnerRoles, List<String> partnerSectors, OffsetDateTime publishAt,
            @Schema(description = "False while it waits for publishAt (staff alone see it then)") boolean published,
            OffsetDateTime pinnedUntil, boolean acknowledgementRequested,
            @Schema(description = "Whether the caller has acknowledged it") boolean acknowledgedByMe,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

        static Announcement of(Announcements.Announcement a, boolean acknowledgedByMe) {
            return new Announcement(a.id(), a.initiativeId(), a.title(), a.bodyMarkdown(), a.bodyHtml(),
                    Audience.valueOf(a.audience()), a.partnerRoles(), a.partnerSectors(), a.publishAt(), a.published(),
                    a.pinnedUntil(), a.ackRequested(), acknowledgedByMe, a.createdBy(), a.createdAt(), a.updatedAt(),
                    a.version());
        }

        static Announcement of(AnnouncementService.Seen seen) {
            return of(seen.announcement(), seen.acknowledgedByMe());
        }
    }

    public record Acknowledgement(String userId,
            @Schema(description = "The reader's organisation; none for staff and observers") UUID organisationId,
            OffsetDateTime acknowledgedAt) {

        static Acknowledgement of(Announcements.Acknowledgement a) {
            return new Acknowledgement(a.userId(), a.organisationId(), a.at());
        }
    }

    @Schema(description = "Who acknowledged an announcement, oldest first, and how many did")
    public record Acknowledgements(long count, List<Acknowledgement> items, String next) {

        static Acknowledgements of(AnnouncementService.Acknowledgements a) {
            Page<Announcements.Acknowledgement> page = a.page();
            return new Acknowledgements(a.count(), page.items().stream().map(Acknowledgement::of).toList(), page.next());
        }
    }
}
