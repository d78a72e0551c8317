package dev.weft.parallel.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.List;
import java.util.function.Consumer;

/**
 * Java serialization of what travels to and from workers (child JVMs, cluster members), with
 * messages that name the culprit.
 */
public final class JavaSerialization {
    private JavaSerialization() {
    }

    /**
     * Serializes {@code value}.
     *
     * @throws IOException if it does not serialize
     */
    public static byte[] toBytes(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /**
     * Serializes {@code value}, telling {@code classes} each class the stream describes.
     *
     * @throws IOException if it does not serialize
     */
    static byte[] toBytes(Object value, Consumer<Class<?>> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            @Override
            protected void annotateClass(Class<?> type) {
                classes.accept(type);
            }
        }) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #toBytes} wrote, falling back to the thread's context class loader.
     *
     * @throws IOException if the bytes are not a serialized object
     * @throws ClassNotFoundException if a class is missing here
     */
    public static Object fromBytes(byte[] bytes, int offset, int length) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ContextAwareInputStream(new ByteArrayInputStream(bytes, offset, length), length)) {
            return in.readObject();
        }
    }

    /**
     * Serializes a function (or initializer) to be sent to {@code destination}, telling
     * {@code classes} each class its object graph uses.
     *
     * @param what what it is, for the message ("the function")
     * @param destination where it goes, for the message ("a child JVM", "the cluster")
     * @throws IllegalArgumentException naming the class that does not serialize
     */
    static byte[] function(Object fn, String what, String destination, Consumer<Class<?>> classes) {
        try {
            return toBytes(fn, classes);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be sent to " + destination + ": " + explain(e), e);
        }
    }

    /**
     * Encodes a chunk of arguments as {@link ValueArrays}, after {@code prefix}, to be sent to
     * {@code destination}.
     *
     * @param prefix the bytes that go first (the chunk's context)
     * @param destination where they go, for the message ("the cluster")
     * @throws IllegalArgumentException naming the first input, and its class, that does not serialize
     */
    static byte[] arguments(List<Object> args, byte[] prefix, long firstIndex, String destination) {
        try {
            return ValueArrays.encode(args.toArray(), prefix);
        } catch (IOException e) {
            for (int i = 0; i < args.size(); i++) {
                try {
                    toBytes(args.get(i));
                } catch (IOException single) {
                    throw new IllegalArgumentException("input #" + (firstIndex + i) + " cannot be sent to " + destination + ": "
                            + explain(single), single);
                }
            }
            throw new IllegalArgumentException("the inputs cannot be sent to " + destination + ": " + explain(e), e);
        }
    }

    /** {@return a sentence that names the class at fault} */
    public static String explain(IOException e) {
        if (e instanceof NotSerializableException) {
            return "class " + e.getMessage() + " is not Serializable";
        }
        return e.toString();
    }

    /**
     * Falls back to the thread's context class loader for classes the default lookup misses, and
     * refuses an array longer than the stream (each element takes a byte at least): garbage that
     * claims a billion elements fails at once instead of filling the heap.
     */
    private static final class ContextAwareInputStream extends ObjectInputStream {
        ContextAwareInputStream(InputStream in, int length) throws IOException {
            super(in);
            ObjectInputFilter bound = info -> info.arrayLength() > length
                    ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
            ObjectInputFilter current = getObjectInputFilter();
            setObjectInputFilter(current == null ? bound : ObjectInputFilter.merge(bound, current));
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return super.resolveClass(desc);
            } catch (ClassNotFoundException e) {
                ClassLoader context = Thread.currentThread().getContextClassLoader();
                if (context == null) {
                    throw e;
                }
                return Class.forName(desc.getName(), false, context);
            }
        }
    }
}
