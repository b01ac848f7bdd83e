package dev.backman.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of text in aligned columns for people: each column as wide as its widest cell, two spaces between
 * columns, chosen columns (numbers) right-aligned, and no trailing blanks after the last column.
 */
final class TextTable {
    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = header.clone();
        this.rightAligned = new boolean[header.length];
    }

    /** Right-aligns these columns (0-based), header included. */
    TextTable rightAligned(int... columns) {
        for (int column : columns) {
            rightAligned[column] = true;
        }
        return this;
    }

    /** Adds a row; it must have a cell for every column. */
    void add(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + Arrays.toString(cells));
        }
        rows.add(cells.clone());
    }

    void print(PrintWriter out) {
        int[] widths = new int[header.length];
        List<String[]> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                boolean last = i == row.length - 1;
                line.append(rightAligned[i] ? pad + row[i] : row[i] + (last ? "" : pad));
                if (!last) {
                    line.append("  ");
                }
            }
            out.println(line);
        }
        out.flush();
    }
}
