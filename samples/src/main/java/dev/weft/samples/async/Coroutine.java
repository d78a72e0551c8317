package dev.weft.samples.async;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * What calling an {@code async def} gives in Python: a coroutine object that holds the work and
 * runs nothing until it is awaited. In weft the work is a {@link Callable}; this one also has the
 * coroutine's name, and prints as Python prints a coroutine.
 *
 * <pre>{@code
 * Coroutine<Void> exemple = new Coroutine<>("exemple", () -> { ... });
 * System.out.println(exemple);   // <coroutine object exemple at 0x1b6d3586> — nothing ran
 * Async.run(exemple);            // now it runs: await exemple()
 * }</pre>
 *
 * @param name the coroutine function's name
 * @param body the work
 * @param <T> the type of the result
 */
public record Coroutine<T>(String name, Callable<T> body) implements Callable<T> {

    /** Checks the fields. */
    public Coroutine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public T call() throws Exception {
        return body.call();
    }

    @Override
    public String toString() {
        return "<coroutine object " + name + " at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
