package dev.weft.samples;

/**
 * A piece of a cell's work that returns nothing and may throw: the body given to
 * {@link CellContext#record(String, Work)}.
 *
 * <pre>{@code
 * context.record("séquentiel: calcul(5)", () -> calcul(5));
 * }</pre>
 */
@FunctionalInterface
public interface Work {

    /**
     * Does the work.
     *
     * @throws Exception whatever the work throws
     */
    void run() throws Exception;
}
