package io.github.docstack.manifest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule is documented on the site with a bad and a good example. */
class RuleCatalogueTest {

    private static final Path CATALOGUE = Path.of("../src/site/markdown/rules.md");

    @ParameterizedTest
    @EnumSource(Rule.class)
    void ruleHasASectionWithBadAndGoodExamples(Rule rule) throws IOException {
        String page = Files.readString(CATALOGUE);
        int start = page.indexOf("\n## " + rule.id() + "\n");
        assertTrue(start >= 0, rule.id() + " has no section in " + CATALOGUE);
        int end = page.indexOf("\n## ", start + 1);
        String section = page.substring(start, end < 0 ? page.length() : end);
        assertTrue(
                section.contains("*" + rule.severity().name().toLowerCase(Locale.ROOT) + "*"),
                rule.id() + ": severity");
        assertTrue(section.contains("Bad:\n\n```") && section.contains("Good:\n\n```"), rule.id() + ": examples");
    }
}
