package dev.weft.parallel.context;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * A thread-local of the tests' own, registered in Micrometer's {@code ContextRegistry} through
 * {@code META-INF/services} (so a child JVM, which starts with this class path, registers it too):
 * the stand-in for an application's tracing or security holder.
 */
public final class TenantAccessor implements ThreadLocalAccessor<String> {
    /** The accessor's key. */
    public static final String KEY = "weft.test.tenant";
    /** The thread-local it reads and writes. */
    public static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public String getValue() {
        return TENANT.get();
    }

    @Override
    public void setValue(String value) {
        TENANT.set(value);
    }

    @Override
    public void setValue() {
        TENANT.remove();
    }
}
