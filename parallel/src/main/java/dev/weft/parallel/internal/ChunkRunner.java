package dev.weft.parallel.internal;

import dev.weft.core.internal.ForkContext;
import java.io.IOException;
import java.util.function.Function;

/**
 * The body of every worker's loop, a child JVM's ({@link WorkerMain}) as a cluster member's: read
 * a chunk's function and inputs, apply the function to each input under the caller's context (its
 * MDC, its propagated thread-locals and its deadline, {@link ContextCodec}: installed around the
 * chunk, and the thread's own given back after it), and encode the reply ({@link ChunkCodec}) with
 * the result or the failure of each input. A chunk whose deadline has passed when it arrives fails
 * with a {@link java.util.concurrent.TimeoutException} without running. Whatever goes wrong (a
 * function or inputs that cannot be read, a function that throws, a result that does not
 * serialize) goes into the reply; only a reply that cannot be written at all is thrown.
 *
 * <pre>{@code
 * ChunkRunner.Loaded fn = ChunkRunner.load(functionBytes, 0, functionBytes.length, site);
 * byte[] reply = ChunkRunner.run(fn, inputBytes, 0, inputBytes.length, firstIndex, site).bytes();
 * }</pre>
 */
public final class ChunkRunner {
    private ChunkRunner() {
    }

    /** Where a chunk runs: what the messages call it, and what it says of a missing class. */
    public interface Site {
        /** {@return the worker, for messages ("the child JVM", "cluster member 10.0.0.7:5701")} */
        String name();

        /**
         * {@return the failure to report when a class is missing here}: by default a
         * {@link NoClassDefFoundError} the function threw as it is, and for a class the worker
         * could not read an {@link IllegalStateException} that names the class and the worker.
         *
         * @param className the class
         * @param cause the {@link ClassNotFoundException} or {@link NoClassDefFoundError}
         */
        default Throwable classMissing(String className, Throwable cause) {
            return cause instanceof Error ? cause
                    : new IllegalStateException("class " + className + " is not on the class path of " + name(), cause);
        }

        /**
         * {@return true while no user code of an earlier chunk or an initializer has run on the
         * calling thread}: it has no MDC, context value or deadline to clear, so an empty context
         * is not installed, and the first chunk of a child JVM does not start its logging binding
         * (which reading the thread's MDC would). Asked before the chunk's inputs are read. By
         * default false: the context is always installed.
         */
        default boolean untouchedThread() {
            return false;
        }
    }

    /**
     * A function as read in a worker: the function, or why it could not be read.
     *
     * @param function the function, null if it could not be read
     * @param failure why it could not be read, null if it was
     */
    public record Loaded(Function<Object, Object> function, Throwable failure) {
    }

    /**
     * A worker's reply.
     *
     * @param bytes the encoded reply
     * @param anyFailed true if some input (or the whole chunk) failed
     */
    public record Reply(byte[] bytes, boolean anyFailed) {
    }

    /** Reads a function; never throws (any failure is the {@link Loaded#failure}). */
    @SuppressWarnings("unchecked") // the caller only sends functions of its inputs
    public static Loaded load(byte[] bytes, int offset, int length, Site site) {
        try {
            return new Loaded((Function<Object, Object>) FunctionCodec.decode(bytes, offset, length), null);
        } catch (ClassNotFoundException e) {
            return new Loaded(null, site.classMissing(e.getMessage(), e));
        } catch (Throwable e) { // user readObject code runs here
            return new Loaded(null, new IllegalStateException("the function could not be read in " + site.name() + ": "
                    + ChunkCodec.describe(e), e));
        }
    }

