package dev.weft.core.internal.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot of the open scopes as a tree, and its two renderings: {@link #text()} for a person,
 * {@link #json()} for a tool. A scope hangs under the innermost scope opened before it on the same
 * thread, else under the fork whose thread opened it, else at the root.
 */
public final class ScopeTree {
    /** How many frames of a fork's stack the dump shows, after the parking machinery. */
    static final int FRAMES = 4;
    /** The frames a parked thread has on top that say nothing of what it waits for. */
    private static final List<String> PARKING = List.of("jdk.internal.", "java.lang.VirtualThread",
            "java.lang.System$", "java.util.concurrent.locks.LockSupport", "java.util.concurrent.locks.AbstractQueuedSynchronizer",
            "java.util.concurrent.ForkJoinPool.managedBlock", "java.util.concurrent.ForkJoinPool.unmanagedBlock");

    /** A scope of the snapshot. */
    private static final class ScopeNode {
        final ScopeRecord record;
        final List<ForkNode> forks = new ArrayList<>();
        final List<ScopeNode> scopes = new ArrayList<>();

        ScopeNode(ScopeRecord record) {
            this.record = record;
        }
    }

    /** A fork of the snapshot, with the stack its thread had. */
    private static final class ForkNode {
        final ScopeRecord.Fork fork;
        final Thread.State state;
        final StackTraceElement[] frames;
        final List<ScopeNode> scopes = new ArrayList<>();

        ForkNode(ScopeRecord.Fork fork) {
            this.fork = fork;
            this.state = fork.thread().getState();
            this.frames = topFrames(fork.thread().getStackTrace());
        }
    }

    /** The first {@link #FRAMES} frames below the parking machinery (all of it if nothing else). */
    static StackTraceElement[] topFrames(StackTraceElement[] stack) {
        int first = 0;
        while (first < stack.length && isParking(stack[first])) {
            first++;
        }
        if (first == stack.length) {
            first = 0;
        }
        return java.util.Arrays.copyOfRange(stack, first, Math.min(stack.length, first + FRAMES));
    }

    private static boolean isParking(StackTraceElement frame) {
        String method = frame.getClassName() + "." + frame.getMethodName();
        for (String prefix : PARKING) {
            if (method.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private final long now;
    private final List<ScopeNode> roots = new ArrayList<>();
    private final List<PoolSource> pools;
    private final int scopeCount;

    private ScopeTree(List<ScopeRecord> open, List<PoolSource> pools) {
        this.now = System.nanoTime();
        this.pools = pools;
        this.scopeCount = open.size();
        List<ScopeNode> nodes = new ArrayList<>();
        Map<Thread, ForkNode> forkOfThread = new IdentityHashMap<>();
        for (ScopeRecord record : open) {
            ScopeNode node = new ScopeNode(record);
            for (ScopeRecord.Fork fork : record.runningForks()) {
                ForkNode forkNode = new ForkNode(fork);
                node.forks.add(forkNode);
                forkOfThread.put(fork.thread(), forkNode);
            }
            nodes.add(node);
        }
        for (int i = 0; i < nodes.size(); i++) {
            ScopeNode node = nodes.get(i);
            ScopeNode enclosing = null;
            for (int j = i - 1; j >= 0 && enclosing == null; j--) {
                if (nodes.get(j).record.owner() == node.record.owner()) {
                    enclosing = nodes.get(j); // opened before it on the same thread, not closed yet
                }
            }
            ForkNode openedBy = forkOfThread.get(node.record.owner());
            if (enclosing != null) {
                enclosing.scopes.add(node);
            } else if (openedBy != null) {
                openedBy.scopes.add(node);
            } else {
                roots.add(node);
            }
        }
    }

    /** {@return a snapshot of this JVM's open scopes and live pools} */
    public static ScopeTree now() {
        return new ScopeTree(LiveScopes.open(), LiveScopes.pools());
    }

    // ---------------------------------------------------------------- text

    /** {@return the tree as indented text, one line a scope, fork, frame or worker} */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("weft: ").append(scopeCount).append(scopeCount == 1 ? " open scope" : " open scopes")
                .append(", ").append(pools.size()).append(pools.size() == 1 ? " live pool" : " live pools").append('\n');
        for (ScopeNode root : roots) {
            scopeText(out, root, "");
        }
        for (PoolSource pool : pools) {
            out.append("pool \"").append(pool.name()).append("\" [").append(pool.backend()).append("]\n");
            for (PoolSource.Worker worker : pool.workers()) {
                out.append("  worker ").append(worker.id()).append(' ').append(worker.state())
                        .append(", chunk ").append(worker.chunk().isEmpty() ? "none" : worker.chunk())
                        .append(", ").append(worker.tasksDone()).append(" tasks done\n");
            }
        }
        return out.toString();
    }

    private void scopeText(StringBuilder out, ScopeNode node, String indent) {
        ScopeRecord r = node.record;
        out.append(indent).append("scope \"").append(r.name()).append("\" [").append(r.kind()).append("] open ")
                .append(age(r.openedNanos())).append(", thread \"").append(r.owner().getName()).append("\", ")
                .append(node.forks.size()).append(" running of ").append(r.forksStarted()).append(" forks");
        if (r.failures() > 0 || r.cancellations() > 0) {
            out.append(", ").append(r.failures()).append(" failed, ").append(r.cancellations()).append(" cancelled");
        }
        out.append('\n');
        String inner = indent + "  ";
        for (ForkNode fork : node.forks) {
            out.append(inner).append("fork \"").append(fork.fork.name()).append("\" ").append(fork.state)
                    .append(' ').append(age(fork.fork.startNanos())).append(", thread \"")
                    .append(fork.fork.thread().getName()).append("\"\n");
            for (int i = 0; i < fork.frames.length; i++) {
                out.append(inner).append("    at ").append(fork.frames[i]).append('\n');
            }
            for (ScopeNode nested : fork.scopes) {
                scopeText(out, nested, inner + "  ");
            }
        }
        for (ScopeNode nested : node.scopes) {
            scopeText(out, nested, inner);
        }
    }

    private String age(long since) {
        return String.format(Locale.ROOT, "%.3f s", Duration.ofNanos(Math.max(0, now - since)).toNanos() / 1e9);
    }

    // ---------------------------------------------------------------- JSON

    /**
     * {@return the tree as one JSON object}: {@code {"scopes": [...], "pools": [...]}}, each scope
     * with {@code name}, {@code kind}, {@code ageMillis}, {@code thread}, {@code forksStarted},
     * {@code failures}, {@code cancellations}, {@code forks} (each with {@code name}, {@code state},
     * {@code ageMillis}, {@code thread}, {@code frames} and its nested {@code scopes}) and nested
     * {@code scopes}; each pool with {@code name}, {@code backend} and {@code workers} ({@code id},
     * {@code state}, {@code chunk}, {@code tasksDone}).
     */
    public String json() {
        JsonWriter json = new JsonWriter();
        json.beginObject().name("scopes").beginArray();
        for (ScopeNode root : roots) {
            scopeJson(json, root);
        }
        json.endArray().name("pools").beginArray();
        for (PoolSource pool : pools) {
            json.beginObject().name("name").value(pool.name()).name("backend").value(pool.backend())
                    .name("workers").beginArray();
            for (PoolSource.Worker worker : pool.workers()) {
                json.beginObject().name("id").value(worker.id()).name("state").value(worker.state())
                        .name("chunk").value(worker.chunk()).name("tasksDone").value(worker.tasksDone())
                        .endObject();
            }
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString();
    }

    private void scopeJson(JsonWriter json, ScopeNode node) {
        ScopeRecord r = node.record;
        json.beginObject().name("name").value(r.name()).name("kind").value(r.kind())
                .name("ageMillis").value(millis(r.openedNanos())).name("thread").value(r.owner().getName())
                .name("forksStarted").value(r.forksStarted()).name("failures").value(r.failures())
                .name("cancellations").value(r.cancellations()).name("forks").beginArray();
        for (ForkNode fork : node.forks) {
            json.beginObject().name("name").value(fork.fork.name()).name("state").value(fork.state.name())
                    .name("ageMillis").value(millis(fork.fork.startNanos()))
                    .name("thread").value(fork.fork.thread().getName()).name("frames").beginArray();
            for (int i = 0; i < fork.frames.length; i++) {
                json.value(fork.frames[i].toString());
            }
            json.endArray().name("scopes").beginArray();
            for (ScopeNode nested : fork.scopes) {
                scopeJson(json, nested);
            }
            json.endArray().endObject();
        }
        json.endArray().name("scopes").beginArray();
        for (ScopeNode nested : node.scopes) {
            scopeJson(json, nested);
        }
        json.endArray().endObject();
    }

    private long millis(long since) {
        return Math.max(0, now - since) / 1_000_000L;
    }
}
