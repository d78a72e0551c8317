package dev.weft.parallel;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A {@link Function} that is also {@link Serializable}, so that it can be sent to a child JVM: the
 * type every {@link Pool} and {@link JvmProcess} takes, as Python's {@code multiprocessing} takes a
 * picklable callable.
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=serializable-function}
 *
 * <p>A lambda or method reference whose target type is this interface is compiled as a
 * serializable lambda: it can be sent as long as everything it captures is serializable too (a
 * captured {@code this} of a non-serializable class is the usual trap; capture the fields you need
 * in local variables instead). In Python anything at module level pickles by name; in Java a
 * lambda is rebuilt in the child from the class that declared it, which the child finds on the
 * parent's class path. One that captures nothing ({@code Work::count}, {@code x -> x * x})
 * travels by name alone, like a pickled module-level function, and costs a new child no Java
 * deserialization. {@link java.util.function.Function} itself is this interface's
 * {@code java.util} neighbour: a {@link Pool#threads(int)} pool never serializes, but takes the
 * same type so that code can switch backends without changes.
 *
 * @param <T> the type of the argument
 * @param <R> the type of the result
 * @since 0.1
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
