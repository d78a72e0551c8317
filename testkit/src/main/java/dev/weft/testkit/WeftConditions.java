package dev.weft.testkit;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Conditions on weft objects for Awaitility's {@code until}: a task done, a queue drained or
 * joined, a scope with no fork running, a pool with no work in flight. Each is a
 * {@code Callable<Boolean>} whose {@code toString()} says what it waits for, to give Awaitility as
 * the alias, so that a timeout names the object:
 *
 * {@snippet class=dev.weft.testkit.snippets.TestkitSnippets region=conditions}
 *
 * <p>With {@code WeftConditions.joined(queue)} a timeout reads: {@code Condition with alias 'queue
 * JoinableQueue@1b6d3586 joined (every item taken and marked done)' didn't complete within 30
 * seconds}.
 *
 * <p>The parameters are the JDK types weft's types implement ({@code Task} is a {@link Future},
 * {@code JoinableQueue} a {@link BlockingQueue}, {@code TaskScope} and {@code Pool} are
 * {@link AutoCloseable}), because the testkit is built before the modules it tests and cannot
 * name their classes. What a JDK type cannot say (a queue's unfinished tasks, a scope's running
 * forks, a pool's idleness) is read through the weft type's own public method
 * ({@code JoinableQueue.unfinishedTasks()}, {@code TaskScope.runningForks()},
 * {@code Pool.isIdle()}); a condition that needs one refuses any other object at once with an
 * {@link IllegalArgumentException}. Without the alias, Awaitility names only this class.
 *
 * <p>Compared with a lambda ({@code until(task::isDone)}): the same test, with a name. Each call of
 * a condition reads the object's state anew; a condition may be reused.
 */
public final class WeftConditions {
    private static final ByName TASK_NAME = new ByName("dev.weft.core.Task", "name");
    private static final ByName SCOPE_NAME = new ByName("dev.weft.core.TaskScope", "name");
    private static final ByName RUNNING_FORKS = new ByName("dev.weft.core.TaskScope", "runningForks");
    private static final ByName UNFINISHED_TASKS = new ByName("dev.weft.sync.JoinableQueue", "unfinishedTasks");
    private static final ByName POOL_IDLE = new ByName("dev.weft.parallel.Pool", "isIdle");

    private WeftConditions() {
    }

    /** A condition with its description. */
    private record Named(String description, Callable<Boolean> test) implements Callable<Boolean> {
        @Override
        public Boolean call() throws Exception {
            return test.call();
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Holds once {@code task} is done: ended with a value or a failure, or cancelled
     * ({@link Future#isDone()}). Any {@code Future} will do; a weft {@code Task} is named by its
     * {@code name()}.
     *
     * @param task the task or future
     * @return the condition, described as {@code task 'NAME' done}
     * @throws NullPointerException if {@code task} is null
     */
    public static Callable<Boolean> done(Future<?> task) {
        Objects.requireNonNull(task, "task");
        return new Named("task " + named(task, TASK_NAME) + " done", task::isDone);
    }

    /**
     * Holds once {@code queue} is empty. Its items may still be in the consumers' hands: for a
     * {@code JoinableQueue}, {@link #joined} also waits until they were marked done.
     *
     * @param queue any queue
     * @return the condition, described as {@code queue ... drained (empty)}
     * @throws NullPointerException if {@code queue} is null
     */
    public static Callable<Boolean> drained(Queue<?> queue) {
        Objects.requireNonNull(queue, "queue");
        return new Named("queue " + identity(queue) + " drained (empty)", queue::isEmpty);
    }

    /**
     * Holds once a weft {@code JoinableQueue} has no unfinished task: every item put was taken and
     * marked done with {@code taskDone()}, so that {@code join()} returns at once (Python's
     * {@code unfinished_tasks == 0}). An empty queue may not be joined yet: a consumer still holds
     * its last item.
     *
     * @param queue a {@code dev.weft.sync.JoinableQueue}
     * @return the condition, described as {@code queue ... joined (every item taken and marked done)}
     * @throws NullPointerException if {@code queue} is null
     * @throws IllegalArgumentException if {@code queue} is no {@code JoinableQueue}
     */
    public static Callable<Boolean> joined(BlockingQueue<?> queue) {
        Objects.requireNonNull(queue, "queue");
        return query("queue " + identity(queue) + " joined (every item taken and marked done)",
                queue, UNFINISHED_TASKS, unfinished -> ((Long) unfinished) == 0);
    }

    /**
     * Holds once a weft {@code TaskScope} has no fork running ({@code runningForks() == 0}):
     * every fork made so far has ended, so that {@code join()} waits for nothing but the last
     * threads' exit. It holds for a scope that never forked, and may stop holding if a fork is made
     * afterwards.
     *
     * @param scope a {@code dev.weft.core.TaskScope}
     * @return the condition, described as {@code scope 'NAME' finished (no fork running)}
     * @throws NullPointerException if {@code scope} is null
     * @throws IllegalArgumentException if {@code scope} is no {@code TaskScope}
     */
    public static Callable<Boolean> finished(AutoCloseable scope) {
        Objects.requireNonNull(scope, "scope");
        return query("scope " + named(scope, SCOPE_NAME) + " finished (no fork running)",
                scope, RUNNING_FORKS, running -> ((Integer) running) == 0);
    }

    /**
     * Holds once a weft {@code Pool} (threads, processes or a cluster) has no work in flight
     * ({@code Pool.isIdle()}): every chunk submitted to it was reported.
     *
     * @param pool a {@code dev.weft.parallel.Pool}
     * @return the condition, described as {@code pool ... idle (no chunk in flight)}
     * @throws NullPointerException if {@code pool} is null
     * @throws IllegalArgumentException if {@code pool} is no {@code Pool}
     */
    public static Callable<Boolean> idle(AutoCloseable pool) {
        Objects.requireNonNull(pool, "pool");
        return query("pool " + identity(pool) + " idle (no chunk in flight)",
                pool, POOL_IDLE, idle -> (Boolean) idle);
    }

    private static Callable<Boolean> query(String description, Object target, ByName read, Predicate<Object> holds) {
        Method method = read.on(target).orElseThrow(() -> new IllegalArgumentException(
                "expected a " + read.type() + ", got a " + target.getClass().getName()));
        return new Named(description, () -> holds.test(ByName.call(method, target)));
    }

    /** {@return {@code 'name'} if {@code target} is of the weft type whose name {@code name} reads, else its identity} */
    private static String named(Object target, ByName name) {
        return name.on(target).map(m -> "'" + ByName.call(m, target) + "'").orElseGet(() -> identity(target));
    }

    /** {@return the simple class name and identity hash: stable, unlike {@code toString()}, which often shows state} */
    private static String identity(Object target) {
        Class<?> c = target.getClass();
        String name = c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName(); // anonymous: Outer$1
        return name + "@" + Integer.toHexString(System.identityHashCode(target));
    }
}
