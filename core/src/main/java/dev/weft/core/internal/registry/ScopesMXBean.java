package dev.weft.core.internal.registry;

/**
 * The management interface of the platform MBean {@code dev.weft:type=Scopes}: two operations,
 * for JDK Mission Control, jconsole and {@code dev.weft.core.Dump}.
 */
public interface ScopesMXBean {
    /** {@return the open scopes and live pools as text, as {@code Scopes.dump()}} */
    String dump();

    /** {@return the same as JSON, as {@code Scopes.dumpJson()}} */
    String dumpJson();
}
