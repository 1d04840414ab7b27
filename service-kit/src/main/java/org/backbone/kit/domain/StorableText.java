package org.backbone.kit.domain;

/**
 * What PostgreSQL cannot store in a {@code text} column: the NUL character (it refuses the row) and
 * UTF-16 surrogates without their pair (it stores them as {@code ?}). Every string that arrives —
 * JSON field, map key, query or path parameter, CSV cell, event payload — is checked here once.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or null when it can (null text can). */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
            }
        }
        return null;
    }

    /** {@code text} with every character PostgreSQL cannot store replaced by U+FFFD, for echoing it in a message. */
    public static String sanitized(String text) {
        if (text == null || problem(text) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static boolean storable(CharSequence text) {
        return problem(text) == null;
    }
}
