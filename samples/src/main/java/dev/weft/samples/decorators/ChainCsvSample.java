package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import dev.weft.samples.csv.CsvTable;
import java.util.function.BiFunction;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 9: {@code @entree_contient('.csv')} above {@code @temps_execution} on
 * {@code importer_csv}. The notebook only defines it; the port calls it, with and without the
 * extension, then in the other order, so the order shows.
 *
 * <pre>{@code
 * Cette fonction s'est exécutée en 0.0021 s
 * 'la première entrée doit contenir .csv'
 * }</pre>
 *
 * <p>With {@code entree_contient} outside, a refused call never reaches the timer and prints no
 * time; with the timer outside, even the refused call is timed.
 */
public final class ChainCsvSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.chain-csv";

    /** Creates the cell. */
    public ChainCsvSample() {
        super(ID, "3a. Enchaîner entree_contient et temps_execution");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        BiFunction<String, Character, Object> importerCsv = Decorate.biFunction("importer_csv",
                NotebookDecorators.IMPORTER_CSV_DOC, ImporterCsv.BODY,
                NotebookDecorators.entreeContient(".csv"), d.tempsExecution());
        // -> le @timer s'exécute puis @entree_contient('.csv')
        context.print("# @entree_contient('.csv') puis @temps_execution :");
        context.print("# " + ((CsvTable) importerCsv.apply(ImporterCsv.ADULT, ';')).shape());
        context.print(JupyterDisplay.show(importerCsv.apply("D:/data/csv/adult", ';')));
        BiFunction<String, Character, Object> timedOutside = Decorate.biFunction("importer_csv",
                NotebookDecorators.IMPORTER_CSV_DOC, ImporterCsv.BODY,
                d.tempsExecution(), NotebookDecorators.entreeContient(".csv"));
        context.print("# @temps_execution puis @entree_contient('.csv') :");
        context.print(JupyterDisplay.show(timedOutside.apply("D:/data/csv/adult", ';')));
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new ChainCsvSample(), args);
    }
}
