package org.backbone.communication.domain.discussion;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may do what in a discussion, as small named rules. Reading follows the subject (whoever cannot
 * read it cannot read the thread); these decide the rest, for a reader who may read it.
 */
public final class DiscussionRules {

    /** {@code @name} of a person: letters, digits, dot, dash, underscore, as Keycloak's usernames; not inside a word or an address. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([A-Za-z0-9][A-Za-z0-9._-]{1,62}[A-Za-z0-9])");
    /** More mentions than this in one comment notify nobody beyond them (a comment is not a mailing list). */
    public static final int MAX_MENTIONS = 20;

    private DiscussionRules() {
    }

    /** Why the caller may not comment (a conflict with the thread's state), or empty when they may. */
    public static Optional<String> mayComment(ThreadStatus status, boolean staff, boolean observer) {
        if (observer && !staff) {
            return Optional.of("observers read discussions; they do not take part");
        }
        if (status != ThreadStatus.OPEN && !staff) {
            return Optional.of("the thread is " + status.name().toLowerCase() + ": only backbone staff comment on it");
        }
        return Optional.empty();
    }

    /** Whether the caller may edit a comment: its author, while it is not deleted. */
    public static boolean mayEdit(String author, String caller, boolean deleted) {
        return !deleted && author.equals(caller);
    }

    /** Whether the caller may delete a comment: its author or staff. */
    public static boolean mayDelete(String author, String caller, boolean staff) {
        return staff || author.equals(caller);
    }

    /** The usernames a comment mentions, in order of first mention, at most {@link #MAX_MENTIONS}; not in code. */
    public static Set<String> mentions(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        if (markdown == null) {
            return names;
        }
        // code spans and fenced blocks quote text: an @ there is not a mention
        String prose = markdown.replaceAll("(?s)```.*?```", " ").replaceAll("`[^`]*`", " ");
        Matcher m = MENTION.matcher(prose);
        while (m.find() && names.size() < MAX_MENTIONS) {
            names.add(m.group(1).toLowerCase());
        }
        return names;
    }
}
