package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import java.util.function.BiFunction;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cells 3 and 4: {@code temps_execution} prints how long {@code importer_csv} took
 * to read {@code adult.csv}; the table is what Jupyter then displays.
 *
 * <pre>{@code
 * Cette fonction s'est exécutée en 0.002995729 s
 * Unnamed: 0  age         workclass  ...
 * }</pre>
 */
public final class TempsExecutionSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.temps-execution";

    /** Creates the cell. */
    public TempsExecutionSample() {
        super(ID, "1b. temps_execution sur importer_csv");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        BiFunction<String, Character, Object> importerCsv = Decorate.biFunction("importer_csv",
                NotebookDecorators.IMPORTER_CSV_DOC, ImporterCsv.BODY, d.tempsExecution());
        context.print(JupyterDisplay.show(importerCsv.apply(ImporterCsv.ADULT, ';')));
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new TempsExecutionSample(), args);
    }
}
