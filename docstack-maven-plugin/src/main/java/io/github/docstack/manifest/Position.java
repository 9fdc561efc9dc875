package io.github.docstack.manifest;

/** A place in a text file: line and column, both counted from 1. */
public record Position(int line, int column) implements Comparable<Position> {

    public static final Position START = new Position(1, 1);

    @Override
    public int compareTo(Position other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
