package dev.weft.parallel;

import dev.weft.parallel.internal.ParentStreams;
import dev.weft.parallel.internal.WarmChildren;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The settings of a {@linkplain Pool#processes(ProcessPoolOptions) process pool}: how many child
 * JVMs, their JVM arguments, how many tasks each runs before it is replaced, what each runs first,
 * and how long a task may take. Immutable; made by a {@link Builder}.
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=process-pool-options}
 *
 * <p>These are the arguments of Python's {@code multiprocessing.Pool(processes, initializer,
 * initargs, maxtasksperchild)}, plus what a JVM needs (its arguments) and what Python lacks (a
 * per-task timeout); {@link java.util.concurrent.ThreadPoolExecutor}'s constructor arguments are the
 * in-process neighbour.
 *
 * <p><b>Warm starts.</b> Three settings make a pool's children start faster than a plain
 * {@code java} would, each on by default and each with its switch; none of them ever makes a
 * pool fail (without them, a child starts as it would have):
 * <ul>
 *   <li>{@link Builder#startupCache(boolean) startupCache}: the JDK's own start-up cache for the
 *       children's classes (an ahead-of-time cache with method profiles on JDK 25, an AppCDS archive
 *       on 21), made once per class path, JDK and JVM arguments, in the background, in
 *       {@code $XDG_CACHE_HOME/weft} or {@code ~/.cache/weft} (the system property
 *       {@code weft.cache.dir} chooses another directory). It needs a class path of jars; a class
 *       path with a directory (a build's {@code target/classes}) starts without it.</li>
 *   <li>{@link Builder#keepIdleWorkers(Duration) keepIdleWorkers}: the children of a closed pool
 *       are kept for a while, for the next pool with the same options in this JVM, which then
 *       starts in a few milliseconds. {@link #closeIdleWorkers()} stops them.</li>
 *   <li>{@link Builder#spareWorkers(int) spareWorkers}: children started before they are
 *       needed, each ready to replace a worker that dies or reaches {@link #maxTasksPerChild()}.</li>
 * </ul>
 * The JIT settings are part of {@link #DEFAULT_JVM_ARGS} (and so of {@link Builder#jvmArgs}):
 * they leave the warm steady state as fast as a plain JVM's.
 *
 * @since 0.1
 */
public final class ProcessPoolOptions {

    /**
     * The JVM arguments of a worker unless {@link Builder#jvmArgs} says otherwise: a small heap
     * ({@code -Xmx64m}), the serial collector, class data sharing, no perf-data file, and JIT
     * thresholds three times the usual ({@code -XX:CompileThresholdScaling=3}: the JIT compiles
     * less of the start-up code the two children share the cores with, and a hot loop of the
     * task is compiled a little later to the same code); together they make a pool of two
     * start about a quarter faster on two cores and weigh less.
     */
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:-UsePerfData", "-XX:CompileThresholdScaling=3");

    private final int workers;
    private final List<String> jvmArgs;
    private final int maxTasksPerChild;
    private final SerializableRunnable initializer;
    private final Duration taskTimeout;
    private final Consumer<String> stdout;
    private final Consumer<String> stderr;
    private final boolean startupCache;
    private final int spareWorkers;
    private final Duration keepIdleWorkers;

    /** How long the children of a closed pool are kept for the next pool unless {@link Builder#keepIdleWorkers} says otherwise. */
    public static final Duration DEFAULT_KEEP_IDLE_WORKERS = Duration.ofSeconds(10);

    private ProcessPoolOptions(Builder builder) {
        this.workers = builder.workers == null ? Runtime.getRuntime().availableProcessors() : builder.workers;
        this.jvmArgs = builder.jvmArgs == null ? DEFAULT_JVM_ARGS : builder.jvmArgs;
        this.maxTasksPerChild = builder.maxTasksPerChild == null ? 0 : builder.maxTasksPerChild;
        this.initializer = builder.initializer;
        this.taskTimeout = builder.taskTimeout;
        this.stdout = builder.stdout == null ? ParentStreams.STDOUT : builder.stdout;
        this.stderr = builder.stderr == null ? ParentStreams.STDERR : builder.stderr;
        this.startupCache = builder.startupCache == null || builder.startupCache;
        this.spareWorkers = builder.spareWorkers == null ? (maxTasksPerChild > 0 ? 1 : 0) : builder.spareWorkers;
        this.keepIdleWorkers = builder.keepIdleWorkers == null ? DEFAULT_KEEP_IDLE_WORKERS : builder.keepIdleWorkers;
    }

    /**
     * Stops the idle worker JVMs kept for reuse (those of closed pools, see
     * {@link Builder#keepIdleWorkers(Duration)}) and any start-up cache being made in the background,
     * and waits until they have ended; workers and spares of running pools go on. A JVM that exits
     * stops them by itself; call this to free their memory sooner, or in a test that checks that
     * nothing runs after it (weft's testkit calls it after each test).
     *
     * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=close-idle-workers}
     *
     * @return how many child JVMs were stopped
     * @since 0.1
     */
    public static int closeIdleWorkers() {
        return WarmChildren.SHARED.closeIdle();
    }

    /** {@return a new builder with every setting at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return how many child JVMs run tasks in parallel} */
    public int workers() {
        return workers;
    }

    /** {@return the arguments given to each child's {@code java} before its main class} */
    public List<String> jvmArgs() {
        return jvmArgs;
    }

    /** {@return how many tasks (chunks) a child runs before it is replaced; 0 for no limit} */
    public int maxTasksPerChild() {
        return maxTasksPerChild;
    }

    /** {@return what each child runs once before its first task, if anything} */
    public Optional<SerializableRunnable> initializer() {
        return Optional.ofNullable(initializer);
    }

    /** {@return how long one task (chunk) may run before its child is killed, if limited} */
    public Optional<Duration> taskTimeout() {
        return Optional.ofNullable(taskTimeout);
    }

    /** {@return where the lines the children print on their standard output go} */
    public Consumer<String> stdout() {
        return stdout;
    }

    /** {@return where the lines the children print on their standard error go} */
    public Consumer<String> stderr() {
        return stderr;
    }

    /** {@return whether children start with the JDK's start-up cache for their classes, when it can be made} */
    public boolean startupCache() {
        return startupCache;
    }

    /** {@return how many children a running pool keeps started and ready, beyond its workers, to replace one} */
    public int spareWorkers() {
        return spareWorkers;
    }

    /** {@return how long the children of this pool, once it is closed, are kept for the next pool with the same options; zero for not at all} */
    public Duration keepIdleWorkers() {
        return keepIdleWorkers;
    }

    @Override
    public String toString() {
        return "ProcessPoolOptions[workers=" + workers + ", jvmArgs=" + jvmArgs + ", maxTasksPerChild="
                + maxTasksPerChild + ", initializer=" + (initializer != null) + ", taskTimeout=" + taskTimeout
                + ", startupCache=" + startupCache + ", spareWorkers=" + spareWorkers + ", keepIdleWorkers="
                + keepIdleWorkers + "]";
    }

    /**
     * Builds {@link ProcessPoolOptions}. Each setting may be set once (a second call throws
     * {@link IllegalStateException}, as a likely mistake); {@link #build()} leaves the builder
     * usable for more pools.
     *
     * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=process-pool-options-builder}
     *
     * @since 0.1
     */
    public static final class Builder {
        private Integer workers;
        private List<String> jvmArgs;
        private Integer maxTasksPerChild;
        private SerializableRunnable initializer;
        private Duration taskTimeout;
        private Consumer<String> stdout;
        private Consumer<String> stderr;
        private Boolean startupCache;
        private Integer spareWorkers;
        private Duration keepIdleWorkers;

        private Builder() {
        }

        private static void once(Object current, String setting) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        /**
         * Sets how many child JVMs run in parallel. Default: the number of available processors.
         *
         * @param workers the number of workers
         * @return this builder
         * @throws IllegalArgumentException if {@code workers} is less than 1
         * @throws IllegalStateException if already set
         */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1: " + workers);
            }
            once(this.workers, "workers");
            this.workers = workers;
            return this;
        }

        /**
         * Sets the arguments of each child's {@code java} command, before the main class: heap
         * size, system properties, agents. Default: {@link #DEFAULT_JVM_ARGS}. weft adds the
         * flags its channel needs (JVM messages to standard error, exit on the first
         * {@code OutOfMemoryError}) first, then this JVM's module flags ({@code --add-opens},
         * {@code --add-exports}, {@code --add-reads}, {@code --add-modules}, {@code --patch-module},
         * {@code --limit-modules}, {@code --enable-preview}, {@code --enable-native-access}), then
         * these, then this JVM's class path and module path (with its main module added).
         *
         * @param jvmArgs the arguments, copied
         * @return this builder
         * @throws NullPointerException if {@code jvmArgs} or one of them is null
         * @throws IllegalStateException if already set
         */
        public Builder jvmArgs(List<String> jvmArgs) {
            List<String> copy = List.copyOf(Objects.requireNonNull(jvmArgs, "jvmArgs"));
            once(this.jvmArgs, "jvmArgs");
            this.jvmArgs = copy;
            return this;
        }

        /**
         * Sets how many tasks (chunks) a child runs before it is replaced by a fresh one, to bound
         * leaks in the code it runs (Python's {@code maxtasksperchild}). Default: 0, no limit.
         *
         * @param maxTasksPerChild the limit, or 0 for none
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder maxTasksPerChild(int maxTasksPerChild) {
            if (maxTasksPerChild < 0) {
                throw new IllegalArgumentException("maxTasksPerChild must not be negative: " + maxTasksPerChild);
            }
            once(this.maxTasksPerChild, "maxTasksPerChild");
            this.maxTasksPerChild = maxTasksPerChild;
            return this;
        }

        /**
         * Sets what each child runs once, before its first task (Python's {@code initializer}).
         * If it throws, the child cannot serve: the pool is broken, its pending work fails with a
         * {@link WorkerDiedException} whose cause is the initializer's exception, and new work is
         * refused. One that ends its JVM ({@code System.exit}, a crash) breaks the pool the same
         * way, as a child that cannot start. A task's timeout counts from the end of the
         * initializer. Default: none.
         *
         * @param initializer what to run in each child
         * @return this builder
         * @throws NullPointerException if {@code initializer} is null
         * @throws IllegalStateException if already set
         */
        public Builder initializer(SerializableRunnable initializer) {
            Objects.requireNonNull(initializer, "initializer");
            once(this.initializer, "initializer");
            this.initializer = initializer;
            return this;
        }

        /**
         * Sets how long one task (one chunk) may run. A child still running a task after that long
         * is killed; the task fails with a {@link java.util.concurrent.TimeoutException}, the
         * tasks queued behind it go to other workers, and a replacement starts. Default: no limit.
         *
         * @param taskTimeout the limit, positive
         * @return this builder
         * @throws NullPointerException if {@code taskTimeout} is null
         * @throws IllegalArgumentException if {@code taskTimeout} is zero or negative
         * @throws IllegalStateException if already set
         */
        public Builder taskTimeout(Duration taskTimeout) {
            Objects.requireNonNull(taskTimeout, "taskTimeout");
            if (taskTimeout.isZero() || taskTimeout.isNegative()) {
                throw new IllegalArgumentException("taskTimeout must be positive: " + taskTimeout);
            }
            once(this.taskTimeout, "taskTimeout");
            this.taskTimeout = taskTimeout;
            return this;
        }

        /**
         * Sets where the lines the children print on {@code System.out} go. Default: this JVM's
         * {@code System.out} (as it is when each line arrives). The sink is called on a pool
         * thread, one whole line at a time, never concurrently for one child.
         *
         * @param stdout the sink
         * @return this builder
         * @throws NullPointerException if {@code stdout} is null
         * @throws IllegalStateException if already set
         */
        public Builder stdout(Consumer<String> stdout) {
            Objects.requireNonNull(stdout, "stdout");
            once(this.stdout, "stdout");
            this.stdout = stdout;
            return this;
        }

        /**
         * Sets where the lines the children print on {@code System.err} go (their JVM's own
         * messages included). Default: this JVM's {@code System.err}.
         *
         * @param stderr the sink
         * @return this builder
         * @throws NullPointerException if {@code stderr} is null
         * @throws IllegalStateException if already set
         */
        public Builder stderr(Consumer<String> stderr) {
            Objects.requireNonNull(stderr, "stderr");
            once(this.stderr, "stderr");
            this.stderr = stderr;
            return this;
        }

        /**
         * Sets whether children start with the JDK's start-up cache for their classes: on JDK 25 an
         * ahead-of-time cache ({@code -XX:AOTCache}: classes loaded and linked, with method profiles;
         * JEP 483, 514, 515), on JDK 21 to 24 an AppCDS archive ({@code -XX:SharedArchiveFile}).
         * Default: true. It buys a child about a quarter of its start (measured in
         * {@code benchmarks/README.md}).
         *
         * <p>The cache is one file per class path (each jar's path, size and modification time), JDK
         * and JVM arguments, in {@code $XDG_CACHE_HOME/weft}, else {@code ~/.cache/weft} (the system
         * property {@code weft.cache.dir} names another directory). It is made once, in the
         * background, by a training child started a second after a first child is ready, and used
         * by the children started after it exists; until then, children start as without it. A
         * class path with a directory, a module path, JVM arguments that choose their own
         * class-data sharing ({@code -Xshare:off}, {@code -XX:SharedArchiveFile}, {@code -XX:AOT...}),
         * a directory that cannot be written, or a file the JVM cannot use (stale, corrupt): children
         * start without it, with a DEBUG log, and the JVM's messages about it are switched off.
         * {@code -Xshare:auto} (in {@link #DEFAULT_JVM_ARGS}) is left out of a command with the
         * cache, which the JDK refuses beside it.
         *
         * @param startupCache false to start every child without it
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder startupCache(boolean startupCache) {
            once(this.startupCache, "startupCache");
            this.startupCache = startupCache;
            return this;
        }

        /**
         * Sets how many children a running pool keeps started and ready beyond its workers, each
         * to replace at once a worker that dies, times out or reaches {@code maxTasksPerChild}
         * (then a new spare starts). A spare has run nothing: the pool's initializer runs in it when
         * it becomes a worker. Default: 1 when {@link #maxTasksPerChild(int)} is set (every child is
         * replaced then), else 0 (a spare costs a JVM's memory for a death that may never come).
         *
         * @param spareWorkers how many, 0 for none
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder spareWorkers(int spareWorkers) {
            if (spareWorkers < 0) {
                throw new IllegalArgumentException("spareWorkers must not be negative: " + spareWorkers);
            }
            once(this.spareWorkers, "spareWorkers");
            this.spareWorkers = spareWorkers;
            return this;
        }

        /**
         * Sets how long the children of this pool, once it is closed, are kept for the next pool of
         * this JVM with the same options (JVM arguments and initializer), which then takes them
         * instead of starting JVMs. Default: {@link #DEFAULT_KEEP_IDLE_WORKERS}; zero for never.
         *
         * <p>What holds for the next pool: its initializer runs again in each child, its
         * {@code maxTasksPerChild} counts from zero, its tasks find an empty function table, and
         * what the children print goes to its sinks. What the closed pool's {@code close()}
         * promised holds too: a child is kept only once it has answered every task it was sent, and
         * only if no thread its tasks started still runs (its main thread group is empty: a
         * virtual thread a task left running is not seen, so a task that starts one should run in
         * a pool with this set to zero); {@code terminate()} never keeps a child. What a kept child
         * still has: its loaded classes, compiled code and static fields, as a worker has between two
         * tasks of one pool. At most {@code max(4, 2 × processors)} children are kept in all; each
         * is stopped after this long idle, at this JVM's exit, or by {@link #closeIdleWorkers()}.
         *
         * @param keepIdleWorkers how long, zero for not at all
         * @return this builder
         * @throws NullPointerException if {@code keepIdleWorkers} is null
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder keepIdleWorkers(Duration keepIdleWorkers) {
            Objects.requireNonNull(keepIdleWorkers, "keepIdleWorkers");
            if (keepIdleWorkers.isNegative()) {
                throw new IllegalArgumentException("keepIdleWorkers must not be negative: " + keepIdleWorkers);
            }
            once(this.keepIdleWorkers, "keepIdleWorkers");
            this.keepIdleWorkers = keepIdleWorkers;
            return this;
        }

        /** {@return the options as set so far, the rest at their defaults} */
        public ProcessPoolOptions build() {
            return new ProcessPoolOptions(this);
        }
    }
}
