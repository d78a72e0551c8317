package dev.weft.decorators.internal;

import dev.weft.decorators.Invocation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;

/**
 * Cache keys made from a call's arguments, as {@code functools._make_key} makes them.
 *
 * <p>One argument of a JDK value type ({@code Integer}, {@code String}...) is its own key (no
 * allocation), as Python does for {@code int} and {@code str}; any other argument, and several,
 * make a {@link Multi} whose hash is computed once ({@code _HashedSeq}), so an argument's
 * {@code hashCode} runs once per call. Untyped keys
 * normalise numbers so that those equal as integers share a key ({@code 3 == 3.0 == 3L}, as in
 * Python); typed keys add the argument classes ({@code typed=True}). {@code null} has its own key.
 */
final class CacheKeys {

    private static final Object NO_ARGS = new Object() {
        @Override
        public String toString() {
            return "()";
        }
    };

    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Classes whose {@code equals} already requires the same class: typed keys need no wrapper. */
    private static final Set<Class<?>> CLASS_STRICT = Set.of(Integer.class, Long.class, Double.class,
            Float.class, Short.class, Byte.class, Character.class, Boolean.class, String.class);

    private CacheKeys() {
    }

    /** {@return the key of {@code call}} */
    static Object of(Invocation call, boolean typed) {
        Object[] args;
        Method method;
        if (call instanceof Call c) {
            args = c.rawArgs();
            method = c.site().keyByMethod() ? c.site().methodOrNull() : null;
        } else {
            args = call.args().toArray();
            method = call.method().orElse(null);
        }
        Object key = ofArgs(args, typed);
        return method == null ? key : new Multi(new Object[] {method, key});
    }

    /** {@return the key of an argument array} */
    static Object ofArgs(Object[] args, boolean typed) {
        switch (args.length) {
            case 0:
                return NO_ARGS;
            case 1:
                return typed ? typedSingle(args[0]) : untyped(args[0]);
            default:
                return typed ? typedMany(args) : untypedMany(args);
        }
    }

    private static Object typedSingle(Object arg) {
        if (arg == null) {
            return NULL;
        }
        if (CLASS_STRICT.contains(arg.getClass())) {
            return arg;
        }
        return new Multi(new Object[] {arg, arg.getClass()});
    }

    /**
     * A lone argument of a JDK value type is its own key; any other is wrapped so that its
     * {@code hashCode} runs once per call, however often the cache looks the key up.
     */
    private static Object bareOrHashedOnce(Object arg) {
        return CLASS_STRICT.contains(arg.getClass()) ? arg : new Multi(new Object[] {arg});
    }

    private static Object typedMany(Object[] args) {
        Object[] parts = Arrays.copyOf(args, args.length * 2);
        for (int i = 0; i < args.length; i++) {
            parts[args.length + i] = args[i] == null ? null : args[i].getClass();
        }
        return new Multi(parts);
    }

    private static Object untypedMany(Object[] args) {
        Object[] parts = null;
        for (int i = 0; i < args.length; i++) {
            Object normal = normalise(args[i]);
            if (normal != args[i]) {
                if (parts == null) {
                    parts = args.clone();
                }
                parts[i] = normal;
            }
        }
        return new Multi(parts == null ? args : parts);
    }

    private static Object untyped(Object arg) {
        if (arg == null) {
            return NULL;
        }
        return bareOrHashedOnce(normalise(arg));
    }

    /**
     * Maps numbers that are equal as integers to one value ({@code Integer} when it fits, then
     * {@code Long}, then {@code BigInteger}), and {@code Float}s to the equal {@code Double}.
     * Other values are returned as they are.
     */
    static Object normalise(Object arg) {
        if (arg instanceof Integer || !(arg instanceof Number)) {
            return arg;
        }
        if (arg instanceof Long l) {
            long v = l;
            return v == (int) v ? Integer.valueOf((int) v) : arg;
        }
        if (arg instanceof Short || arg instanceof Byte) {
            return Integer.valueOf(((Number) arg).intValue());
        }
        if (arg instanceof Double d) {
            return normaliseDouble(d);
        }
        if (arg instanceof Float f) {
            return normaliseDouble(f.doubleValue());
        }
        if (arg instanceof BigInteger b) {
            return normaliseBig(b);
        }
        if (arg instanceof BigDecimal b && b.getClass() == BigDecimal.class) {
            BigDecimal stripped = b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros();
            return stripped.scale() <= 0 ? normaliseBig(stripped.toBigIntegerExact()) : stripped;
        }
        return arg;
    }

    private static Object normaliseDouble(double d) {
        if (Double.isInfinite(d) || d != Math.rint(d)) {
            return d; // fractional, infinite or NaN (NaN != rint(NaN)): kept as a Double
        }
        if (Math.abs(d) < 0x1p63) {
            long v = (long) d;
            if (v == (int) v) {
                return Integer.valueOf((int) v); // not in a ?: with Long, which would promote it to Long
            }
            return Long.valueOf(v);
        }
        return normaliseBig(new BigDecimal(d).toBigIntegerExact());
    }

    private static Object normaliseBig(BigInteger b) {
        int bits = b.bitLength();
        if (bits < 32) {
            return Integer.valueOf(b.intValue());
        }
        if (bits < 64) {
            return Long.valueOf(b.longValue());
        }
        return b;
    }

    /** A key of several parts, hashed once. */
    static final class Multi {

        private final Object[] parts;
        private final int hash;

        Multi(Object[] parts) {
            this.parts = parts;
            this.hash = Arrays.hashCode(parts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Multi m && m.hash == hash && Arrays.equals(m.parts, parts);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return Arrays.toString(parts);
        }
    }
}
