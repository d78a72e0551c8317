package dev.weft.decorators.internal;

import java.util.function.BiFunction;

/**
 * A decorated {@link BiFunction}.
 *
 * @param <T> the first argument's type
 * @param <U> the second argument's type
 * @param <R> the result type
 */
public final class DecoratedBiFunction<T, U, R> extends AbstractDecorated implements BiFunction<T, U, R> {

    private final BiFunction<? super T, ? super U, ? extends R> function;
    private final boolean direct;

    /**
     * Wraps {@code function}.
     *
     * @param site the chain
     * @param function the original
     */
    public DecoratedBiFunction(Site site, BiFunction<? super T, ? super U, ? extends R> function) {
        super(site, function);
        this.function = function;
        this.direct = site.undecorated();
    }

    @Override
    @SuppressWarnings("unchecked") // the chain returns what the original or a decorator returned for R
    public R apply(T t, U u) {
        if (direct) {
            return function.apply(t, u);
        }
        try {
            return (R) site.invoke(null, new Object[] {t, u});
        } catch (Throwable e) {
            throw Rethrow.unchecked(e, site.name());
        }
    }
}
