package io.github.docstack.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short SHA-256 digests of text, in hex: for names that must stay apart and hashes that must change with it. */
public final class Sha256 {

    private Sha256() {}

    /** The first {@code bytes} bytes of the text's SHA-256 (UTF-8), as {@code 2 * bytes} hex digits. */
    public static String hex(String text, int bytes) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)),
                            0,
                            bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
