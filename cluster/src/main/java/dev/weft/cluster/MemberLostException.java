package dev.weft.cluster;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown (as the cause of a {@link dev.weft.parallel.ParallelExecutionException}, or held in an
 * {@link dev.weft.core.Outcome.Failure}) for the inputs of a chunk that could not be run because
 * the members it was sent to kept leaving: a {@link ClusterPool} resends a chunk whose member left
 * before it reported, up to {@link ClusterOptions#maxAttempts()} times, or because the pool's own
 * connection to the cluster ended.
 *
 * <p>With {@code List<Outcome<Long>> outcomes = pool.mapOutcomes(Work::crunch, inputs, 1)}:
 *
 * {@snippet class=dev.weft.cluster.snippets.ClusterSnippets region=member-lost}
 *
 * <p>It is the cluster's {@link dev.weft.parallel.WorkerDiedException}. Python's
 * {@code multiprocessing} has no cluster; {@code concurrent.futures.process.BrokenProcessPool} is
 * the nearest thing.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only: lint "exports"
// would have it "transitive", making every user compile with JSpecify.
@SuppressWarnings("exports")
public final class MemberLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The members that were lost. */
    // List.copyOf gives an unmodifiable list of strings, which serializes; the field's type does not say so.
    @SuppressWarnings("serial")
    private final List<String> members;

    /**
     * Creates the exception.
     *
     * @param message what happened
     * @param members the members that left while running the chunk, as {@code host:port}, oldest
     *     first
     * @param cause what Hazelcast reported, may be null
     * @throws NullPointerException if {@code message} or {@code members} is null
     */
    public MemberLostException(String message, List<String> members, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.members = List.copyOf(Objects.requireNonNull(members, "members"));
    }

    /** {@return the members that left while running the chunk, as {@code host:port}, oldest first} */
    public List<String> members() {
        return members;
    }
}
