package dev.weft.parallel.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of a chunk's arguments and results: an array made only of {@code Integer}s,
 * {@code Long}s, {@code Double}s or {@code String}s is written as raw values (as pickle writes
 * ints), about ten times faster to read than Java serialization; any other array is
 * Java-serialized. The first byte says which.
 */
public final class ValueArrays {
    private static final byte SERIALIZED = 0;
    private static final byte INTS = 1;
    private static final byte LONGS = 2;
    private static final byte DOUBLES = 3;
    private static final byte STRINGS = 4;
    private static final byte[] NO_PREFIX = {};

    private ValueArrays() {
    }

    /**
     * Encodes {@code values}.
     *
     * @throws IOException if an element does not serialize
     */
    public static byte[] encode(Object[] values) throws IOException {
        return encode(values, NO_PREFIX);
    }

    /**
     * Encodes {@code values} after {@code prefix} (a chunk's context), in one array: what follows
     * the prefix is what {@link #encode(Object[])} writes.
     *
     * @throws IOException if an element does not serialize
     */
    static byte[] encode(Object[] values, byte[] prefix) throws IOException {
        byte kind = kindOf(values);
        if (kind == SERIALIZED) {
            byte[] serialized = JavaSerialization.toBytes(values);
            byte[] tagged = new byte[prefix.length + serialized.length + 1];
            System.arraycopy(prefix, 0, tagged, 0, prefix.length);
            tagged[prefix.length] = SERIALIZED;
            System.arraycopy(serialized, 0, tagged, prefix.length + 1, serialized.length);
            return tagged;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(prefix.length + 16 + values.length * 9);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(prefix);
        out.writeByte(kind);
        out.writeInt(values.length);
        for (Object value : values) {
            switch (kind) {
                case INTS -> out.writeInt((Integer) value);
                case LONGS -> out.writeLong((Long) value);
                case DOUBLES -> out.writeDouble((Double) value);
                default -> {
                    byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static byte kindOf(Object[] values) {
        if (values.length == 0 || values[0] == null) {
            return SERIALIZED;
        }
        Class<?> type = values[0].getClass();
        byte kind = type == Integer.class ? INTS : type == Long.class ? LONGS : type == Double.class ? DOUBLES
                : type == String.class ? STRINGS : SERIALIZED;
        if (kind == SERIALIZED) {
            return SERIALIZED;
        }
        for (Object value : values) {
            if (value == null || value.getClass() != type) {
                return SERIALIZED;
            }
        }
        return kind;
    }

    /**
     * Decodes what {@link #encode} wrote.
     *
     * @throws IOException if the bytes are not an encoded array
     * @throws ClassNotFoundException if a serialized element's class is missing here
     */
    public static Object[] decode(byte[] bytes, int offset, int length) throws IOException, ClassNotFoundException {
        if (length < 1) {
            throw new IOException("empty value array");
        }
        byte kind = bytes[offset];
        if (kind == SERIALIZED) {
            if (JavaSerialization.fromBytes(bytes, offset + 1, length - 1) instanceof Object[] values) {
                return values;
            }
            throw new IOException("the serialized value array is not an Object[]");
        }
        if (kind < INTS || kind > STRINGS) {
            throw new IOException("unknown value array kind " + kind);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset + 1, length - 1));
        int count = in.readInt();
        int width = kind == INTS || kind == STRINGS ? 4 : 8; // a string takes its length's 4 bytes at least
        if (count < 0 || (long) count * width > in.available()) {
            throw new IOException("bad value array length " + count + " for " + in.available() + " bytes");
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (kind) {
                case INTS -> in.readInt();
                case LONGS -> in.readLong();
                case DOUBLES -> in.readDouble();
                default -> {
                    int size = in.readInt();
                    if (size < 0 || size > in.available()) {
                        throw new IOException("bad string length " + size + " for " + in.available() + " bytes");
                    }
                    byte[] utf8 = new byte[size];
                    in.readFully(utf8);
                    yield new String(utf8, StandardCharsets.UTF_8);
                }
            };
        }
        return values;
    }
}
