package dev.weft.decorators.internal;

import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** The {@link Terminal} of each functional interface: unpack the argument array, call the original. */
public final class Terminals {

    private Terminals() {
    }

    /**
     * {@return the terminal calling {@code f}}
     *
     * @param f the original
     * @param <T> its argument type
     */
    @SuppressWarnings("unchecked") // the array holds the T the decorated function was called with
    public static <T> Terminal of(Function<? super T, ?> f) {
        return (context, args) -> f.apply((T) args[0]);
    }

    /**
     * {@return the terminal calling {@code f}}
     *
     * @param f the original
     * @param <T> its first argument type
     * @param <U> its second argument type
     */
    @SuppressWarnings("unchecked") // the array holds the T and U the decorated function was called with
    public static <T, U> Terminal of(BiFunction<? super T, ? super U, ?> f) {
        return (context, args) -> f.apply((T) args[0], (U) args[1]);
    }

    /**
     * {@return the terminal calling {@code s}}
     *
     * @param s the original
     */
    public static Terminal of(Supplier<?> s) {
        return (context, args) -> s.get();
    }

    /**
     * {@return the terminal calling {@code c}}
     *
     * @param c the original
     */
    public static Terminal of(Callable<?> c) {
        return (context, args) -> c.call();
    }

    /**
     * {@return the terminal running {@code r}; its result is {@code null}}
     *
     * @param r the original
     */
    public static Terminal of(Runnable r) {
        return (context, args) -> {
            r.run();
            return null;
        };
    }
}
