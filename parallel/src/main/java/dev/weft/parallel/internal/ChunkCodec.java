package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.core.internal.ForkContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one encoding of a chunk as it travels between a caller and a worker, whatever carries it (a
 * child JVM's frames, a cluster member's task): the function ({@link FunctionCodec}), the inputs
 * ({@link ValueArrays}) after the caller's context ({@link ContextCodec}), and the reply, which is a tag byte followed by either the outcomes (a
 * {@link ValueArrays} array of one result or {@link ItemFailure} per input) or one serialized
 * {@link ErrorPayload} that fails every input of the chunk (the worker could not read the function
 * or the inputs). {@link ChunkRunner} is the worker's side.
 *
 * <p>{@link #decodeReply} never throws: whatever a reply holds (a class missing here, a
 * {@code readObject} or {@code readResolve} that throws anything, truncated or garbage bytes, a
 * wrong count of results), it becomes one outcome per input of the chunk, failures naming the
 * inputs and the cause. Results travel as one array, so a result that cannot be read fails every
 * input of its chunk.
 *
 * <pre>{@code
 * byte[] reply = ChunkRunner.run(function, ChunkCodec.inputs(args, 0, "a child JVM"), 0, site).bytes();
 * List<Outcome<Object>> outcomes = ChunkCodec.decodeReply(reply, 0, reply.length, 0, args.size());
 * }</pre>
 */
public final class ChunkCodec {
    static final byte OUTCOMES = 0;
    static final byte CHUNK_FAILED = 1;
    /** Where a process pool's work goes, for messages. */
    static final String CHILD_JVM = "a child JVM";

    private ChunkCodec() {
    }

    /**
     * Encodes a function for a worker.
     *
     * @param destination where it goes, for the message ("the cluster")
     * @throws IllegalArgumentException naming the class that does not serialize
     */
    public static byte[] function(Object fn, String destination) {
        return FunctionCodec.encode(fn, "the function", destination);
    }

    /**
     * {@return true if {@code function}, as {@link #function} encoded it, is a lambda or method
     * reference that captures nothing, sent as its names}: it holds no state, so a worker may keep
     * the function it read from these bytes and use it for any chunk that sends the same bytes.
     */
    public static boolean capturesNothing(byte[] function) {
        return FunctionCodec.isNames(function);
    }

    /**
     * Encodes a chunk's inputs for a worker, with no context: as
     * {@link #inputs(List, long, String, ForkContext)} with {@link ForkContext#empty()}.
     *
     * @param destination where they go, for the message ("the cluster")
     * @throws IllegalArgumentException naming the first input, and its class, that does not serialize
     */
    public static byte[] inputs(List<Object> args, long firstIndex, String destination) {
        return inputs(args, firstIndex, destination, ForkContext.empty());
    }

    /**
     * Encodes a chunk's inputs for a worker, after the context they run in ({@link ContextCodec}:
     * one byte when it is empty), which the worker installs around them ({@link ChunkRunner#run}).
     *
     * @param destination where they go, for the message ("the cluster")
     * @param context the caller's context, usually {@link ForkContext#capture()}
     * @throws IllegalArgumentException naming the first input, and its class, that does not serialize
     */
    public static byte[] inputs(List<Object> args, long firstIndex, String destination, ForkContext context) {
        return JavaSerialization.arguments(args, ContextCodec.encode(context), firstIndex, destination);
    }

    /** {@return a reply of one outcome per input: {@code results} holds values and {@link ItemFailure}s} */
    static byte[] outcomes(Object[] results) throws IOException {
        byte[] values = ValueArrays.encode(results);
        byte[] reply = new byte[values.length + 1];
        reply[0] = OUTCOMES;
        System.arraycopy(values, 0, reply, 1, values.length);
        return reply;
    }

    /** {@return a reply that fails every input of the chunk with {@code error}} */
    static byte[] chunkFailed(Throwable error) throws IOException {
        byte[] payload = JavaSerialization.toBytes(ErrorPayload.of(error));
        byte[] reply = new byte[payload.length + 1];
        reply[0] = CHUNK_FAILED;
        System.arraycopy(payload, 0, reply, 1, payload.length);
        return reply;
    }

