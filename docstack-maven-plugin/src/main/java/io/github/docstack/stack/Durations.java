package io.github.docstack.stack;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations as manifests write them: {@code 500ms}, {@code 2s}, {@code 1m30s}, or whole seconds. */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private Durations() {}

    static Duration parse(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (text.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        Matcher part = PART.matcher(text);
        double nanos = 0;
        while (part.find()) {
            double amount = Double.parseDouble(part.group(1));
            nanos += amount
                    * switch (part.group(2)) {
                        case "ns" -> 1;
                        case "us", "µs" -> 1_000;
                        case "ms" -> 1_000_000;
                        case "s" -> 1_000_000_000L;
                        case "m" -> 60_000_000_000L;
                        default -> 3_600_000_000_000L;
                    };
        }
        return Duration.ofNanos((long) nanos);
    }
}
