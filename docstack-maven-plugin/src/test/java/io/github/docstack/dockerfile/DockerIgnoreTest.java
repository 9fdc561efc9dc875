package io.github.docstack.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's .dockerignore semantics (moby patternmatcher), case by case. */
class DockerIgnoreTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "*.pyc              | a.pyc             | true",
                "*.pyc              | dir/a.pyc         | false", // '*' does not cross '/'
                "**/*.pyc           | dir/sub/a.pyc     | true",
                "**/*.pyc           | a.pyc             | true", // '**/' may match nothing
                "docs               | docs/index.md     | true", // a matched parent excludes its children
                "/docs              | docs/index.md     | true", // a leading '/' is the context root
                "./docs/            | docs/a            | true", // cleaned like Go's filepath.Clean
                "doc?               | docs              | true",
                "doc?               | doc/s             | false",
                "[a-c].txt          | b.txt             | true",
                "[!a-c].txt         | d.txt             | true",
                "[!a-c].txt         | a.txt             | false",
                "dir/**             | dir/a/b/c         | true",
                "dir/**             | dir               | false",
                "**                 | anything/at/all   | true",
                "a\\*b              | a*b               | true", // escaped '*' is literal
                "a\\*b              | axb               | false",
                "file.(txt)         | file.(txt)        | true", // regex characters are literal
            })
    void matchesLikeDocker(String pattern, String path, boolean excluded) {
        assertEquals(excluded, DockerIgnore.parse(pattern).excludes(path));
    }

    /** What a walk may skip whole: only a directory that no {@code !} pattern can reach into. */
    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                ".git                    | .git      | true",
                "*;!lib/                 | .docstack | true", // the demo stack's: lib/ lies elsewhere
                "*;!lib/                 | lib       | false", // not excluded at all
                "tools;!tools/keep.sh    | tools     | false", // a '!' pattern reaches in
                "tools;!**/keep.sh       | tools     | false", // so may one that starts with a wildcard
                "tools;!tool*/keep.sh    | tools     | false",
                "tools;!tests/*.py       | tools     | true", // this one cannot
                "build                   | src       | false",
            })
    void excludesEverythingBelowOnlyWhenNoPatternIncludesAgainInside(
            String patterns, String directory, boolean skipped) {
        assertEquals(skipped, DockerIgnore.parse(patterns.replace(';', '\n')).excludesEverythingBelow(directory));
    }

    @Test
    void lastMatchingPatternWinsAndExceptionsReinclude() {
        DockerIgnore ignore = DockerIgnore.parse("""
                # build output
                target
                *.md
                !README.md
                docs/README.md
                """);
        assertTrue(ignore.excludes("target/classes/a.class"));
        assertTrue(ignore.excludes("CHANGES.md"));
        assertFalse(ignore.excludes("README.md"));
        assertFalse(ignore.excludes("src/main/App.java"));
        assertFalse(ignore.excludes("# build output"), "comment lines are not patterns");
    }

    @Test
    void exceptionInsideAnExcludedDirectory() {
        DockerIgnore ignore = DockerIgnore.parse("docs\n!docs/keep.md\n");
        assertTrue(ignore.excludes("docs/other.md"));
        assertFalse(ignore.excludes("docs/keep.md"));
    }

    @Test
    void blankLinesCrlfAndBomAreTolerated() {
        DockerIgnore ignore = DockerIgnore.parse("\uFEFF*.log\r\n\r\n   \r\n  tmp  \r\n");
        assertTrue(ignore.excludes("a.log"));
        assertTrue(ignore.excludes("tmp/x"));
        assertFalse(ignore.excludes("a.txt"));
    }

    @Test
    void cleanFollowsGo() {
        assertEquals("a/c", DockerIgnore.clean("a/b/../c/"));
        assertEquals("..", DockerIgnore.clean("a/../.."));
        assertEquals("/b", DockerIgnore.clean("/../b"));
        assertEquals(".", DockerIgnore.clean(""));
        assertEquals("a/..b/c.d", DockerIgnore.clean("a/..b/c.d"), "a clean path stays as it is");
    }
}