    /**
     * Reads a worker's reply; never throws.
     *
     * @param reply the bytes holding the reply (null: no reply came)
     * @param offset where it starts
     * @param length how long it is
     * @param firstIndex the index of the chunk's first input, for messages
     * @param size how many inputs the chunk has
     * @return exactly {@code size} outcomes, failures for whatever could not be read
     */
    public static List<Outcome<Object>> decodeReply(byte[] reply, int offset, int length, long firstIndex, int size) {
        if (reply == null || offset < 0 || length < 1 || offset > reply.length - length) {
            return failAll(size, new IllegalStateException("the reply for " + inputs(firstIndex, size) + " is empty"));
        }
        return switch (reply[offset]) {
            case OUTCOMES -> outcomes(reply, offset + 1, length - 1, firstIndex, size);
            case CHUNK_FAILED -> failAll(size, chunkFailure(reply, offset + 1, length - 1, firstIndex, size));
            default -> failAll(size, new IllegalStateException("the reply for " + inputs(firstIndex, size)
                    + " is not a reply (it starts with byte " + reply[offset] + ")"));
        };
    }

    // Catches every Throwable: user readObject/readResolve code runs here, on a reader's thread.
    private static List<Outcome<Object>> outcomes(byte[] reply, int offset, int length, long firstIndex, int size) {
        Object[] values;
        try {
            values = ValueArrays.decode(reply, offset, length);
        } catch (Throwable e) {
            return failAll(size, unreadable(firstIndex, size, e));
        }
        if (values.length != size) {
            return failAll(size, new IllegalStateException("the worker replied " + values.length + " results for "
                    + inputs(firstIndex, size) + " (" + size + (size == 1 ? " input)" : " inputs)")));
        }
        List<Outcome<Object>> outcomes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            outcomes.add(values[i] instanceof ItemFailure failure
                    ? Outcome.failure(rebuild(failure.error(), firstIndex + i, 1))
                    : Outcome.success(values[i]));
        }
        return outcomes;
    }

    private static Throwable chunkFailure(byte[] reply, int offset, int length, long firstIndex, int size) {
        try {
            if (JavaSerialization.fromBytes(reply, offset, length) instanceof ErrorPayload payload) {
                return rebuild(payload, firstIndex, size);
            }
            return new IllegalStateException("the failure of " + inputs(firstIndex, size) + " is not an error payload");
        } catch (Throwable e) {
            return unreadable(firstIndex, size, e);
        }
    }

    private static Throwable rebuild(ErrorPayload payload, long firstIndex, int size) {
        try {
            return payload == null ? new IllegalStateException("the failure of " + inputs(firstIndex, size) + " is empty")
                    : payload.rebuild();
        } catch (Throwable e) {
            return unreadable(firstIndex, size, e);
        }
    }

    private static IllegalStateException unreadable(long firstIndex, int size, Throwable cause) {
        String why = cause instanceof ClassNotFoundException
                ? "class " + cause.getMessage() + " is not on this JVM's class path"
                : describe(cause);
        return new IllegalStateException("the reply for " + inputs(firstIndex, size) + " could not be read in the"
                + " calling JVM: " + why, cause);
    }

    /**
     * {@return {@code error.toString()}, and its innermost cause's when there is one} (what the
     * message of a wrapper such as {@code IOException: unexpected exception type} leaves out).
     * Never throws, though {@code toString} is user code: a class name stands in for one that throws.
     */
    static String describe(Throwable error) {
        Throwable root = error;
        try {
            for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
                root = root.getCause();
            }
        } catch (Throwable e) {
            root = error;
        }
        return root == error ? safeToString(error) : safeToString(error) + " (caused by " + safeToString(root) + ")";
    }

    private static String safeToString(Throwable error) {
        try {
            return error.toString();
        } catch (Throwable e) {
            return error.getClass().getName();
        }
    }

    private static List<Outcome<Object>> failAll(int size, Throwable error) {
        return Collections.nCopies(size, Outcome.failure(error));
    }

    /** {@return "input #3" or "inputs #3..5"} */
    static String inputs(long firstIndex, int size) {
        return size == 1 ? "input #" + firstIndex : "inputs #" + firstIndex + ".." + (firstIndex + size - 1);
    }
}
