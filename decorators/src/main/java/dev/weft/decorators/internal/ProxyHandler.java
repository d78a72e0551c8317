package dev.weft.decorators.internal;

import dev.weft.decorators.Decorator;
import dev.weft.decorators.Doc;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@link InvocationHandler} of a decorated proxy: each interface method has its own
 * {@link Site} whose original calls the target's method; an exception thrown by the target is
 * unwrapped from {@link InvocationTargetException} and reaches the caller as itself.
 *
 * <p>{@code equals}, {@code hashCode} and {@code toString} are not decorated: a proxy equals a
 * decorated proxy of an equal target (and nothing else), and its hash code and string are the
 * target's.
 */
public final class ProxyHandler implements InvocationHandler {

    private static final Object[] NO_ARGS = {};

    private final Object target;
    private final Map<Method, Site> sites = new ConcurrentHashMap<>();
    /** Whether the proxy's own Method objects can call the target (no setAccessible was needed). */
    private final boolean passMethods;

    private ProxyHandler(Object target, boolean passMethods) {
        this.target = target;
        this.passMethods = passMethods;
    }

    /**
     * Makes a proxy of {@code iface} calling {@code target} through the decorators chosen per method.
     *
     * @param iface the interface
     * @param target the object called at the end of each chain
     * @param decoratorsOf the decorators of each method, outermost first
     * @param keyByMethod whether caches put the method in their keys (one cache for many methods)
     * @param <I> the interface type
     * @return the proxy
     * @throws IllegalArgumentException if {@code iface} is not an interface, is sealed, or its
     *     methods are not accessible to this module, or {@code target} does not implement it
     */
    public static <I> I create(Class<I> iface, I target, Function<Method, Decorator[]> decoratorsOf,
            boolean keyByMethod) {
        checkInterface(iface, target);
        List<Method> methods = proxiedMethods(iface);
        boolean passMethods = true;
        for (Method method : methods) {
            if (!method.canAccess(target)) {
                passMethods = false;
                makeAccessible(iface, method);
            }
        }
        ProxyHandler handler = new ProxyHandler(target, passMethods);
        for (Method method : methods) {
            Doc doc = method.getAnnotation(Doc.class);
            Site site = new Site(method.getName(), doc == null ? null : doc.value(), method,
                    decoratorsOf.apply(method), terminal(method, target), keyByMethod);
            handler.sites.put(method, site);
        }
        return iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler));
    }

    /**
     * Checks the arguments of a proxy factory.
     *
     * @param iface the interface
     * @param target the target
     * @throws NullPointerException if either is {@code null}
     * @throws IllegalArgumentException if {@code iface} is not a non-sealed interface that
     *     {@code target} implements
     */
    public static void checkInterface(Class<?> iface, Object target) {
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(target, "target");
        if (!iface.isInterface() || iface.isAnnotation()) {
            throw new IllegalArgumentException(iface.getName()
                    + " is not an interface: a decorated proxy implements an interface (use Decorate.function for a lambda)");
        }
        if (iface.isSealed()) {
            throw new IllegalArgumentException(iface.getName() + " is sealed: a proxy cannot implement it");
        }
        if (!iface.isInstance(target)) {
            throw new IllegalArgumentException("target " + target.getClass().getName() + " does not implement "
                    + iface.getName());
        }
    }

    /** {@return the interface's public instance methods, without those of {@code Object}} */
    public static List<Method> proxiedMethods(Class<?> iface) {
        List<Method> methods = new ArrayList<>();
        for (Method method : iface.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) && !isObjectMethod(method)) {
                methods.add(method);
            }
        }
        return methods;
    }

    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static void makeAccessible(Class<?> iface, Method method) {
        if (!method.trySetAccessible()) {
            throw new IllegalArgumentException(iface.getName() + "." + method.getName()
                    + " is not accessible to module dev.weft.decorators: make the interface public"
                    + " and export its package (or open it to dev.weft.decorators)");
        }
    }

    /**
     * Calls the target with the {@code Method} the proxy class passed in (a constant of the
     * proxy class, so the JIT can inline the reflective call), or with the site's own method for
     * a call that did not come through the proxy.
     */
    private static Terminal terminal(Method method, Object target) {
        return (context, args) -> {
            Method m = context instanceof Method passed ? passed : method;
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Site site = sites.get(method);
        if (site == null) {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            site = siteBySignature(method);
        }
        return site.invoke(passMethods ? method : null, args == null ? NO_ARGS : args);
    }

    /** A method equal in name and parameters to a known one (declared in two interfaces). */
    private Site siteBySignature(Method method) {
        for (Map.Entry<Method, Site> entry : sites.entrySet()) {
            Method known = entry.getKey();
            if (known.getName().equals(method.getName())
                    && Arrays.equals(known.getParameterTypes(), method.getParameterTypes())) {
                sites.put(method, entry.getValue());
                return entry.getValue();
            }
        }
        throw new IllegalStateException("no decorated method for " + method);
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                Object other = args[0];
                if (other == proxy) {
                    return true;
                }
                return other != null && Proxy.isProxyClass(other.getClass())
                        && Proxy.getInvocationHandler(other) instanceof ProxyHandler h
                        && target.equals(h.target);
            case "hashCode":
                return target.hashCode();
            case "toString":
                return target.toString();
            default:
                throw new IllegalStateException("unexpected Object method " + method);
        }
    }
}
