package dev.weft.samples.decorators;

import dev.weft.samples.csv.CsvFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/**
 * The body of the notebook's {@code importer_csv(path, sep)}: {@code pd.read_csv(path, sep=sep)}
 * on the bundled files. The cells decorate it in different ways.
 *
 * <pre>{@code
 * BiFunction<String, Character, Object> importerCsv = Decorate.biFunction("importer_csv",
 *         NotebookDecorators.IMPORTER_CSV_DOC, ImporterCsv.BODY, decorators.afficheDoc());
 * importerCsv.apply("D:/data/csv/adult.csv", ';');
 * }</pre>
 */
final class ImporterCsv {
    /** The notebook's path; the samples bundle {@code adult.csv}. */
    static final String ADULT = "D:/data/csv/adult.csv";

    /** Reads a bundled CSV file into a table; a missing file is an {@link UncheckedIOException}. */
    static final BiFunction<String, Character, Object> BODY = (path, sep) -> {
        try {
            return CsvFiles.read(path, sep);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private ImporterCsv() {
    }
}
