package dev.weft.cluster.internal;

import com.hazelcast.spi.impl.DelegatingCompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * Where to listen for the end of the future that {@code IExecutorService.submitToMember} returns,
 * without making Hazelcast start a thread per listener. That future is a
 * {@link DelegatingCompletableFuture} over Hazelcast's invocation future; a stage registered on
 * the outer future makes a new {@code DelegatingCompletableFuture}, which completes itself through
 * Hazelcast's default async executor, and where the JDK's common pool has a parallelism of 1 (a
 * machine of 2 cores or fewer) that executor starts a new platform thread for each completion. A
 * listener on the invocation future itself, with an executor that runs it in place, runs on the
 * thread that completes it and starts nothing. The signal carries no value (the invocation future
 * holds the reply still serialized): the reply is read from the outer future once it has ended.
 *
 * <pre>{@code
 * CompletionStage<?> signal = EndSignal.of(executor.submitToMember(task, member));
 * signal.whenCompleteAsync((ignored, alsoIgnored) -> readTheFuture(), Runnable::run);
 * }</pre>
 */
final class EndSignal {
    private EndSignal() {
    }

    /**
     * {@return the stage that completes when {@code future} ends: its invocation future if it
     * delegates to one, else {@code future} itself; null if it is no {@link CompletionStage} at all}
     *
     * @param future the future of one submission to a member
     */
    static CompletionStage<?> of(Future<?> future) {
        if (future instanceof DelegatingCompletableFuture<?> delegating
                && delegating.getDelegate() instanceof CompletionStage<?> invocation) {
            return invocation;
        }
        return future instanceof CompletionStage<?> stage ? stage : null;
    }
}
