package dev.weft.decorators.internal;

/** The end of a call chain: the undecorated function, taking its arguments as an array. */
@FunctionalInterface
public interface Terminal {

    /**
     * Calls the original.
     *
     * @param args the arguments, as many as the original takes
     * @return its result ({@code null} for a {@code Runnable} or {@code void} method)
     * @throws Throwable what the original throws, as itself
     */
    Object invoke(Object[] args) throws Throwable;
}
