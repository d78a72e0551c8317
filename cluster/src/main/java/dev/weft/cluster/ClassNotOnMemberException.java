package dev.weft.cluster;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown (as the cause of a {@link dev.weft.parallel.ParallelExecutionException}) when a member
 * could not run a function because a class of the function or of its inputs is not on that
 * member's class path. Every member of a cluster needs the classes of the work it is sent: the
 * application's jar, not only weft's and Hazelcast's.
 *
 * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=class-not-on-member}
 *
 * <p>Python's {@code multiprocessing} fails the same way (an {@code AttributeError} or
 * {@code ModuleNotFoundError} raised while unpickling in the worker); Java's own signal is the
 * {@link ClassNotFoundException} this exception carries as its cause.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class ClassNotOnMemberException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The name of the class the member could not load. */
    private final String className;
    /** The member that could not load it. */
    private final String member;

    /**
     * Creates the exception.
     *
     * @param className the name of the missing class
     * @param member the member that misses it, as {@code host:port}
     * @param cause the {@link ClassNotFoundException} or {@link NoClassDefFoundError}, may be null
     * @throws NullPointerException if {@code className} or {@code member} is null
     */
    public ClassNotOnMemberException(String className, String member, @Nullable Throwable cause) {
        super("class " + Objects.requireNonNull(className, "className") + " is not on the class path of cluster member "
                + Objects.requireNonNull(member, "member")
                + ": every member needs the classes of the function and of its inputs and results", cause);
        this.className = className;
        this.member = member;
    }

    /** {@return the fully qualified name of the class the member could not find} */
    public String className() {
        return className;
    }

    /** {@return the member that misses the class, as {@code host:port}} */
    public String member() {
        return member;
    }
}
