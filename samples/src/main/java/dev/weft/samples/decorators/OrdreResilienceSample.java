package dev.weft.samples.decorators;

import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorators;
import dev.weft.decorators.RetryPolicy;
import dev.weft.samples.CellContext;
import dev.weft.samples.NotebookCell;
import dev.weft.samples.Samples;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Beyond notebook 003, in the spirit of its section B.3 ("l'ordre des décorateurs est
 * important"): {@code retry} stacked with {@code timeout} and with {@code lruCache}, in both
 * orders.
 *
 * <pre>{@code
 * # @retry puis @timeout : chaque tentative a son propre délai
 * tentative 1 de telecharger
 * tentative 2 de telecharger
 * -> page de weft.dev
 * # @timeout puis @retry : un seul délai pour toutes les tentatives et les attentes
 * tentative 1 de telecharger
 * -> TimeoutException: telecharger did not end within 2.000 s
 * # @lru_cache puis @retry : la tentative réussie est mise en cache
 * tentative 1 de doubler(21)
 * tentative 2 de doubler(21)
 * -> 42 42 CacheInfo(hits=1, misses=1, maxSize=128, currSize=1)
 * # @retry puis @lru_cache : un échec n'est jamais mis en cache
 * tentative 1 de echouer(21)
 * tentative 2 de echouer(21)
 * tentative 3 de echouer(21)
 * -> IllegalStateException: en panne CacheInfo(hits=0, misses=3, maxSize=128, currSize=0)
 * }</pre>
 *
 * <p>The first decorator given to {@code Decorate} is the top {@code @} line, the outermost: what
 * is listed after a {@code retry} runs again at each attempt. The first download hangs until it
 * is interrupted (a server that never answers), the second answers at once; the timeout is
 * 2 s of real time whatever the scale, long enough that the second download always ends in time
 * (even on a loaded machine), so that the cell shows the same thing everywhere.
 */
public final class OrdreResilienceSample extends NotebookCell {
    /** The cell's id. */
    public static final String ID = "decorators.ordre-resilience";

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** Creates the cell. */
    public OrdreResilienceSample() {
        super(ID, "L'ordre des décorateurs est important: retry, timeout, lru_cache");
    }

    @Override
    public void run(CellContext context) throws Exception {
        retryAroundTimeout(context);
        timeoutAroundRetry(context);
        cacheAroundRetry(context);
        retryAroundCache(context);
    }

    /** A download whose first attempt hangs until interrupted and whose later ones answer. */
    private static Callable<String> telecharger(CellContext context, AtomicInteger attempts) {
        return () -> {
            int n = attempts.incrementAndGet();
            context.print("tentative", n, "de telecharger");
            if (n == 1) {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);   // the server never answers
                throw new IllegalStateException("not interrupted in 30 s");
            }
            return "page de weft.dev";
        };
    }

    private static void retryAroundTimeout(CellContext context) throws Exception {
        context.print("# @retry puis @timeout : chaque tentative a son propre délai");
        Callable<String> telecharger = Decorate.callable("telecharger", telecharger(context, new AtomicInteger()),
                Decorators.retry(RetryPolicy.builder().maxAttempts(3).build()),
                Decorators.timeout(TIMEOUT));
        context.print("->", telecharger.call());
    }

    private static void timeoutAroundRetry(CellContext context) {
        context.print("# @timeout puis @retry : un seul délai pour toutes les tentatives et les attentes");
        AtomicInteger attempts = new AtomicInteger();
        Callable<String> telecharger = Decorate.callable("telecharger", () -> {
            context.print("tentative", attempts.incrementAndGet(), "de telecharger");
            throw new IllegalStateException("en panne");
        }, Decorators.timeout(TIMEOUT),
                Decorators.retry(RetryPolicy.builder().maxAttempts(3).backoff(Duration.ofMinutes(10)).build()));
        try {
            telecharger.call();
        } catch (Exception e) {
            context.print("->", e.getClass().getSimpleName() + ":", e.getMessage());
        }
    }

    private static void cacheAroundRetry(CellContext context) {
        context.print("# @lru_cache puis @retry : la tentative réussie est mise en cache");
        AtomicInteger attempts = new AtomicInteger();
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, Integer> doubler = Decorate.function("doubler", x -> {
            int n = attempts.incrementAndGet();
            context.print("tentative", n, "de doubler(" + x + ")");
            if (n == 1) {
                throw new IllegalStateException("pas encore");
            }
            return 2 * x;
        }, cache, Decorators.retry(RetryPolicy.builder().build()));
        context.print("->", doubler.apply(21), doubler.apply(21), cache.info());
    }

    private static void retryAroundCache(CellContext context) {
        context.print("# @retry puis @lru_cache : un échec n'est jamais mis en cache");
        AtomicInteger attempts = new AtomicInteger();
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, Integer> echouer = Decorate.function("echouer", x -> {
            context.print("tentative", attempts.incrementAndGet(), "de echouer(" + x + ")");
            throw new IllegalStateException("en panne");
        }, Decorators.retry(RetryPolicy.builder().build()), cache);
        try {
            echouer.apply(21);
        } catch (IllegalStateException e) {
            context.print("->", e.getClass().getSimpleName() + ":", e.getMessage(), cache.info());
        }
    }

    /**
     * Runs this cell alone.
     *
     * @param args launcher options, such as {@code --scale 0.1}
     */
    public static void main(String[] args) {
        Samples.runCell(new OrdreResilienceSample(), args);
    }
}
