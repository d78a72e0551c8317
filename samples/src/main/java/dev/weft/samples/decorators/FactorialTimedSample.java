package dev.weft.samples.decorators;

import dev.weft.decorators.Decorate;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 12: {@code boucle(100)}, decorated with {@code temps_execution}, computes the
 * factorials of 1 to 99 by plain recursion (4950 multiplications) and Jupyter shows the list.
 *
 * <pre>{@code
 * Cette fonction s'est exécutée en 0.000998 s
 * [1,
 *  2,
 *  6,
 * ...
 * }</pre>
 */
public final class FactorialTimedSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.factorial-timed";

    /** Creates the cell. */
    public FactorialTimedSample() {
        super(ID, "4b. factorial et boucle(100) avec temps_execution");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        Function<Integer, List<BigInteger>> boucle = Decorate.function("boucle",
                n -> Factorials.boucle(Factorials::factorial, n), d.tempsExecution());
        context.print(JupyterDisplay.show(boucle.apply(100)));   // pour 500 cela donne beaucoup trop de ligne ici !
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new FactorialTimedSample(), args);
    }
}
