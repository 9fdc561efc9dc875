package io.github.docstack.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void aLongCellWidensItsColumnAndTheNextColumnsStayAligned() {
        List<String> lines = new ArrayList<>();
        new TextTable("SERVICE", "ADDRESS", "READY")
                .row("mariadb", "127.0.0.1:3306", "3.4s")
                .row("rabbitmq", "127.0.0.1:5672, 127.0.0.1:15672", "17.7s")
                .print(lines::add);

        assertEquals(
                List.of(
                        "  SERVICE   ADDRESS                          READY",
                        "  mariadb   127.0.0.1:3306                   3.4s",
                        "  rabbitmq  127.0.0.1:5672, 127.0.0.1:15672  17.7s"),
                lines);
    }
}
