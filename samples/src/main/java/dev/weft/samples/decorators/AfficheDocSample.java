package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import java.util.function.BiFunction;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cells 1 and 2: {@code affiche_doc} prints the doc of {@code importer_csv} before
 * it reads {@code adult.csv}; the table is what Jupyter then displays.
 *
 * <pre>{@code
 * Fonction qui permet d'importer un fichier csv dans un DataFrame pandas.
 * Unnamed: 0  age         workclass  ...
 * }</pre>
 */
public final class AfficheDocSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.affiche-doc";

    /** Creates the cell. */
    public AfficheDocSample() {
        super(ID, "1a. affiche_doc sur importer_csv");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        BiFunction<String, Character, Object> importerCsv = Decorate.biFunction("importer_csv",
                NotebookDecorators.IMPORTER_CSV_DOC, ImporterCsv.BODY, d.afficheDoc());
        context.print(JupyterDisplay.show(importerCsv.apply(ImporterCsv.ADULT, ';')));
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new AfficheDocSample(), args);
    }
}
