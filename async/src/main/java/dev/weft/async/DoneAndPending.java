package dev.weft.async;

import dev.weft.core.Task;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The two sets {@link Async#awaitTasks} returns: the tasks that had ended and those still
 * running, as Python's {@code done, pending = await asyncio.wait(tasks)} (and
 * {@code concurrent.futures.wait}'s {@code DoneAndNotDoneFutures}).
 *
 * {@snippet class=dev.weft.async.snippets.AsyncSnippets region=done-and-pending}
 *
 * <p>Both sets keep the order in which the tasks were given and cannot be modified. The split is a
 * snapshot taken as the call returned: a task in {@link #pending()} may have ended since.
 *
 * @param done the tasks that had ended
 * @param pending the tasks that had not
 * @param <T> the type of the tasks' results
 * @since 0.1
 */
public record DoneAndPending<T>(Set<Task<T>> done, Set<Task<T>> pending) {

    /**
     * Creates the pair, keeping unmodifiable copies of both sets in their iteration order.
     *
     * @param done the tasks that had ended
     * @param pending the tasks that had not
     * @throws NullPointerException if a set or one of its tasks is null
     */
    public DoneAndPending {
        done = frozenCopy(done, "done");
        pending = frozenCopy(pending, "pending");
    }

    private static <T> Set<Task<T>> frozenCopy(Set<Task<T>> tasks, String name) {
        Objects.requireNonNull(tasks, name);
        Set<Task<T>> copy = new LinkedHashSet<>(tasks.size() * 2);
        for (Task<T> task : tasks) {
            copy.add(Objects.requireNonNull(task, name + " holds a null task"));
        }
        return Collections.unmodifiableSet(copy);
    }
}
