package dev.weft.samples.decorators;

import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorators;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;

/**
 * Notebook 003, cell 13: {@code factorial} decorated with {@code @lru_cache()}; {@code boucle(100)}
 * now finds {@code factorial(k - 1)} in the cache, so each factorial costs one multiplication.
 *
 * <pre>{@code
 * Cette fonction s'est exécutée en 0.0 s
 * [1,
 *  2,
 * ...
 * CacheInfo(hits=98, misses=99, maxSize=128, currSize=99)
 * }</pre>
 *
 * <p>{@code Decorate.recursive} hands the body the decorated function, so the recursion goes
 * through the cache, as the decorated global name does in Python. The last line,
 * {@code factorial.cache_info()}, is not in the notebook: it shows why the second run is fast.
 */
public final class LruCacheFactorialSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.lru-cache-factorial";

    /** Creates the cell. */
    public LruCacheFactorialSample() {
        super(ID, "4c. factorial avec @lru_cache(), boucle(100)");
    }

    @Override
    public void run(CellContext context) throws Exception {
        NotebookDecorators d = new NotebookDecorators(context);
        CacheDecorator lruCache = Decorators.lruCache();
        Function<Integer, BigInteger> factorial = Decorate.recursive("factorial", Factorials::step, lruCache);
        Function<Integer, List<BigInteger>> boucle = Decorate.function("boucle",
                n -> Factorials.boucle(factorial, n), d.tempsExecution());
        context.print(JupyterDisplay.show(boucle.apply(100)));
        context.print(lruCache.info());
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new LruCacheFactorialSample(), args);
    }
}
