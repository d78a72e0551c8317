package dev.weft.core.internal.registry;

import dev.weft.core.Outcome;
import dev.weft.core.internal.ForkedTask;
import dev.weft.core.internal.Interruptions;
import dev.weft.core.internal.jfr.ForkEvent;
import dev.weft.core.internal.jfr.Recordings;
import dev.weft.core.internal.jfr.ScopeEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What weft knows of one open scope or gather: its name and kind, the thread that opened it, its
 * counts, and its running forks, for the dump ({@link LiveScopes}) and for the
 * {@code dev.weft.Scope} and {@code dev.weft.Fork} events. A {@code TaskScope} calls
 * {@link #openScope} when it opens, {@link #forkCounted} under its lock as it starts a fork,
 * {@link #forkStarted}/{@link #forkEnded} on each fork's thread and {@link #closed} when it
 * closes; a gather calls {@link #openGather}, {@link #gatherForkStarted}/{@link #gatherForkEnded}
 * and {@link #closed}.
 *
 * <p>A fork of a scope costs, without a recording, a plain count on the forking thread and, on
 * its own thread, one enabled-check (a success is not counted again at its end): its running
 * forks are read from the scope's own set of running tasks when a dump asks (each task knows its
 * thread and when it started), and a gather's from the gather's array of threads.
 */
public final class ScopeRecord {
    /**
     * Holds an instance to ask whether {@code dev.weft.Fork} is recorded (the check reads static
     * state); loaded only once a recording exists ({@link Recordings}), so a JVM's first scope
     * does not start the Flight Recorder's metadata.
     */
    private static final class Probe {
        static final ForkEvent FORK = new ForkEvent();
    }
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** A scope adds its forks to the JVM's count by this many at a time, and the rest at close. */
    private static final long FORKS_PER_ADD = 64;
    private static final VarHandle FORKS;

    static {
        try {
            FORKS = MethodHandles.lookup().findVarHandle(ScopeRecord.class, "forks", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One running fork of a scope. */
    record Fork(String name, Thread thread, long startNanos) {
    }

    private final String name;
    private final String kind;
    private final long deadlineNanos;
    private final long openedNanos = System.nanoTime();
    private final long sequence = SEQUENCE.incrementAndGet();
    private final Thread owner = Thread.currentThread();
    /** Forks started: written by one thread at a time (under the scope's lock), read by any. */
    private volatile long forks;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong cancellations = new AtomicLong();
    /** Reads the forks from the scope, which the record holds only weakly (through {@link #entry}). */
    private final Function<Object, ? extends Collection<? extends ForkedTask<?>>> running;
    private final AtomicReferenceArray<Thread> gatherThreads;
    private final ScopeEvent event;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LiveScopes.Entry entry;

    private ScopeRecord(Object owner, String name, String kind, Duration deadline,
                        Function<Object, ? extends Collection<? extends ForkedTask<?>>> running,
                        AtomicReferenceArray<Thread> gatherThreads) {
        this.name = name;
        this.kind = kind;
        this.deadlineNanos = deadline == null ? Long.MIN_VALUE : saturatedNanos(deadline);
        this.gatherThreads = gatherThreads;
        this.running = running;
        this.entry = LiveScopes.add(owner, this); // first: the registry's one-time set-up is not the scope's time
        ScopeEvent scopeEvent = Recordings.mayRecord() ? new ScopeEvent() : null;
        if (scopeEvent != null && scopeEvent.isEnabled()) {
            scopeEvent.begin();
            this.event = scopeEvent;
        } else {
            this.event = null;
        }
    }

    /** {@return whether {@code dev.weft.Fork} events are recorded now} */
    private static boolean forksRecorded() {
        return Recordings.mayRecord() && Probe.FORK.isEnabled();
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return d.isNegative() ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
    }

    /**
     * Records a {@code TaskScope} that opens now, on the calling thread; its kind is the one
     * {@link ScopeKinds#next} set on this thread, else {@code TaskScope}.
     *
     * @param scope the scope, held weakly
     * @param name its name
     * @param deadline its deadline, or null
     * @param running gives a scope's forks that may still run, called when a dump or the leak check
     *     asks; it must hold no reference to the scope (a method reference to a static method, or
     *     a lambda that captures nothing), so that a scope dropped without close can be collected
     * @param <S> the scope's type
     * @return its record
     */
    @SuppressWarnings("unchecked") // only ever applied to scope, which is an S
    public static <S> ScopeRecord openScope(S scope, String name, Duration deadline,
                                            Function<? super S, ? extends Collection<? extends ForkedTask<?>>> running) {
        return new ScopeRecord(scope, name, ScopeKinds.take(), deadline,
                (Function<Object, ? extends Collection<? extends ForkedTask<?>>>) running, null);
    }

    /**
     * Records a gather that starts now, whose task {@code i} runs on {@code threads.get(i)}.
     *
     * @param gather the gather, held weakly
     * @param name its name
     * @param threads its threads, read when a dump asks
     * @return its record
     */
    public static ScopeRecord openGather(Object gather, String name, AtomicReferenceArray<Thread> threads) {
        ScopeRecord record = new ScopeRecord(gather, name, ScopeKinds.GATHER, null, null, threads);
        FORKS.setRelease(record, (long) threads.length());
        LiveScopes.forksStarted(threads.length());
        return record;
    }

    // ---------------------------------------------------------------- forks of a scope

    /**
     * The scope starts a fork (a thread is made for it); called under the scope's lock, which
     * makes this the only writer: a release store, no atomic instruction. The JVM's count
     * ({@link LiveScopes#forksStarted()}) hears of them 64 at a time, and of the rest when
     * the scope closes: a shared counter raised once a fork cost its thread more.
     */
    public void forkCounted() {
        long counted = forks + 1;
        FORKS.setRelease(this, counted);
        if (counted % FORKS_PER_ADD == 0) {
            LiveScopes.forksStarted(FORKS_PER_ADD);
        }
    }

    /**
     * A fork's body starts, on its own thread.
     *
     * @param task the fork
     */
    public void forkStarted(ForkedTask<?> task) {
        if (forksRecorded()) {
            ForkEvent forkEvent = new ForkEvent();
            forkEvent.begin();
            task.attachEvent(forkEvent);
        }
    }

    /**
     * A fork has ended (on its thread, or on the caller's if it could not start).
     *
     * @param task the fork
     * @param outcome how its body ended
     * @param thread the thread that ran it, or null if it never ran
     */
    public void forkEnded(ForkedTask<?> task, Outcome<?> outcome, Thread thread) {
        ForkEvent forkEvent = task.event();
        if (forkEvent == null && outcome instanceof Outcome.Success<?> && !task.isCancelled()) {
            return; // the common case: nothing to count, nothing to record
        }
        String ended = task.isCancelled() ? "cancelled" : outcomeName(outcome);
        count(ended);
        if (forkEvent != null) {
            commitFork(forkEvent, task::name, ended, thread);
        }
    }

    /**
     * A fork was made after its scope was cancelled and never runs: its {@code dev.weft.Fork}
     * event (if recorded) is committed at once, on the forking thread, with outcome
     * {@code cancelled} and no thread.
     *
     * @param task the fork
     */
    public void forkCancelledBeforeStart(ForkedTask<?> task) {
        if (forksRecorded()) {
            ForkEvent forkEvent = new ForkEvent();
            forkEvent.begin();
            commitFork(forkEvent, task::name, "cancelled", null);
        }
    }

    private static String outcomeName(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Success<?> s -> "success";
            case Outcome.Failure<?> f -> "failure";
            case Outcome.Cancelled<?> c -> "cancelled";
        };
    }

    private void count(String outcome) {
        switch (outcome) {
            case "failure" -> failures.incrementAndGet();
            case "cancelled" -> cancellations.incrementAndGet();
            default -> { }
        }
    }

    /** Ends and, past its threshold, commits {@code forkEvent}; the fork's name is built only then. */
    private void commitFork(ForkEvent forkEvent, Supplier<String> forkName, String outcome, Thread thread) {
        forkEvent.end();
        if (forkEvent.shouldCommit()) {
            forkEvent.name = forkName.get();
            forkEvent.scope = name;
            forkEvent.outcome = outcome;
            forkEvent.thread = thread;
            forkEvent.commit();
        }
    }

    // ---------------------------------------------------------------- tasks of a gather

    /** {@return a started {@code dev.weft.Fork} event for a gathered task, or null if not recorded} */
    public ForkEvent gatherForkStarted() {
        if (!forksRecorded()) {
            return null;
        }
        ForkEvent forkEvent = new ForkEvent();
        forkEvent.begin();
        return forkEvent;
    }

    /**
     * A gathered task has ended, on its thread.
     *
     * @param forkEvent what {@link #gatherForkStarted()} returned
     * @param index the task's position
     * @param ran false if it was cancelled before it started
     * @param error what it threw, or null
     * @param cancelled whether the gather was cancelled
     */
    public void gatherForkEnded(ForkEvent forkEvent, int index, boolean ran, Throwable error, boolean cancelled) {
        if (forkEvent == null && error == null && ran) {
            return; // the common case: nothing to count, nothing to record
        }
        String ended = !ran || error != null && cancelled && Interruptions.isInterruption(error)
                ? "cancelled"
                : error == null ? "success" : "failure";
        count(ended);
        if (forkEvent != null) {
            commitFork(forkEvent, () -> name + "[" + index + "]", ended, Thread.currentThread());
        }
    }

    /**
     * Gathered tasks {@code from} (inclusive) to {@code to} (exclusive) never start (the gather
     * was cancelled first): their {@code dev.weft.Fork} events, if recorded, are committed now
     * with outcome {@code cancelled} and no thread.
     *
     * @param from the first task that never starts
     * @param to one past the last
     */
    public void gatherForksCancelledBeforeStart(int from, int to) {
        if (!forksRecorded()) {
            return;
        }
        for (int i = from; i < to; i++) {
            ForkEvent forkEvent = new ForkEvent();
            forkEvent.begin();
            int task = i;
            commitFork(forkEvent, () -> name + "[" + task + "]", "cancelled", null);
        }
    }

    // ---------------------------------------------------------------- end

    /** The scope has closed: it leaves the registry, and its {@code dev.weft.Scope} event is committed. */
    public void closed() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LiveScopes.remove(entry);
        if (running != null) {
            LiveScopes.forksStarted(forks % FORKS_PER_ADD); // a gather counted its tasks when it opened
        }
        if (event != null) {
            event.end();
            if (event.shouldCommit()) {
                event.name = name;
                event.kind = kind;
                event.forks = forks;
                event.failures = failures.get();
                event.cancellations = cancellations.get();
                event.deadline = deadlineNanos;
                event.commit();
            }
        }
    }

    // ---------------------------------------------------------------- for the dump

    long sequence() {
        return sequence;
    }

    String name() {
        return name;
    }

    String kind() {
        return kind;
    }

    Thread owner() {
        return owner;
    }

    long openedNanos() {
        return openedNanos;
    }

    long forksStarted() {
        return forks;
    }

    long failures() {
        return failures.get();
    }

    long cancellations() {
        return cancellations.get();
    }

    /**
     * {@return the threads of the scope's forks that are alive now} (a gather's threads are in
     * {@code LiveThreads} instead, so a gather has none here)
     */
    List<Thread> forkThreads() {
        List<Thread> threads = new ArrayList<>();
        if (running != null) {
            for (ForkedTask<?> task : forks()) {
                Thread thread = task.thread();
                if (thread != null && thread.isAlive()) {
                    threads.add(thread);
                }
            }
        }
        return threads;
    }

    /** {@return the scope's forks that may still run, or none if the scope was collected} */
    private Collection<? extends ForkedTask<?>> forks() {
        Object scope = entry.get();
        return scope == null ? List.of() : running.apply(scope);
    }

    /** {@return the forks running now, in start order} */
    List<Fork> runningForks() {
        List<Fork> now = new ArrayList<>();
        if (running != null) {
            for (ForkedTask<?> task : forks()) {
                Thread thread = task.runningThread();
                if (thread != null) {
                    now.add(new Fork(task.name(), thread, task.startNanos()));
                }
            }
            now.sort(java.util.Comparator.comparingLong(Fork::startNanos));
        } else {
            for (int i = 0; i < gatherThreads.length(); i++) {
                Thread thread = gatherThreads.get(i);
                if (thread != null && thread.isAlive()) {
                    now.add(new Fork(name + "[" + i + "]", thread, openedNanos));
                }
            }
        }
        return now;
    }
}
