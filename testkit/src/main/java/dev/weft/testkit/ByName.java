package dev.weft.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A public no-argument method of a type the testkit knows by name only: weft's own types, which it
 * may not compile against (every weft module's tests depend on the testkit, so the testkit cannot
 * depend on them), and Hazelcast's, which a user's tests may not have.
 *
 * <pre>{@code
 * ByName forks = new ByName("dev.weft.core.TaskScope", "runningForks");
 * forks.on(scope).map(m -> ByName.call(m, scope));   // empty if scope is no TaskScope
 * }</pre>
 *
 * <p>The method is always taken from the named type itself, never from the object's class, which
 * may be an implementation in a package its module does not export.
 *
 * @param type the binary name of the class or interface that declares the method
 * @param method the method's name
 */
record ByName(String type, String method) {

    /**
     * Finds a static method (or one to call on objects) of the type as {@code loader} sees it.
     *
     * @return the method, or empty if the type is not there
     * @throws IllegalStateException if the type is there without the method
     */
    Optional<Method> in(ClassLoader loader) {
        try {
            return Optional.of(declared(Class.forName(type, false, loader)));
        } catch (ClassNotFoundException | LinkageError notThere) {
            return Optional.empty();
        }
    }

    /**
     * Finds the method for {@code target}, if it is an instance of the type (looked up among its
     * class's supertypes, so no class loader has to be chosen).
     *
     * @return the method, or empty if {@code target} is no instance of the type
     */
    Optional<Method> on(Object target) {
        Deque<Class<?>> toVisit = new ArrayDeque<>();
        toVisit.add(target.getClass());
        while (!toVisit.isEmpty()) {
            Class<?> c = toVisit.remove();
            if (c.getName().equals(type)) {
                return Optional.of(declared(c));
            }
            if (c.getSuperclass() != null) {
                toVisit.add(c.getSuperclass());
            }
            toVisit.addAll(List.of(c.getInterfaces()));
        }
        return Optional.empty();
    }

    /**
     * Calls {@code found} on {@code target} ({@code null} for a static method). What the method
     * throws is rethrown as it is when unchecked.
     *
     * @throws IllegalStateException if it cannot be called or throws a checked exception
     */
    static Object call(Method found, Object target) {
        try {
            return found.invoke(target);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(describe(found) + " threw", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + describe(found), e);
        }
    }

    private static String describe(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName() + "()";
    }

    private Method declared(Class<?> c) {
        try {
            return c.getMethod(method);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no public " + method + "(): a weft version the testkit does not match", e);
        }
    }

    @Override
    public String toString() {
        return type + "." + method + "()";
    }
}
