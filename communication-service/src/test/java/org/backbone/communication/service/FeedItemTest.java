package org.backbone.communication.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.backbone.communication.domain.FeedItem;
import org.backbone.communication.domain.FeedSummaries;
import org.backbone.contracts.agenda.AgendaEndorsed;
import org.backbone.contracts.agenda.OrganisationRegistered;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.contracts.measurement.SubmissionChannel;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.kit.events.PermanentEventFailure;
import org.junit.jupiter.api.Test;

/** What the feed makes of single events, as plain code. */
class FeedItemTest {

    private final UUID initiative = UUID.randomUUID();
    private final UUID organisation = UUID.randomUUID();

    @Test
    void aPartnersSubmissionIsForThatPartnerAloneAndAPartnerLeavingIsAboutThePartner() {
        FeedItem values = FeedItem.of(new ValuesRecorded(initiative, UUID.randomUUID(), organisation,
                SubmissionChannel.REST, 3, 1, List.of())).orElseThrow();
        assertThat(values.verb()).isEqualTo("measurement.values.recorded");
        assertThat(values.organisations()).containsExactly(organisation);
        assertThat(FeedSummaries.render(values.verb(), null, values.params(), Locale.ENGLISH))
                .isEqualTo("A partner submitted values: 3 accepted, 1 refused");

        FeedItem left = FeedItem.of(new PartnerLeft(initiative, organisation, Instant.now())).orElseThrow();
        assertThat(left.objectType()).isEqualTo("partner");
        assertThat(left.objectId()).isEqualTo(organisation.toString());
        assertThat(left.organisations()).as("everyone in the initiative").isEmpty();
    }

    @Test
    void everyEventTypeHasASummaryInEveryLanguage() {
        for (var descriptor : org.backbone.contracts.EventCatalog.all()) {
            String type = descriptor.type();
            String verb = type.substring("org.backbone.".length(), type.lastIndexOf(".v"));
            for (Locale language : FeedSummaries.LANGUAGES) {
                java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("feed.messages", language,
                        java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
                assertThat(bundle.containsKey(verb)).as("%s in %s", verb, language).isTrue();
            }
        }
    }

    @Test
    void aPartnersAnnouncementIsForStaffAndThePartnersItWasForNeverForObservers() {
        UUID other = UUID.randomUUID();
        FeedItem narrowed = FeedItem.of(new org.backbone.contracts.communication.AnnouncementPublished(initiative,
                UUID.randomUUID(), "Core partners", org.backbone.contracts.communication.Audience.PARTNERS, null, false,
                List.of(organisation))).orElseThrow();
        assertThat(narrowed.organisations()).contains(organisation).doesNotContain(other)
                .contains(org.backbone.contracts.BackboneEvent.NO_INITIATIVE);
        // written before the list existed: staff alone, not every reader
        FeedItem older = FeedItem.of(new org.backbone.contracts.communication.AnnouncementPublished(initiative,
                UUID.randomUUID(), "Partners", org.backbone.contracts.communication.Audience.PARTNERS, null, false)).orElseThrow();
        assertThat(older.organisations()).containsExactly(org.backbone.contracts.BackboneEvent.NO_INITIATIVE);
    }

    @Test
    void anAnnouncementForStaffIsForStaffAlone() {
        var ref = new org.backbone.contracts.communication.ObjectRef("agenda", "goal", "g1");
        FeedItem staff = FeedItem.of(new org.backbone.contracts.communication.AnnouncementPublished(initiative, UUID.randomUUID(),
                "Budget round", org.backbone.contracts.communication.Audience.STAFF, null, false)).orElseThrow();
        FeedItem all = FeedItem.of(new org.backbone.contracts.communication.AnnouncementPublished(initiative, UUID.randomUUID(),
                "Welcome", org.backbone.contracts.communication.Audience.EVERYONE, null, true)).orElseThrow();
        assertThat(staff.organisations()).isNotEmpty().doesNotContain(organisation);
        assertThat(all.organisations()).isEmpty();
        assertThat(FeedItem.of(new org.backbone.contracts.communication.ThreadOpened(initiative, UUID.randomUUID(), "Data", ref))
                .orElseThrow().title()).isEqualTo("Data");
    }

    @Test
    void anEventOfNoInitiativeHasNoEntry() {
        assertThat(FeedItem.of(new OrganisationRegistered(null, organisation, "Atid", null, "IL", null))).isEmpty();
        assertThat(FeedItem.of(new OrganisationRegistered(org.backbone.contracts.BackboneEvent.NO_INITIATIVE, organisation,
                "Atid", null, "IL", null))).isEmpty();
    }

    @Test
    void anEventTheFeedCannotDescribeIsAPermanentFailureNotARetry() {
        // a decision the schema would have refused: describing it fails the same way on every redelivery
        assertThatThrownBy(() -> FeedService.itemOf(new AgendaEndorsed(initiative, 2, organisation, null, null)))
                .isInstanceOf(PermanentEventFailure.class);
    }
}
