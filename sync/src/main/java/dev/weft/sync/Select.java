package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.sync.internal.ChannelCore;
import dev.weft.sync.internal.ChannelWaiter;
import dev.weft.sync.internal.Claim;
import dev.weft.sync.internal.Selection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Waits on several channel operations at once and performs exactly one of them: Go's
 * {@code select}, Kotlin's {@code select {}}, Ox's {@code select} and {@code selectOrClosed}.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=select}
 *
 * <p><b>Clauses.</b> {@link Channel#onReceive()} and {@link Channel#onReceive(Function)} receive
 * from a channel; {@link Channel#onSend(Object, Supplier)} sends to one; {@link #timeout} gives up
 * after a while; {@link #otherwise} runs at once if no other clause is ready (Go's
 * {@code default}). {@link #of} performs one clause and returns what that clause's function
 * returned; the function runs in the calling thread, after the operation, outside any lock.
 *
 * <p><b>Which clause.</b> If some clauses are ready when the select starts (an element to
 * receive, room or a receiver for a send, a closed channel), one of them is chosen uniformly at
 * random among those ready: the channels are examined together, under their locks, from a random
 * start, so each ready clause is chosen with probability at least 1/n of the n channel clauses and
 * no channel starves, whatever the others do. Otherwise the select waits for the first channel
 * that becomes ready, the timeout, or an interrupt.
 *
 * <p><b>Nothing lost.</b> While it waits, the select is registered in the wait queue of every
 * channel; all the registrations share one claim, which the first event takes in a single
 * atomic step. So exactly one operation happens: the element of a send clause that was not
 * chosen is never sent, a receive clause that was not chosen takes nothing, and a select that
 * gives up (timeout or interrupt) has done nothing. An interrupt that comes after an operation
 * was done does not undo it: the select runs that clause and returns, with the interrupt flag
 * set. A select called with the flag set throws {@link InterruptedException} at once.
 *
 * <p><b>Closed channels.</b> A clause whose channel is closed (closed and drained, for a
 * receive) is ready. {@link #of} then throws {@link ChannelClosedException};
 * {@link #orClosed} returns {@link Closed}, naming the channel, so that a fan-in can drop it and
 * go on with the others:
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=select-or-closed}
 *
 * <p>{@code java.util.concurrent} has no counterpart: a thread that waits on several
 * {@code BlockingQueue}s must poll them in turn.
 *
 * @since 0.1
 */
// The @Nullable here is org.jspecify's, which module-info requires "static" only.
@SuppressWarnings("exports")
public final class Select {
    private static final Comparator<ChannelCore> LOCK_ORDER = Comparator.comparingLong(ChannelCore::id);

    private Select() {
    }

    /**
     * One operation a {@link Select} may perform, with what to do after it. Made by
     * {@link Channel#onReceive}, {@link Channel#onSend}, {@link #timeout} and {@link #otherwise};
     * immutable, so one clause can serve in many selects.
     *
     * @param <R> what the select returns when this clause is chosen
     * @since 0.1
     */
    public static final class Clause<R extends @Nullable Object> {
        private enum Kind { RECEIVE, SEND, TIMEOUT, OTHERWISE }

        private final Kind kind;
        private final @Nullable Channel<?> channel;
        private final @Nullable Object element;
        private final @Nullable Function<Object, ? extends R> onValue;
        private final @Nullable Supplier<? extends R> onDone;
        private final long nanos;

        private Clause(Kind kind, @Nullable Channel<?> channel, @Nullable Object element,
                @Nullable Function<Object, ? extends R> onValue, @Nullable Supplier<? extends R> onDone,
                long nanos) {
            this.kind = kind;
            this.channel = channel;
            this.element = element;
            this.onValue = onValue;
            this.onDone = onDone;
            this.nanos = nanos;
        }

        static <T, R extends @Nullable Object> Clause<R> receive(Channel<T> channel,
                Function<? super T, ? extends R> then) {
            return new Clause<>(Kind.RECEIVE, channel, null, x -> then.apply(Channel.cast(x)), null, 0L);
        }

        static <T, R extends @Nullable Object> Clause<R> send(Channel<T> channel, T element,
                Supplier<? extends R> then) {
            return new Clause<>(Kind.SEND, channel, element, null, then, 0L);
        }

        private boolean isChannel() {
            return kind == Kind.RECEIVE || kind == Kind.SEND;
        }

        private ChannelCore core() {
            return Objects.requireNonNull(channel).core();
        }

        /** {@return what the clause does, for diagnostics} */
        @Override
        public String toString() {
            return switch (kind) {
                case RECEIVE -> "onReceive(" + channel + ")";
                case SEND -> "onSend(" + channel + ", " + element + ")";
                case TIMEOUT -> "timeout(" + Duration.ofNanos(nanos) + ")";
                case OTHERWISE -> "otherwise";
            };
        }
    }

    /**
     * {@return a clause chosen when no other clause became ready within {@code timeout}} Kotlin's
     * {@code onTimeout}. A zero or negative timeout does not wait, as {@link #otherwise}.
     *
     * @param timeout how long to wait
     * @param then what the select returns then
     * @param <R> the select's result type
     * @throws NullPointerException if an argument is null
     */
    public static <R extends @Nullable Object> Clause<R> timeout(Duration timeout, Supplier<? extends R> then) {
        long nanos = Durations.toTimeoutNanos(timeout);
        Objects.requireNonNull(then, "then");
        return new Clause<>(Clause.Kind.TIMEOUT, null, null, null, then, nanos);
    }

    /**
     * {@return a clause chosen at once if no other clause is ready: the select does not wait}
     * Go's {@code default}.
     *
     * @param then what the select returns then
     * @param <R> the select's result type
     * @throws NullPointerException if {@code then} is null
     */
    public static <R extends @Nullable Object> Clause<R> otherwise(Supplier<? extends R> then) {
        Objects.requireNonNull(then, "then");
        return new Clause<>(Clause.Kind.OTHERWISE, null, null, null, then, 0L);
    }

    /**
     * What {@link #orClosed} found: a clause ran, or a channel was closed.
     *
     * @param <R> the clauses' result type
     * @since 0.1
     */
    public sealed interface Result<R extends @Nullable Object> permits Chosen, Closed {
    }

    /**
     * A clause ran and returned {@code value}.
     *
     * @param value what the clause's function returned
     * @param <R> the clauses' result type
     * @since 0.1
     */
    public record Chosen<R extends @Nullable Object>(R value) implements Result<R> {
    }

    /**
     * The channel of a clause was closed: closed and drained for a receive clause, closed for a
     * send clause. Nothing was sent or received.
     *
     * @param channel the channel
     * @param cause the failure, if it was {@linkplain Channel#fail failed} rather than closed
     * @param <R> the clauses' result type
     * @since 0.1
     */
    public record Closed<R extends @Nullable Object>(Channel<?> channel, Optional<Throwable> cause)
            implements Result<R> {
        /**
         * Checks the components.
         *
         * @throws NullPointerException if one is null
         */
        public Closed {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * Performs exactly one of {@code clauses}, waiting until one is ready, and returns its result.
     *
     * @param clauses the clauses: at least one; at most one of them a {@link #timeout} or an
     *     {@link #otherwise}
     * @param <R> the result type
     * @return what the chosen clause's function returned
     * @throws NullPointerException if {@code clauses} or one of them is null
     * @throws IllegalArgumentException if there is no clause, or more than one timeout/otherwise
     * @throws ChannelClosedException if the clause chosen is one whose channel is closed (its
     *     cause is the failure, if the channel failed)
     * @throws InterruptedException if interrupted before any operation was performed; none was
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, through a list view
    public static <R extends @Nullable Object> R of(Clause<? extends R>... clauses) throws InterruptedException {
        return of(Arrays.asList(Objects.requireNonNull(clauses, "clauses")));
    }

    /**
     * Performs exactly one of {@code clauses}: {@link #of(Clause[])} for a list.
     *
     * @param clauses the clauses
     * @param <R> the result type
     * @return what the chosen clause's function returned
     * @throws NullPointerException if {@code clauses} or one of them is null
     * @throws IllegalArgumentException if there is no clause, or more than one timeout/otherwise
     * @throws ChannelClosedException if the clause chosen is one whose channel is closed
     * @throws InterruptedException if interrupted before any operation was performed; none was
     */
    public static <R extends @Nullable Object> R of(List<? extends Clause<? extends R>> clauses)
            throws InterruptedException {
        Result<R> result = orClosed(clauses);
        return switch (result) {
            case Chosen<R> chosen -> chosen.value();
            case Closed<R> closed -> throw ChannelCore.closedException(closed.cause().orElse(null));
        };
    }

    /**
     * Performs exactly one of {@code clauses}, or reports a closed channel: Ox's
     * {@code selectOrClosed}.
     *
     * @param clauses the clauses: at least one; at most one of them a {@link #timeout} or an
     *     {@link #otherwise}
     * @param <R> the result type
     * @return {@link Chosen} with what the chosen clause returned, or {@link Closed} naming the
     *     channel of a chosen clause that was closed
     * @throws NullPointerException if {@code clauses} or one of them is null
     * @throws IllegalArgumentException if there is no clause, or more than one timeout/otherwise
     * @throws InterruptedException if interrupted before any operation was performed; none was
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, through a list view
    public static <R extends @Nullable Object> Result<R> orClosed(Clause<? extends R>... clauses)
            throws InterruptedException {
        return orClosed(Arrays.asList(Objects.requireNonNull(clauses, "clauses")));
    }

    /**
     * Performs exactly one of {@code clauses}, or reports a closed channel:
     * {@link #orClosed(Clause[])} for a list.
     *
     * @param clauses the clauses
     * @param <R> the result type
     * @return {@link Chosen} or {@link Closed}
     * @throws NullPointerException if {@code clauses} or one of them is null
     * @throws IllegalArgumentException if there is no clause, or more than one timeout/otherwise
     * @throws InterruptedException if interrupted before any operation was performed; none was
     */
    public static <R extends @Nullable Object> Result<R> orClosed(List<? extends Clause<? extends R>> clauses)
            throws InterruptedException {
        Objects.requireNonNull(clauses, "clauses");
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("a select needs at least one clause");
        }
        Clause<? extends R> fallback = null;
        List<Clause<? extends R>> ops = new ArrayList<>(clauses.size());
        for (Clause<? extends R> c : clauses) {
            Objects.requireNonNull(c, "clause");
            if (c.isChannel()) {
                ops.add(c);
            } else if (fallback != null) {
                throw new IllegalArgumentException("at most one timeout or otherwise clause, not "
                        + fallback + " and " + c);
            } else {
                fallback = c;
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        boolean waits = fallback == null || (fallback.kind == Clause.Kind.TIMEOUT && fallback.nanos > 0);
        boolean timed = fallback != null;
        long deadline = timed ? System.nanoTime() + fallback.nanos : 0L;
        if (ops.isEmpty()) {
            if (waits) {
                new Selection().await(true, deadline);    // nothing can claim it: waits out the timeout
            }
            return new Chosen<>(Objects.requireNonNull(fallback).onDone.get());
        }
        return run(ops, fallback, waits, timed, deadline);
    }

    private static <R extends @Nullable Object> Result<R> run(List<Clause<? extends R>> ops,
            @Nullable Clause<? extends R> fallback, boolean waits, boolean timed, long deadline)
            throws InterruptedException {
        int n = ops.size();
        ChannelCore[] cores = ops.stream().map(Clause::core).distinct().sorted(LOCK_ORDER)
                .toArray(ChannelCore[]::new);
        Claim claim = null;
        Selection selection = null;
        ChannelWaiter[] waiters = null;
        lockAll(cores);
        try {
            int start = ThreadLocalRandom.current().nextInt(n);
            for (int i = 0; i < n && claim == null; i++) {
                int k = (start + i) % n;
                claim = tryNow(ops.get(k), k);
            }
            if (claim == null && waits) {
                selection = new Selection();
                waiters = new ChannelWaiter[n];
                for (int k = 0; k < n; k++) {
                    Clause<? extends R> c = ops.get(k);
                    waiters[k] = c.kind == Clause.Kind.RECEIVE
                            ? c.core().enqueueReceiverLocked(selection, k)
                            : c.core().enqueueSenderLocked(selection, k, Objects.requireNonNull(c.element));
                }
            }
        } finally {
            unlockAll(cores);
        }
        if (claim == null && selection != null) {
            try {
                claim = selection.await(timed, deadline);
            } finally {
                for (int k = 0; k < n; k++) {
                    ops.get(k).core().remove(Objects.requireNonNull(waiters)[k]);
                }
            }
        }
        if (claim == null) {
            return new Chosen<>(Objects.requireNonNull(Objects.requireNonNull(fallback).onDone).get());
        }
        Clause<? extends R> chosen = ops.get(claim.clause());
        if (claim.closed()) {
            return new Closed<>(Objects.requireNonNull(chosen.channel), Optional.ofNullable(claim.cause()));
        }
        R value = chosen.kind == Clause.Kind.RECEIVE
                ? Objects.requireNonNull(chosen.onValue).apply(Objects.requireNonNull(claim.item()))
                : Objects.requireNonNull(chosen.onDone).get();
        return new Chosen<>(value);
    }

    /** Performs {@code c} if it is ready, under its channel's lock. */
    private static @Nullable Claim tryNow(Clause<?> c, int k) {
        ChannelCore core = c.core();
        if (c.kind == Clause.Kind.RECEIVE) {
            Object x = core.pollLocked();
            if (x == ChannelCore.EMPTY) {
                return null;
            }
            return x == ChannelCore.CLOSED ? new Claim(k, null, true, core.causeLocked())
                    : new Claim(k, x, false, null);
        }
        int r = core.offerLocked(Objects.requireNonNull(c.element));
        if (r == ChannelCore.FULL) {
            return null;
        }
        return new Claim(k, null, r == ChannelCore.SHUT, r == ChannelCore.SHUT ? core.causeLocked() : null);
    }

    private static void lockAll(ChannelCore[] cores) {
        for (ChannelCore c : cores) {
            c.lock();
        }
    }

    private static void unlockAll(ChannelCore[] cores) {
        for (int i = cores.length - 1; i >= 0; i--) {
            cores[i].unlock();
        }
    }
}
