package dev.weft.cluster.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.List;

/**
 * Java serialization of functions, inputs and results as they travel between the pool and the
 * members, with messages that name the class at fault. weft serializes them itself, into byte
 * arrays inside a {@link ChunkTask}, so that a member that misses a class can say which one.
 */
final class Serialization {

    private Serialization() {
    }

    static byte[] toBytes(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    static Object fromBytes(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ContextAwareInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /**
     * Serializes the function of a job.
     *
     * @throws IllegalArgumentException naming the class that does not serialize
     */
    static byte[] function(Object fn) {
        try {
            return toBytes(fn);
        } catch (IOException e) {
            throw new IllegalArgumentException("the function cannot be sent to the cluster: " + explain(e), e);
        }
    }

    /**
     * Serializes a chunk of arguments as an {@code Object[]}.
     *
     * @throws IllegalArgumentException naming the first input, and its class, that does not serialize
     */
    static byte[] arguments(List<Object> args, long firstIndex) {
        try {
            return toBytes(args.toArray());
        } catch (IOException e) {
            for (int i = 0; i < args.size(); i++) {
                try {
                    toBytes(args.get(i));
                } catch (IOException single) {
                    throw new IllegalArgumentException("input #" + (firstIndex + i) + " cannot be sent to the cluster: "
                            + explain(single), single);
                }
            }
            throw new IllegalArgumentException("the inputs cannot be sent to the cluster: " + explain(e), e);
        }
    }

    /** {@return a sentence that names the class at fault} */
    static String explain(IOException e) {
        if (e instanceof NotSerializableException) {
            return "class " + e.getMessage() + " is not Serializable";
        }
        return e.toString();
    }

    /** Falls back to the thread's context class loader for classes the default lookup misses. */
    private static final class ContextAwareInputStream extends ObjectInputStream {
        ContextAwareInputStream(InputStream in) throws IOException {
            super(in);
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
