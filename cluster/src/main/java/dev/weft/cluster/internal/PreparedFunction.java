package dev.weft.cluster.internal;

import dev.weft.parallel.internal.ChunkCodec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A job's function as the parent sends it to members: its encoded bytes ({@link ChunkCodec#function})
 * and, for a lambda or method reference that captures nothing, a key naming those bytes (their
 * SHA-256), under which a member keeps the function it read ({@link FunctionCache}) so that later
 * chunks need not carry the bytes. A function with state has no key: each chunk carries it, and
 * each chunk reads its own copy, as before (a copy is never shared between chunks that run at once).
 * The bytes of a capture-free lambda are computed once per lambda class.
 *
 * <pre>{@code
 * PreparedFunction fn = PreparedFunction.of(x -> x + 1, "the cluster");
 * }</pre>
 *
 * @param key the key of a stateless function's bytes, null for a function with state
 * @param bytes the encoded function
 */
record PreparedFunction(String key, byte[] bytes) {

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
            return new PreparedFunction(null, ChunkCodec.function(fn, destination));
        }
        Slot slot = STATELESS.get(type);
        PreparedFunction prepared = slot.prepared;
        if (prepared != null) {
            return prepared;
        }
        byte[] bytes = ChunkCodec.function(fn, destination);
        if (!ChunkCodec.capturesNothing(bytes)) {
            return new PreparedFunction(null, bytes); // e.g. its classes travel with it: not kept
        }
        prepared = new PreparedFunction(keyOf(bytes), bytes);
        slot.prepared = prepared;
        return prepared;
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
