package dev.weft.samples.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A CSV file read into memory: its header and its rows, as {@code pandas.read_csv} returns a
 * {@code DataFrame} (without the arithmetic), printable as an aligned text table.
 *
 * <pre>{@code
 * CsvTable table = new CsvTable(List.of("age", "income"), List.of(List.of("60", "<=50K")));
 * System.out.print(table.render());
 * // age  income
 * //  60   <=50K
 * }</pre>
 *
 * <p>As pandas does, an empty header cell is named {@code Unnamed: i}.
 *
 * @param header the column names
 * @param rows the rows, each as long as the header
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    /**
     * Checks and copies the fields, naming empty header cells as pandas does.
     *
     * @throws IllegalArgumentException if a row's length differs from the header's
     */
    public CsvTable {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = Objects.requireNonNull(header.get(i), "header");
            named.add(name.isBlank() ? "Unnamed: " + i : name);
        }
        header = List.copyOf(named);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " cells under a header of "
                        + header.size() + ": " + row);
            }
        }
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** {@return the rows followed by the column count, as pandas prints under a table} */
    public String shape() {
        return rows.size() + " rows × " + header.size() + " columns";
    }

    /**
     * Renders the table: the header, then one line a row, every column right-aligned to its
     * widest cell, two spaces apart; then a blank line and the {@linkplain #shape() shape}.
     *
     * @return the text, ending with a line break
     */
    public String render() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.append('\n').append(shape()).append('\n').toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.append("  ");
            }
            out.append(" ".repeat(widths[c] - cells.get(c).length())).append(cells.get(c));
        }
        out.append('\n');
    }
}
