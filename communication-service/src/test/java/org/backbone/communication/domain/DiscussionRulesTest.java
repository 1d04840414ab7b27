package org.backbone.communication.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.backbone.communication.domain.discussion.DiscussionRules;
import org.backbone.communication.domain.discussion.ThreadStatus;
import org.junit.jupiter.api.Test;

class DiscussionRulesTest {

    @Test
    void partnersCommentOnOpenThreadsStaffOnAnyObserversOnNone() {
        assertThat(DiscussionRules.mayComment(ThreadStatus.OPEN, false, false)).isEmpty();
        assertThat(DiscussionRules.mayComment(ThreadStatus.LOCKED, false, false)).contains(
                "the thread is locked: only backbone staff comment on it");
        assertThat(DiscussionRules.mayComment(ThreadStatus.RESOLVED, false, false)).isPresent();
        assertThat(DiscussionRules.mayComment(ThreadStatus.LOCKED, true, false)).isEmpty();
        assertThat(DiscussionRules.mayComment(ThreadStatus.OPEN, false, true)).isPresent();
    }

    @Test
    void authorsEditTheirOwnLiveCommentsAndAuthorsOrStaffDelete() {
        assertThat(DiscussionRules.mayEdit("u1", "u1", false)).isTrue();
        assertThat(DiscussionRules.mayEdit("u1", "u2", false)).isFalse();
        assertThat(DiscussionRules.mayEdit("u1", "u1", true)).isFalse();
        assertThat(DiscussionRules.mayDelete("u1", "u1", false)).isTrue();
        assertThat(DiscussionRules.mayDelete("u1", "u2", false)).isFalse();
        assertThat(DiscussionRules.mayDelete("u1", "u2", true)).isTrue();
    }

    @Test
    void mentionsAreNamesAfterAnAtNotAddressesNotCode() {
        assertThat(DiscussionRules.mentions("Thanks @member-a and @Member-B, ask @admin. Mail me@top15.example; "
                + "`@observer` and\n```\n@nobody\n```\n(@member.c)"))
                .containsExactly("member-a", "member-b", "admin", "member.c");
        assertThat(DiscussionRules.mentions("@a")).isEmpty();
        assertThat(DiscussionRules.mentions(null)).isEmpty();
    }

    @Test
    void aCommentMentionsTwentyPeopleAtMost() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            many.append("@person").append(i).append(' ');
        }
        assertThat(DiscussionRules.mentions(many.toString())).hasSize(DiscussionRules.MAX_MENTIONS);
    }
}
