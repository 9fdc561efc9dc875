package io.github.docstack.manifest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a validation as a JUnit XML report, so Jenkins' JUnit publisher shows each problem as a failed test
 * case (infos as passing ones), and a clean directory as one passing case.
 */
public final class JUnitReport {

    private JUnitReport() {}

    /**
     * Writes the report as JUnit XML, which CI shows as test results.
     *
     * @param relativeTo paths in test names are shown relative to this directory
     */
    public static void write(ValidationReport report, Path file, Path relativeTo) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        long failures = report.problems().stream()
                .filter(problem -> problem.severity() != Severity.INFO)
                .count();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "docstack.validate");
            xml.writeAttribute(
                    "tests", String.valueOf(Math.max(1, report.problems().size())));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeCharacters("\n");
            if (report.problems().isEmpty()) {
                testCase(xml, shown(report.directory(), relativeTo), "valid");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            for (Problem problem : report.problems()) {
                testCase(
                        xml,
                        shown(problem.file(), relativeTo),
                        problem.position() + " " + problem.rule().id());
                if (problem.severity() == Severity.INFO) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(problem.message());
                } else {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", problem.severity().name().toLowerCase(Locale.ROOT));
                    xml.writeAttribute("message", problem.message());
                    xml.writeCharacters(problem.format(relativeTo));
                }
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void testCase(XMLStreamWriter xml, String className, String name) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className);
        xml.writeAttribute("name", name);
    }

    private static String shown(Path path, Path relativeTo) {
        return relativeTo != null && path.startsWith(relativeTo)
                ? relativeTo.relativize(path).toString()
                : path.toString();
    }
}
