/**
 * The bundled {@code adult.csv} of the {@code pandas.read_csv} cells, read with Apache Commons CSV
 * into a {@link dev.weft.samples.csv.CsvTable} that prints as an aligned table.
 *
 * <pre>{@code
 * CsvTable table = CsvFiles.read("D:/data/csv/adult.csv", ';');   // the bundled adult.csv
 * System.out.print(table.render());
 * }</pre>
 */
package dev.weft.samples.csv;
