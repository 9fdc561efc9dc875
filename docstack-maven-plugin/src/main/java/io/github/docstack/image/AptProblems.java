package io.github.docstack.image;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Debian packages a failed build could not install, read from what apt printed: a package the archive lacks,
 * one without an installable version, and each dependency apt could not satisfy. A suite that moves every day (sid,
 * which the newest OpenStack release is built from) lacks a package now and then; the build's failure then names it.
 */
final class AptProblems {

    private static final Pattern NOT_FOUND = Pattern.compile("^(?:E|Error): Unable to locate package (\\S+)");
    private static final Pattern NO_CANDIDATE =
            Pattern.compile("^(?:E|Error): Package '([^']+)' has no installation candidate");
    private static final Pattern NO_VERSION =
            Pattern.compile("^(?:E|Error): Version '([^']+)' for '([^']+)' was not found");
    /** " nova-common : Depends: python3-nova (= 2:34.0.0-1) but it is not going to be installed" */
    private static final Pattern UNMET = Pattern.compile("^ (\\S+) : (.*)$");
    /** The same package's next unmet dependency, on a line of its own under the first. */
    private static final Pattern UNMET_MORE = Pattern.compile("^\\s{3,}(\\S*Depends|Breaks|Conflicts): (.*)$");

    private static final Pattern RELATION = Pattern.compile("^(\\S*Depends|Breaks|Conflicts): (.+?) but (.+)$");

    private AptProblems() {}

    /** What apt could not install, one sentence a problem, in the order apt printed them; empty if apt said none. */
    static List<String> in(List<String> output) {
        Set<String> problems = new LinkedHashSet<>();
        String unmetPackage = null; // whose unmet dependencies the lines below list
        for (String line : output) {
            String error = line.strip();
            Matcher notFound = NOT_FOUND.matcher(error);
            Matcher noCandidate = NO_CANDIDATE.matcher(error);
            Matcher noVersion = NO_VERSION.matcher(error);
            Matcher unmet = UNMET.matcher(line);
            Matcher unmetMore = UNMET_MORE.matcher(line);
            if (notFound.find()) {
                problems.add("the archive has no package " + notFound.group(1));
            } else if (noCandidate.find()) {
                problems.add("the archive has no installable version of " + noCandidate.group(1));
            } else if (noVersion.find()) {
                problems.add("the archive has no version " + noVersion.group(1) + " of " + noVersion.group(2));
            } else if (unmet.find() && RELATION.matcher(unmet.group(2)).find()) {
                unmetPackage = unmet.group(1);
                problems.add(relation(unmetPackage, unmet.group(2)));
            } else if (unmetPackage != null && unmetMore.find()) {
                problems.add(relation(unmetPackage, unmetMore.group(1) + ": " + unmetMore.group(2)));
            } else {
                unmetPackage = null;
            }
        }
        return new ArrayList<>(problems);
    }

    /** "nova-common depends on python3-nova (= 2:34.0.0-1), but it is not going to be installed" */
    private static String relation(String pkg, String clause) {
        Matcher relation = RELATION.matcher(clause);
        if (!relation.find()) {
            return pkg + ": " + clause;
        }
        String verb = switch (relation.group(1)) {
            case "Breaks" -> " breaks ";
            case "Conflicts" -> " conflicts with ";
            default -> " depends on ";
        };
        return pkg + verb + relation.group(2) + ", but " + relation.group(3);
    }
}
