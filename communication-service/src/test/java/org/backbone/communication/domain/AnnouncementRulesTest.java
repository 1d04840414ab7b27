package org.backbone.communication.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.backbone.communication.domain.announcement.AnnouncementAudience;
import org.backbone.communication.domain.announcement.AnnouncementAudience.Reader;
import org.backbone.communication.domain.announcement.AnnouncementTimes;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.communication.Audience;
import org.backbone.kit.domain.FieldProblem;
import org.junit.jupiter.api.Test;

class AnnouncementRulesTest {

    private static final Reader STAFF = new Reader.Staff();
    private static final Reader OBSERVER = new Reader.Observer();
    private static final Reader CORE_BUSINESS = new Reader.Partner(PartnerRole.CORE, Sector.BUSINESS);
    private static final Reader FOUNDING_NONPROFIT = new Reader.Partner(PartnerRole.FOUNDING, Sector.NONPROFIT);
    private static final Reader UNKNOWN_PARTNER = new Reader.Partner(null, null);

    @Test
    void everyoneMeansStaffObserversAndEveryPartner() {
        AnnouncementAudience everyone = new AnnouncementAudience(Audience.EVERYONE, Set.of(), Set.of());
        assertThat(everyone.mayRead(STAFF, true)).isTrue();
        assertThat(everyone.mayRead(OBSERVER, true)).isTrue();
        assertThat(everyone.mayRead(CORE_BUSINESS, true)).isTrue();
        assertThat(everyone.mayRead(UNKNOWN_PARTNER, true)).isTrue();
    }

    @Test
    void partnersLeaveObserversOutAndRolesAndSectorsNarrowThemBoth() {
        AnnouncementAudience partners = new AnnouncementAudience(Audience.PARTNERS, null, null);
        assertThat(partners.mayRead(OBSERVER, true)).isFalse();
        assertThat(partners.mayRead(FOUNDING_NONPROFIT, true)).isTrue();
        AnnouncementAudience coreBusinesses = new AnnouncementAudience(Audience.PARTNERS, Set.of(PartnerRole.CORE),
                Set.of(Sector.BUSINESS, Sector.PHILANTHROPY));
        assertThat(coreBusinesses.mayRead(CORE_BUSINESS, true)).isTrue();
        assertThat(coreBusinesses.mayRead(FOUNDING_NONPROFIT, true)).isFalse();
        assertThat(coreBusinesses.mayRead(new Reader.Partner(PartnerRole.CORE, Sector.NONPROFIT), true)).isFalse();
        assertThat(coreBusinesses.mayRead(UNKNOWN_PARTNER, true)).isFalse();
        assertThat(coreBusinesses.mayRead(STAFF, true)).isTrue();
    }

    @Test
    void staffAloneReadStaffAnnouncementsAndWhatIsNotPublishedYet() {
        AnnouncementAudience staff = new AnnouncementAudience(Audience.STAFF, Set.of(), Set.of());
        assertThat(staff.mayRead(STAFF, true)).isTrue();
        assertThat(staff.mayRead(CORE_BUSINESS, true)).isFalse();
        assertThat(staff.mayRead(OBSERVER, true)).isFalse();
        AnnouncementAudience everyone = new AnnouncementAudience(Audience.EVERYONE, Set.of(), Set.of());
        assertThat(everyone.mayRead(STAFF, false)).isTrue();
        assertThat(everyone.mayRead(CORE_BUSINESS, false)).isFalse();
        assertThat(everyone.mayRead(OBSERVER, false)).isFalse();
    }

    @Test
    void rolesAndSectorsNarrowPartnersOnly() {
        assertThat(new AnnouncementAudience(Audience.EVERYONE, Set.of(PartnerRole.CORE), Set.of(Sector.BUSINESS)).problems())
                .extracting(FieldProblem::field).containsExactly("partnerRoles", "partnerSectors");
        assertThat(new AnnouncementAudience(Audience.PARTNERS, Set.of(PartnerRole.CORE), Set.of(Sector.BUSINESS)).problems())
                .isEmpty();
    }

    @Test
    void aPastOrMissingPublishTimeIsNowAndThePinMustComeAfterIt() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(AnnouncementTimes.publishAt(null, now)).isEqualTo(now);
        assertThat(AnnouncementTimes.publishAt(now.minusSeconds(60), now)).isEqualTo(now);
        assertThat(AnnouncementTimes.publishAt(now.plusSeconds(60), now)).isEqualTo(now.plusSeconds(60));
        assertThat(AnnouncementTimes.problems(now, now)).extracting(FieldProblem::field).containsExactly("pinnedUntil");
        assertThat(AnnouncementTimes.problems(now, now.plusSeconds(1))).isEmpty();
        assertThat(AnnouncementTimes.problems(now, null)).isEmpty();
        assertThat(AnnouncementTimes.pinned(now.plusSeconds(1), now)).isTrue();
        assertThat(AnnouncementTimes.pinned(now, now)).isFalse();
    }
}
