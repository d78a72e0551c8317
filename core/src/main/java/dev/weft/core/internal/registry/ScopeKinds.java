package dev.weft.core.internal.registry;

/**
 * The kind the next scope opened on this thread is recorded as: an API built on {@code TaskScope}
 * ({@code TaskGroup}, {@code Async.run}) names itself just before it opens its scope.
 */
public final class ScopeKinds {
    /** The kind of a scope opened through {@code TaskScope} itself. */
    public static final String TASK_SCOPE = "TaskScope";
    /** The kind of a gather. */
    public static final String GATHER = "gather";

    private static final ThreadLocal<String> NEXT = new ThreadLocal<>();

    private ScopeKinds() {
    }

    /**
     * Says that the next scope this thread opens is a {@code kind}.
     *
     * @param kind the kind, as {@code TaskGroup}
     */
    public static void next(String kind) {
        NEXT.set(kind);
    }

    /** {@return the kind set by {@link #next}, forgetting it, or {@link #TASK_SCOPE}} */
    static String take() {
        String kind = NEXT.get();
        if (kind == null) {
            return TASK_SCOPE;
        }
        NEXT.remove();
        return kind;
    }
}
