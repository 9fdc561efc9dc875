package io.github.docstack.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KubernetesNamesTest {

    @Test
    void docstacksNamesStayAsTheyAre() {
        assertEquals("glance-api", KubernetesNames.of("glance-api"));
        assertEquals("init-keystone-keys-and-db-sync", KubernetesNames.of("init-keystone-keys-and-db-sync"));
        assertEquals("cloud-mariadb-data", KubernetesNames.of("cloud_mariadb-data"), "a volume: stack_volume");
    }

    @Test
    void aNameKubernetesRefusesGetsAHashSoTwoNeverBecomeOne() {
        String underscores = KubernetesNames.of("cloud_my_data");
        String hyphen = KubernetesNames.of("cloud_my-data");
        assertNotEquals(underscores, hyphen);
        assertTrue(underscores.matches("cloud-my-data-[0-9a-f]{8}"), underscores);
        assertTrue(KubernetesNames.of("9p").matches("p-[0-9a-f]{8}"), "a Service's name starts with a letter");
        String longName = KubernetesNames.of("provision-" + "a".repeat(80));
        assertTrue(longName.length() <= 63 && longName.startsWith("provision-aaa"), longName);
    }
}
