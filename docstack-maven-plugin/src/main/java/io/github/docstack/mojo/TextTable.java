package io.github.docstack.mojo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A table for the Maven log: columns as wide as their widest cell, so long addresses do not shift the rest. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... headings) {
        rows.add(headings);
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** Hands each line, indented by two spaces, to {@code out}. */
    void print(Consumer<String> out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] =
                        Math.max(widths[column], String.valueOf(row[column]).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int column = 0; column < row.length; column++) {
                String cell = String.valueOf(row[column]);
                line.append(' ')
                        .append(
                                column == row.length - 1
                                        ? cell
                                        : cell + " ".repeat(widths[column] - cell.length() + 1));
            }
            out.accept(line.toString().stripTrailing());
        }
    }
}
