package dev.weft.cluster.internal;

import dev.weft.parallel.internal.ChunkCodec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job's function as the parent sends it to members: its encoded bytes ({@link ChunkCodec#function})
 * and a key naming them, under which a member keeps what it received ({@link FunctionCache}) so
 * that later chunks need not carry the bytes. A lambda or method reference that captures nothing
 * is {@linkplain #shared() shared}: its key is the SHA-256 of its bytes (computed once per lambda
 * class), and a member reads it once and runs every chunk with that one instance. A function with
 * state (a capturing lambda, a serializable object) gets a key of its own per job: a member keeps
 * its bytes, not an instance, and each chunk reads its own copy from them (one copy shared by
 * chunks that run at once would be a data race); the job's end forgets them
 * ({@link Dispatcher#forget}).
 *
 * <pre>{@code
 * PreparedFunction fn = PreparedFunction.of(x -> x + 1, "the cluster");
 * }</pre>
 *
 * @param key the key of the function's bytes on members
 * @param bytes the encoded function
 * @param shared true for a function without state, whose one instance serves every chunk
 */
record PreparedFunction(String key, byte[] bytes, boolean shared) {

    /** What makes the keys of functions with state unique: this JVM, then a counter. */
    private static final String JOB_KEY_PREFIX = "job-" + UUID.randomUUID() + "-";
    private static final AtomicLong JOBS = new AtomicLong();

    /** The bytes of each capture-free lambda class, once encoded. */
    private static final ClassValue<Slot> STATELESS = new ClassValue<>() {
        @Override
        protected Slot computeValue(Class<?> type) {
            return new Slot();
        }
    };

    /** Where a lambda class's prepared function is kept once encoded. */
    private static final class Slot {
        private volatile PreparedFunction prepared;
    }

    /**
     * Prepares {@code fn} for members.
     *
     * @param destination where it goes, for messages
     * @throws IllegalArgumentException if it does not serialize (naming the class)
     */
    static PreparedFunction of(Object fn, String destination) {
        Class<?> type = fn.getClass();
        if (!type.isSynthetic() || hasInstanceFields(type)) {
            return withState(ChunkCodec.function(fn, destination));
        }
        Slot slot = STATELESS.get(type);
        PreparedFunction prepared = slot.prepared;
        if (prepared != null) {
            return prepared;
        }
        byte[] bytes = ChunkCodec.function(fn, destination);
        if (!ChunkCodec.capturesNothing(bytes)) {
            return withState(bytes); // e.g. its classes travel with it: read per chunk
        }
        prepared = new PreparedFunction(keyOf(bytes), bytes, true);
        slot.prepared = prepared;
        return prepared;
    }

    /** {@return a function with state: a key of its own, read per chunk} */
    private static PreparedFunction withState(byte[] bytes) {
        return new PreparedFunction(JOB_KEY_PREFIX + JOBS.incrementAndGet(), bytes, false);
    }

    private static boolean hasInstanceFields(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    private static String keyOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every JDK has SHA-256; without it the bytes themselves are their key.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
