package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What apt printed when it could not install (sid's apt 3 and bookworm's apt 2.6, as captured), read back. */
class AptProblemsTest {

    @Test
    void aPackageTheArchiveLacksIsNamed() {
        assertEquals(
                List.of("the archive has no package python3-oslo.nope"),
                AptProblems.in(
                        List.of(
                                "Reading package lists...",
                                "Building dependency tree...",
                                "E: Unable to locate package python3-oslo.nope",
                                "The command '/bin/sh -c apt-get install -y python3-oslo.nope' returned a non-zero code: 100")));
    }

    @Test
    void aPackageWithoutAnInstallableVersionAndAMissingVersionAreNamed() {
        assertEquals(
                List.of(
                        "the archive has no installable version of python3-nova",
                        "the archive has no version 2:99 of keystone"),
                AptProblems.in(List.of(
                        "E: Package 'python3-nova' has no installation candidate",
                        "Error: Version '2:99' for 'keystone' was not found")));
    }

    @Test
    void everyUnmetDependencyIsNamedWithThePackageThatHasIt() {
        List<String> sid = List.of(
                "Some packages could not be installed. This may mean that you have",
                "The following packages have unmet dependencies:",
                " docstack-broken : Depends: python3-oslo.db (>= 99) but it is not going to be installed",
                "                   Depends: docstack-missing but it is not installable",
                "E: Unable to satisfy dependencies. Reached two conflicting assignments:",
                "   1. docstack-broken:amd64=1 is selected for install",
                "   2. docstack-broken:amd64 Depends python3-oslo.db (>= 99)",
                "      but none of the choices are installable:",
                "      [no choices]");

        assertEquals(
                List.of(
                        "docstack-broken depends on python3-oslo.db (>= 99), but it is not going to be installed",
                        "docstack-broken depends on docstack-missing, but it is not installable"),
                AptProblems.in(sid));
    }

    @Test
    void aBreaksRelationReadsAsSuchAndABuildThatFailedOtherwiseHasNoProblem() {
        assertEquals(
                List.of("nova-common breaks python3-nova (<< 2:34), but 2:33.0.0-1 is to be installed"),
                AptProblems.in(
                        List.of(" nova-common : Breaks: python3-nova (<< 2:34) but 2:33.0.0-1 is to be installed")));
        assertEquals(
                List.of(),
                AptProblems.in(List.of(
                        "Step 4/9 : RUN make", "make: *** No rule to make target 'all'.  Stop.", " foo : bar")));
    }
}
