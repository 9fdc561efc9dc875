package io.github.docstack.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackageVersionsTest {

    @Test
    void dpkgQueryOutputBecomesOneLinePerPackageWithOneSpace() {
        assertEquals(
                "keystone 2:30.0.0-3\npython3-keystone 2:30.0.0-3",
                PackageVersions.normalise(List.of("keystone\t2:30.0.0-3", "", "  python3-keystone   2:30.0.0-3  ")));
    }
}
