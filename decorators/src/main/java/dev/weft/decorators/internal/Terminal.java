package dev.weft.decorators.internal;

/**
 * The end of a call chain: the undecorated function, taking its arguments as an array and the
 * context its caller passed along (for a proxy, the {@code Method} the proxy class passed in, which
 * the JIT sees as a constant; {@code null} for a lambda).
 */
@FunctionalInterface
public interface Terminal {

    /**
     * Calls the original.
     *
     * @param context what the call was started with, or {@code null}
     * @param args the arguments, as many as the original takes
     * @return its result ({@code null} for a {@code Runnable} or {@code void} method)
     * @throws Throwable what the original throws, as itself
     */
    Object invoke(Object context, Object[] args) throws Throwable;
}
