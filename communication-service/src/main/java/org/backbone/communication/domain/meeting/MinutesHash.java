package org.backbone.communication.domain.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The content hash shown with published minutes: SHA-256 over the meeting, the revision and the
 * Markdown exactly as published, so anyone holding a copy can tell whether it is the one approved.
 */
public final class MinutesHash {

    private MinutesHash() {
    }

    public static String of(UUID meeting, int revision, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((meeting + "\n" + revision + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
