package dev.weft.core;

import dev.weft.core.internal.registry.LiveScopes;
import dev.weft.core.internal.registry.ScopeTree;

/**
 * What weft runs now, as a tree: every open {@link TaskScope} (also those of {@code gather},
 * {@code TaskGroup} and {@code Async.run}) with its running forks (name, thread state, age,
 * thread, the top frames of its stack), each nested scope under the fork (or scope) that opened
 * it, and the workers of live process pools. It is weft's {@code DebugProbes.dumpCoroutines()},
 * and a thread dump that knows which fork a thread is.
 *
 * {@snippet class=dev.weft.core.snippets.CoreSnippets region=scopes-dump}
 *
 * <p>The same tree is served without code changes by the platform MBean
 * {@code dev.weft:type=Scopes} (operations {@code dump} and {@code dumpJson}; JDK Mission
 * Control, jconsole), registered when the JVM opens its first scope (unless
 * {@code -Dweft.mbean=false}), and printed for a live process by {@link Dump}:
 * {@code java -cp weft-core.jar dev.weft.core.Dump <pid>}.
 *
 * <p>Compared with {@code jcmd <pid> Thread.dump_to_file -format=json}, which shows the JDK's
 * own {@code StructuredTaskScope} trees: this shows weft's scopes, with their names and counts.
 * The registry behind it holds each open scope weakly and drops it when it closes; it costs a fork
 * one entry in its scope's concurrent map and no lock.
 *
 * @since 0.1
 */
public final class Scopes {
    private Scopes() {
    }

    /**
     * Describes the open scopes and live pools of this JVM as indented text: one line a scope
     * ({@code scope "name" [kind] open 1.250 s, thread "main", 2 running of 5 forks}), a fork
     * ({@code fork "name" WAITING 1.100 s, thread "name"}) followed by its top stack frames, and a
     * pool worker ({@code worker pid 1234 RUNNING, chunk 7 (4 inputs), 12 tasks done}).
     *
     * @return the tree; its first line counts the scopes and pools
     */
    public static String dump() {
        return ScopeTree.now().text();
    }

    /**
     * Describes the same as {@link #dump()} as one JSON object:
     * {@code {"scopes": [...], "pools": [...]}}. A scope has {@code name}, {@code kind},
     * {@code ageMillis}, {@code thread}, {@code forksStarted}, {@code failures},
     * {@code cancellations}, {@code forks} and the {@code scopes} nested in it directly; a fork has
     * {@code name}, {@code state}, {@code ageMillis}, {@code thread}, {@code frames} and the
     * {@code scopes} it opened; a pool has {@code name}, {@code backend} and {@code workers}
     * ({@code id}, {@code state}, {@code chunk}, {@code tasksDone}).
     *
     * @return the JSON text
     */
    public static String dumpJson() {
        return ScopeTree.now().json();
    }

    /** {@return how many scopes (and gathers) are open now in this JVM} */
    public static int openScopes() {
        return LiveScopes.openCount();
    }

    /**
     * {@return how many forks (and gathered tasks) this JVM has started} The forks of a scope
     * that is still open are added 64 at a time, so up to 63 of them may not show yet; all are
     * counted once the scope has closed.
     */
    public static long forksStarted() {
        return LiveScopes.forksStarted();
    }
}
