package dev.weft.samples.decorators;

import dev.weft.samples.csv.CsvTable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How Jupyter shows the value a cell ends with ({@code Out[..]}): a string in quotes, a list one
 * element a line, a table as a table.
 *
 * <pre>{@code
 * JupyterDisplay.show("la première entrée doit contenir .csv");   // 'la première entrée doit contenir .csv'
 * JupyterDisplay.show(List.of(1, 2, 6));                           // [1,\n 2,\n 6]
 * }</pre>
 */
final class JupyterDisplay {

    private JupyterDisplay() {
    }

    /**
     * Renders a value as Jupyter displays it.
     *
     * @param value the value
     * @return the text, without a final line break
     */
    static String show(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> "'" + s + "'";
            case CsvTable table -> table.render().stripTrailing();
            case List<?> list -> list.stream().map(String::valueOf)
                    .collect(Collectors.joining(",\n ", "[", "]"));
            default -> String.valueOf(value);
        };
    }
}
