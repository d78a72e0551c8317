package dev.weft.parallel.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How a function (or an initializer) travels to a child JVM. A lambda or method reference that
 * captures nothing, the usual {@code pool.map(Work::count, inputs)}, goes as the names that
 * make it up (its {@link SerializedLambda} without the object stream around it), and the child
 * rebuilds it through the capturing class's own {@code $deserializeLambda$}, exactly as Java
 * deserialization does, but without starting Java serialization, which costs a new child about
 * 30 ms. Anything else (a lambda with captured values, a class) is Java-serialized. A function
 * whose classes exist only in this JVM (typed in jshell, defined by a plugin's class loader) is
 * Java-serialized with those classes' bytes and static state ({@link ShippedClasses}), which the
 * child defines before it reads the function. The first byte says which.
 *
 * <pre>{@code
 * byte[] bytes = FunctionCodec.encode((SerializableFunction<Integer, Integer>) x -> x + 1, "the function");
 * Function<Integer, Integer> fn = (Function<Integer, Integer>) FunctionCodec.decode(bytes, 0, bytes.length);
 * }</pre>
 */
final class FunctionCodec {
    private static final byte SERIALIZED = 0;
    private static final byte LAMBDA = 1;
    private static final byte SHIPPED = 2;
    /** Rounds of "the static values use more classes": each round adds at least one class. */
    private static final int MAX_SHIPPING_ROUNDS = 64;
    private static final String DESERIALIZE = "$deserializeLambda$";

    private FunctionCodec() {
    }

    /** Encodes {@code fn} for a child JVM, as {@link #encode(Object, String, String)} does. */
    static byte[] encode(Object fn, String what) {
        return encode(fn, what, ChunkCodec.CHILD_JVM);
    }

    /**
     * Encodes {@code fn} for a worker.
     *
     * @param fn a serializable function or runnable
     * @param what what it is, for the message ("the function")
     * @param destination where it goes, for the message ("a child JVM", "the cluster")
     * @return the bytes
     * @throws IllegalArgumentException naming the class that does not serialize, or the class
     *     that exists only in this JVM and whose bytes cannot be read
     */
    static byte[] encode(Object fn, String what, String destination) {
        SerializedLambda lambda = captureFreeLambda(fn);
        if (lambda != null && ShippedClasses.loadableByName(fn.getClass())) {
            return names(lambda);
        }
        Set<Class<?>> used = new LinkedHashSet<>();
        byte[] serialized = JavaSerialization.function(fn, what, destination, used::add);
        if (used.stream().allMatch(ShippedClasses::loadableByName)) {
            byte[] tagged = new byte[serialized.length + 1];
            tagged[0] = SERIALIZED;
            System.arraycopy(serialized, 0, tagged, 1, serialized.length);
            return tagged;
        }
        return shipped(fn, what, destination, used);
    }

    /**
     * {@return the binary name of the class that declares the lambda {@code bytes} hold by its
     * names, or null when they hold another form (or cannot be read)}
     */
    static String capturingClass(byte[] bytes) {
        if (!isNames(bytes)) {
            return null;
        }
        try {
            return new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1)).readUTF().replace('/', '.');
        } catch (IOException e) {
            return null;
        }
    }

    /** {@return true if {@code bytes} hold a capture-free lambda by its names (no state)} */
    static boolean isNames(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == LAMBDA;
    }

    private static byte[] names(SerializedLambda lambda) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(LAMBDA);
            out.writeUTF(lambda.getCapturingClass());
            out.writeUTF(lambda.getFunctionalInterfaceClass());
            out.writeUTF(lambda.getFunctionalInterfaceMethodName());
            out.writeUTF(lambda.getFunctionalInterfaceMethodSignature());
            out.writeInt(lambda.getImplMethodKind());
            out.writeUTF(lambda.getImplClass());
            out.writeUTF(lambda.getImplMethodName());
            out.writeUTF(lambda.getImplMethodSignature());
            out.writeUTF(lambda.getInstantiatedMethodType());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /**
     * The SHIPPED form: the classes a child cannot load by name (their bytes), then the
     * serialized pair (their static values, the function). The static values may use more such
     * classes, which are then shipped too.
     */
    private static byte[] shipped(Object fn, String what, String destination, Set<Class<?>> used) {
        Set<Class<?>> roots = new LinkedHashSet<>(used);
        for (int round = 0; round < MAX_SHIPPING_ROUNDS; round++) {
            Map<String, Class<?>> classes = ShippedClasses.closure(roots, what);
            Set<Class<?>> usedNow = new LinkedHashSet<>();
            byte[] payload = JavaSerialization.function(
                    new Object[] {ShippedClasses.statics(classes.values()), fn}, what, destination, usedNow::add);
            if (usedNow.stream().allMatch(type -> ShippedClasses.loadableByName(type) || classes.containsValue(type))) {
                return shippedBytes(classes, payload, what);
            }
            roots.addAll(usedNow);
        }
        throw new IllegalArgumentException(what + " cannot be sent to " + destination + ": its classes that exist only in this"
                + " JVM keep growing as their static fields are read");
    }

    private static byte[] shippedBytes(Map<String, Class<?>> classes, byte[] payload, String what) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 4096);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(SHIPPED);
            out.writeInt(classes.size());
            for (Map.Entry<String, Class<?>> type : classes.entrySet()) {
                byte[] classFile = ShippedClasses.bytesOf(type.getValue(), what);
                out.writeUTF(type.getKey());
                out.writeInt(classFile.length);
                out.write(classFile);
            }
            out.write(payload);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /**
     * Rebuilds what {@link #encode} wrote, with the thread's context class loader (else the
     * system class loader).
     *
     * @return the function
     * @throws IOException if the bytes are not an encoded function, or the lambda does not exist
     *     in its class here
     * @throws ClassNotFoundException if a class is missing here
     */
    static Object decode(byte[] bytes, int offset, int length) throws IOException, ClassNotFoundException {
        if (length < 1) {
            throw new IOException("empty function");
        }
        if (bytes[offset] == SERIALIZED) {
            return JavaSerialization.fromBytes(bytes, offset + 1, length - 1);
        }
        if (bytes[offset] == SHIPPED) {
            return decodeShipped(bytes, offset + 1, length - 1);
        }
        if (bytes[offset] != LAMBDA) {
            throw new IOException("unknown function encoding " + bytes[offset]);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset + 1, length - 1));
        String capturingClass = in.readUTF();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> capturing = Class.forName(capturingClass.replace('/', '.'), false,
                loader != null ? loader : ClassLoader.getSystemClassLoader());
        SerializedLambda lambda = new SerializedLambda(capturing, in.readUTF(), in.readUTF(), in.readUTF(),
                in.readInt(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), new Object[0]);
        MethodHandle deserialize = deserializer(capturing);
        if (deserialize != null) {
            try {
                return (Object) deserialize.invokeExact(lambda);
            } catch (Throwable e) { // what it threw, as the reflective call's cause was
                throw invalid(lambda, e);
            }
        }
        try {
            Method reflected = capturing.getDeclaredMethod(DESERIALIZE, SerializedLambda.class);
            reflected.setAccessible(true);
            return reflected.invoke(null, lambda);
        } catch (InvocationTargetException e) {
            throw invalid(lambda, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw invalid(lambda, e);
        }
    }

    /**
     * {@return {@code capturing}'s {@code $deserializeLambda$} as a method handle, or null when
     * this module may not look into that class (then reflection, as Java deserialization does,
     * tries)}. Unlike {@code getDeclaredMethod}, which loads the classes of every method's
     * signature, this resolves that one method: a child whose start-up cache holds the capturing
     * class does not read the class path's jars for it.
     */
    private static MethodHandle deserializer(Class<?> capturing) {
        try {
            return MethodHandles.privateLookupIn(capturing, MethodHandles.lookup())
                    .findStatic(capturing, DESERIALIZE, MethodType.methodType(Object.class, SerializedLambda.class));
        } catch (ReflectiveOperationException | RuntimeException notOpenToUs) {
            return null;
        }
    }

    private static Object decodeShipped(byte[] bytes, int offset, int length) throws IOException, ClassNotFoundException {
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes, offset, length);
        DataInputStream in = new DataInputStream(stream);
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("bad count of shipped classes: " + count);
        }
        Map<String, byte[]> classes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int size = in.readInt();
            if (size < 0 || size > stream.available()) {
                throw new IOException("bad size of shipped class " + name + ": " + size);
            }
            classes.put(name, in.readNBytes(size));
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ShippedClasses.Loader loader = new ShippedClasses.Loader(classes,
                context != null ? context : ClassLoader.getSystemClassLoader());
        int start = offset + length - stream.available();
        Object[] pair = (Object[]) ShippedClasses.read(bytes, start, offset + length - start, loader);
        @SuppressWarnings("unchecked") // the parent wrote the statics as this map
        Map<String, Map<String, Object>> statics = (Map<String, Map<String, Object>>) pair[0];
        ShippedClasses.restore(statics, loader);
        return pair[1];
    }

    /** {@return the loader that defined {@code fn}'s shipped classes, or null if it has none} */
    static ClassLoader shippedLoader(Object fn) {
        ClassLoader loader = fn == null ? null : fn.getClass().getClassLoader();
        return loader instanceof ShippedClasses.Loader ? loader : null;
    }

    private static InvalidObjectException invalid(SerializedLambda lambda, Throwable cause) {
        InvalidObjectException e = new InvalidObjectException("cannot rebuild " + lambda + ": " + cause);
        e.initCause(cause);
        return e;
    }

    /** {@return the serialized form of a lambda or method reference that captures nothing, else null} */
    private static SerializedLambda captureFreeLambda(Object fn) {
        Class<?> type = fn.getClass();
        if (!type.isSynthetic()) {
            return null;
        }
        try {
            Method writeReplace = type.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(fn) instanceof SerializedLambda lambda && lambda.getCapturedArgCount() == 0
                    ? lambda
                    : null;
        } catch (ReflectiveOperationException | RuntimeException notOpenToUs) {
            return null; // e.g. a lambda in a module that does not open its package: serialize it
        }
    }
}
