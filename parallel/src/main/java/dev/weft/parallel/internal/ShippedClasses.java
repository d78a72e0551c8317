package dev.weft.parallel.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classes of a function that a child JVM cannot load by name, because they exist only in this
 * JVM (jshell's {@code REPL} classes, classes of a plugin's own class loader): their bytes travel
 * with the function and a {@link Loader} defines them in the child, as Python's {@code dill}
 * ships code. A class is shipped with every class of its loader it refers to, and with the values
 * of its static fields that serialize (jshell keeps its variables there).
 *
 * <pre>{@code
 * if (!ShippedClasses.loadableByName(type)) {
 *     Map<String, byte[]> classes = ShippedClasses.closure(List.of(type), "the function");
 * }
 * }</pre>
 */
final class ShippedClasses {
    private ShippedClasses() {
    }

    /**
     * {@return true if a child JVM, started with this JVM's class path and module path, loads
     * {@code type} by its name}: it comes from the boot, platform or application class loader.
     */
    static boolean loadableByName(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        ClassLoader loader = element.getClassLoader();
        return element.isPrimitive() || loader == null || loader == ClassLoader.getPlatformClassLoader()
                || loader == ClassLoader.getSystemClassLoader();
    }

    /**
     * Collects the bytes of {@code roots} that are not {@linkplain #loadableByName loadable by
     * name} and of every such class they refer to, transitively.
     *
     * @param roots the classes the function's object graph uses
     * @param what what the function is, for the message ("the function")
     * @return the classes to ship, by name
     * @throws IllegalArgumentException naming a class whose bytes cannot be read
     */
    static Map<String, Class<?>> closure(Collection<Class<?>> roots, String what) {
        Map<String, Class<?>> found = new LinkedHashMap<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>();
        for (Class<?> root : roots) {
            Class<?> element = root;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (!loadableByName(element) && found.putIfAbsent(element.getName(), element) == null) {
                toVisit.add(element);
            }
        }
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.poll();
            try {
                for (String name : ClassReferences.of(bytesOf(type, what))) {
                    Class<?> referenced = loadQuietly(name, type.getClassLoader());
                    if (referenced != null && !loadableByName(referenced)
                            && found.putIfAbsent(referenced.getName(), referenced) == null) {
                        toVisit.add(referenced);
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(what + " cannot be sent to a child JVM: the bytes of " + type.getName()
                        + " are not a readable class file (" + e.getMessage() + ")", e);
            }
        }
        return found;
    }

    /**
     * {@return the bytes of {@code type}'s class file, as its class loader gives them}
     *
     * @throws IllegalArgumentException if its loader does not give them
     */
    static byte[] bytesOf(Class<?> type, String what) {
        ClassLoader loader = type.getClassLoader();
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.isHidden() || loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in != null) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw cannotShip(type, what, "reading its bytes failed: " + e);
        }
        throw cannotShip(type, what, type.isHidden() ? "it is a hidden class"
                : "its class loader (" + loader + ") does not give its bytes as a resource");
    }

    private static IllegalArgumentException cannotShip(Class<?> type, String what, String why) {
        return new IllegalArgumentException(what + " cannot be sent to a child JVM: it uses " + type.getName()
                + ", a class that exists only in this JVM and that weft cannot send either (" + why + "). Run it with"
                + " Pool.threads, or put the class in a jar or directory on the class path (or module path)");
    }

    private static Class<?> loadQuietly(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError notAClass) {
            return null; // a string that looked like a class name, or a class this loader cannot see
        }
    }

    /**
     * {@return the values of the static fields of {@code classes} that a child must see}: not
     * final, not synthetic, not null, and serializable; the others keep their defaults there.
     */
    static Map<String, Map<String, Object>> statics(Collection<Class<?>> classes) {
        Map<String, Map<String, Object>> statics = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers) || field.isSynthetic()) {
                    continue;
                }
                Object value = staticValue(field);
                if (value != null && serializes(value)) {
                    values.put(field.getName(), value);
                }
            }
            if (!values.isEmpty()) {
                statics.put(type.getName(), values);
            }
        }
        return statics;
    }

    private static Object staticValue(Field field) {
        try {
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unreadable) {
            return null; // left at its default in the child
        }
    }

    private static boolean serializes(Object value) {
        try {
            JavaSerialization.toBytes(value);
            return true;
        } catch (IOException | RuntimeException notSerializable) {
            return false; // e.g. a jshell variable holding the pool itself
        }
    }

    /**
     * Sets the static fields of the classes {@code loader} defines to the values the parent sent.
     *
     * @throws ClassNotFoundException if a class of {@code statics} is missing
     */
    static void restore(Map<String, Map<String, Object>> statics, Loader loader) throws ClassNotFoundException {
        for (Map.Entry<String, Map<String, Object>> type : statics.entrySet()) {
            Class<?> defined = Class.forName(type.getKey(), false, loader);
            if (defined.getClassLoader() != loader) {
                continue; // the child has its own copy of that class: leave its state alone
            }
            for (Map.Entry<String, Object> value : type.getValue().entrySet()) {
                try {
                    Field field = defined.getDeclaredField(value.getKey());
                    field.setAccessible(true);
                    field.set(null, value.getValue());
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot restore " + type.getKey() + "." + value.getKey()
                            + " in the child: " + e, e);
                }
            }
        }
    }

    /**
     * Reads a Java-serialized object whose classes {@code loader} may define.
     *
     * @throws IOException if the bytes are not a serialized object
     * @throws ClassNotFoundException if a class is missing
     */
    static Object read(byte[] bytes, int offset, int length, Loader loader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes, offset, length)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
                return Class.forName(desc.getName(), false, loader);
            }
        }) {
            return in.readObject();
        }
    }

    /**
     * The child side: defines the shipped classes, asking its parent first, so that a class the
     * child has by name is the child's own. Gives their bytes as resources too, so a child's own
     * children can be sent them again.
     */
    static final class Loader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes, ClassLoader parent) {
            super("weft-shipped", parent);
            this.classes = Map.copyOf(classes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (name.endsWith(".class")) {
                byte[] bytes = classes.get(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                if (bytes != null) {
                    return new ByteArrayInputStream(bytes);
                }
            }
            return super.getResourceAsStream(name);
        }
    }
}
