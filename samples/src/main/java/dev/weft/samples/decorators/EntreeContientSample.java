package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import dev.weft.samples.csv.CsvTable;
import java.util.function.BiFunction;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cells 5, 6 and 7: {@code entree_contient('.csv')} lets {@code importer_csv} run only
 * when its first argument contains {@code .csv}; the notebook forgets the extension on purpose and
 * gets the message back instead of a table.
 *
 * <pre>{@code
 * 'la première entrée doit contenir .csv'
 * }</pre>
 *
 * <p>The decorator is a plain weft {@code Decorator} lambda; see
 * {@link NotebookDecorators#entreeContient}. The cell then calls it once more with the extension,
 * to show the call going through.
 */
public final class EntreeContientSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.entree-contient";

    /** Creates the cell. */
    public EntreeContientSample() {
        super(ID, "2a. entree_contient('.csv')");
    }

    @Override
    public void run(CellContext context) throws Exception {
        BiFunction<String, Character, Object> importerCsv = Decorate.biFunction("importer_csv",
                NotebookDecorators.IMPORTER_CSV_DOC, ImporterCsv.BODY, NotebookDecorators.entreeContient(".csv"));
        // on oublie l'extension .csv volontairement pour ce test
        context.print(JupyterDisplay.show(importerCsv.apply("D:/data/csv/adult", ';')));
        Object table = importerCsv.apply(ImporterCsv.ADULT, ';');
        context.print("# avec l'extension, importer_csv s'exécute: " + ((CsvTable) table).shape());
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new EntreeContientSample(), args);
    }
}
