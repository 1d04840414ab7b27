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
    void anEventOfNoInitiativeHasNoEntry() {
        assertThat(FeedItem.of(new OrganisationRegistered(null, organisation, "Atid", null, "IL", null))).isEmpty();
    }

    @Test
    void anEventTheFeedCannotDescribeIsAPermanentFailureNotARetry() {
        // a decision the schema would have refused: describing it fails the same way on every redelivery
        assertThatThrownBy(() -> FeedService.itemOf(new AgendaEndorsed(initiative, 2, organisation, null, null)))
                .isInstanceOf(PermanentEventFailure.class);
    }
}
