package dev.weft.parallel.internal;

import dev.weft.core.internal.ForkContext;
import dev.weft.core.internal.LazyLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller's context ({@link ForkContext}: the MDC, the portable values of the registered
 * thread-locals, the deadline) as it travels in front of a chunk's inputs to a worker, a child
 * JVM's or a cluster member's, which installs it around the chunk ({@link ChunkRunner}).
 *
 * <p>An empty context is one byte, {@link #NONE}. Otherwise: the byte {@link #PRESENT}, an
 * {@code int} length, then that many bytes of: a flags byte (bit 0: a deadline follows), the
 * deadline as {@code long} epoch second and {@code int} nanosecond, an {@code int} count of MDC
 * entries each a key and a value, an {@code int} count of values each a key and its Java
 * serialization (an {@code int} length and the bytes). A string is an {@code int} length and its
 * UTF-8 bytes. Each value is serialized alone: one that does not serialize here, or cannot be read
 * in the worker (its class is missing there), is left out with a debug log, and the chunk runs
 * without it.
 *
 * <pre>{@code
 * byte[] bytes = ContextCodec.encode(ForkContext.capture());
 * ContextCodec.Read read = ContextCodec.decode(bytes, 0, bytes.length);   // read.next() == bytes.length
 * }</pre>
 */
public final class ContextCodec {
    /** Fetched at its first message: a child JVM's first chunk does not start the logging binding for it. */
    private static final LazyLogger LOG = LazyLogger.of(ContextCodec.class);

    /** The first byte of an empty context: nothing else follows. */
    static final byte NONE = 0;
    /** The first byte of a context: its length and its fields follow. */
    static final byte PRESENT = 1;
    private static final int HAS_DEADLINE = 1;

    private ContextCodec() {
    }

    /**
     * A context as read in a worker.
     *
     * @param context the context
     * @param next where the bytes after it (the inputs) start
     */
    public record Read(ForkContext context, int next) {
    }

    /** {@return the bytes of {@code context}: one byte when it is empty} */
    public static byte[] encode(ForkContext context) {
        if (context.isEmpty()) {
            return new byte[] {NONE};
        }
        Map<String, String> mdc = context.mdc();
        Map<String, Serializable> values = context.portableValues();
        Instant deadline = context.deadline().orElse(null);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 32 * mdc.size());
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(PRESENT);
            out.writeInt(0); // the body's length, written below
            out.writeByte(deadline == null ? 0 : HAS_DEADLINE);
            if (deadline != null) {
                out.writeLong(deadline.getEpochSecond());
                out.writeInt(deadline.getNano());
            }
            int entries = 0;
            for (String value : mdc.values()) {
                entries += value == null ? 0 : 1;
            }
            out.writeInt(entries);
            for (Map.Entry<String, String> entry : mdc.entrySet()) {
                if (entry.getValue() != null) {
                    writeString(out, entry.getKey());
                    writeString(out, entry.getValue());
                }
            }
            Map<String, byte[]> serialized = serialize(values);
            out.writeInt(serialized.size());
            for (Map.Entry<String, byte[]> entry : serialized.entrySet()) {
                writeString(out, entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
            out.flush();
            byte[] framed = bytes.toByteArray();
            int length = framed.length - 5;
            framed[1] = (byte) (length >>> 24);
            framed[2] = (byte) (length >>> 16);
            framed[3] = (byte) (length >>> 8);
            framed[4] = (byte) length;
            return framed;
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e); // a ByteArrayOutputStream does not fail
        }
    }

    // Catches every Throwable: a value's writeObject is user code, and a value left out never fails a task.
    private static Map<String, byte[]> serialize(Map<String, Serializable> values) {
        if (values.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> serialized = new LinkedHashMap<>();
        for (Map.Entry<String, Serializable> entry : values.entrySet()) {
            try {
                serialized.put(entry.getKey(), JavaSerialization.toBytes(entry.getValue()));
            } catch (Throwable e) {
                LOG.debug("The context value '{}' does not serialize; it does not travel with the task", entry.getKey(), e);
            }
        }
        return serialized;
    }

    /**
     * Reads a context that {@link #encode} wrote.
     *
     * @param bytes the bytes holding it, and the inputs after it
     * @param offset where it starts
     * @param length how many bytes there are from {@code offset}, the inputs included
     * @return the context, and where the inputs start
     * @throws IOException if the bytes are not a context
     */
    public static Read decode(byte[] bytes, int offset, int length) throws IOException {
        if (length < 1 || offset < 0 || offset > bytes.length - length) {
            throw new IOException("no context in " + length + " bytes");
        }
        if (bytes[offset] == NONE) {
            return new Read(ForkContext.empty(), offset + 1);
        }
        if (bytes[offset] != PRESENT) {
            throw new IOException("a context starts with byte " + bytes[offset]);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset + 1, length - 1));
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException("a context of " + size + " bytes in " + in.available());
        }
        DataInputStream body = new DataInputStream(new ByteArrayInputStream(bytes, offset + 5, size));
        Instant deadline = null;
        if ((body.readByte() & HAS_DEADLINE) != 0) {
            long seconds = body.readLong();
            int nanos = body.readInt();
            try {
                deadline = Instant.ofEpochSecond(seconds, nanos);
            } catch (RuntimeException e) { // out of Instant's range
                throw new IOException("a deadline of " + seconds + "s " + nanos + "ns", e);
            }
        }
        int entries = count(body, 8, "MDC entries");
        Map<String, String> mdc = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            mdc.put(readString(body), readString(body));
        }
        int valueCount = count(body, 8, "values");
        Map<String, Serializable> values = new LinkedHashMap<>();
        for (int i = 0; i < valueCount; i++) {
            String key = readString(body);
            byte[] value = new byte[count(body, 1, "bytes of a value")];
            body.readFully(value);
            deserialize(key, value, values);
        }
        if (body.available() != 0) {
            throw new IOException(body.available() + " bytes left after the context");
        }
        return new Read(ForkContext.fromPortable(mdc, values, deadline), offset + 5 + size);
    }

    // Catches every Throwable: a value's readObject is user code, and a value left out never fails a task.
    private static void deserialize(String key, byte[] bytes, Map<String, Serializable> into) {
        try {
            if (JavaSerialization.fromBytes(bytes, 0, bytes.length) instanceof Serializable value) {
                into.put(key, value);
            } else {
                LOG.debug("The context value '{}' is not a serializable value; the task runs without it", key);
            }
        } catch (Throwable e) {
            LOG.debug("The context value '{}' cannot be read here; the task runs without it", key, e);
        }
    }

    /** Reads a count, refusing one that the bytes left cannot hold ({@code width} bytes an element at least). */
    private static int count(DataInputStream in, int width, String what) throws IOException {
        int count = in.readInt();
        if (count < 0 || (long) count * width > in.available()) {
            throw new IOException(count + " " + what + " in " + in.available() + " bytes");
        }
        return count;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[count(in, 1, "bytes of a string")];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