    /**
     * Runs a chunk.
     *
     * @param function the chunk's function, null if the worker does not know it
     * @param inputs the bytes holding the inputs, as {@link ChunkCodec#inputs} encoded them
     * @param firstIndex the index of the chunk's first input, for messages
     * @return the reply
     * @throws IOException if not even the failure of the chunk can be encoded
     */
    public static Reply run(Loaded function, byte[] inputs, int offset, int length, long firstIndex, Site site)
            throws IOException {
        if (function == null) {
            return new Reply(ChunkCodec.chunkFailed(new IllegalStateException(site.name()
                    + " does not know the function of this task")), true);
        }
        if (function.failure() != null) {
            return new Reply(ChunkCodec.chunkFailed(function.failure()), true);
        }
        boolean untouched = site.untouchedThread();
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        ClassLoader shipped = FunctionCodec.shippedLoader(function.function());
        if (shipped != null) {
            thread.setContextClassLoader(shipped); // inputs of the function's shipped classes resolve there
        }
        try {
            ContextCodec.Read caller;
            try {
                caller = ContextCodec.decode(inputs, offset, length);
            } catch (Throwable e) { // garbage; never user code (a value that cannot be read is left out)
                return new Reply(ChunkCodec.chunkFailed(new IllegalStateException("the context of the chunk from input #"
                        + firstIndex + " could not be read in " + site.name() + ": " + ChunkCodec.describe(e), e)), true);
            }
            Throwable expired = DeadlineExpiry.passed(caller.context(), site.name());
            if (expired != null) {
                return new Reply(ChunkCodec.chunkFailed(expired), true);
            }
            int valuesLength = length - (caller.next() - offset);
            Object[] args;
            try {
                args = ValueArrays.decode(inputs, caller.next(), valuesLength);
            } catch (ClassNotFoundException e) {
                return new Reply(ChunkCodec.chunkFailed(site.classMissing(e.getMessage(), e)), true);
            } catch (Throwable e) { // user readObject code runs here
                return new Reply(ChunkCodec.chunkFailed(new IllegalStateException("the inputs of the chunk from input #"
                        + firstIndex + " could not be read in " + site.name() + ": " + ChunkCodec.describe(e), e)), true);
            }
            ForkContext.Restore restore = caller.context().isEmpty() && untouched ? () -> { }
                    : caller.context().install();
            try {
                return apply(function.function(), args, firstIndex, site);
            } finally {
                restore.close();
            }
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    // Catches every Throwable: a worker reports whatever the function threw, as Pool.map does.
    private static Reply apply(Function<Object, Object> function, Object[] args, long firstIndex, Site site)
            throws IOException {
        Object[] results = new Object[args.length];
        boolean anyFailed = false;
        for (int i = 0; i < args.length; i++) {
            try {
                results[i] = function.apply(args[i]);
            } catch (NoClassDefFoundError e) {
                results[i] = failure(site.classMissing(String.valueOf(e.getMessage()).replace('/', '.'), e));
                anyFailed = true;
            } catch (Throwable e) {
                results[i] = failure(e);
                anyFailed = true;
            }
        }
        return encode(results, anyFailed, firstIndex, site);
    }

    /** Encodes the results; a result that does not serialize becomes the failure of its input. */
    private static Reply encode(Object[] results, boolean anyFailed, long firstIndex, Site site) throws IOException {
        try {
            return new Reply(ChunkCodec.outcomes(results), anyFailed);
        } catch (Throwable e) { // user writeObject code runs here
            for (int i = 0; i < results.length; i++) {
                try {
                    JavaSerialization.toBytes(results[i]);
                } catch (Throwable single) {
                    String type = results[i] == null ? "null" : results[i].getClass().getName();
                    String why = single instanceof IOException io ? JavaSerialization.explain(io) : ChunkCodec.describe(single);
                    results[i] = failure(new IllegalArgumentException("the result of input #" + (firstIndex + i) + " (a "
                            + type + ") cannot be sent back from " + site.name() + ": " + why, single));
                }
            }
            try {
                return new Reply(ChunkCodec.outcomes(results), true);
            } catch (Throwable again) { // a result that serialized alone but not with the others
                return new Reply(ChunkCodec.chunkFailed(new IllegalArgumentException("the results of "
                        + ChunkCodec.inputs(firstIndex, results.length) + " cannot be sent back from " + site.name() + ": "
                        + ChunkCodec.describe(again), again)), true);
            }
        }
    }

    private static ItemFailure failure(Throwable error) {
        return new ItemFailure(ErrorPayload.of(error));
    }
}
