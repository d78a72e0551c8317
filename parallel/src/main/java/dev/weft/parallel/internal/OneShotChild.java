package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.core.TaskFailedException;
import dev.weft.core.internal.ForkContext;
import dev.weft.parallel.WorkerDiedException;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The child of a {@code JvmProcess}: one TASK frame, then the end of its input; the child answers
 * and exits (status 1 if the function threw). Started by {@link #startTalking}, the child of a
 * {@code TalkingProcess}: its input stays open for the MESSAGE frames of a pipe, both ways.
 *
 * @param <R> the type of the result
 */
public final class OneShotChild<R> implements ChildJvm.Listener {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ReentrantLock lock = new ReentrantLock();
    private ChildJvm child;
    private Outcome<R> outcome;
    private volatile Mailbox inbox;

    private OneShotChild() {
    }

    /**
     * Serializes {@code fn} and {@code arg}, with the calling thread's context (which the child
     * installs around the function), then starts the child.
     *
     * @param fn the function
     * @param arg the argument
     * @param jvmArgs the child's JVM arguments
     * @param <R> the type of the result
     * @return the running child
     * @throws IllegalArgumentException if something does not serialize
     * @throws IllegalStateException if the JVM cannot start, or this JVM's layout cannot start children
     */
    public static <R> OneShotChild<R> start(Object fn, Object arg, List<String> jvmArgs) {
        LaunchLayout.current().requireSupported();
        byte[] function = ChunkCodec.function(fn, ChunkCodec.CHILD_JVM);
        byte[] args = ChunkCodec.inputs(Collections.singletonList(arg), 0, ChunkCodec.CHILD_JVM, ForkContext.capture());
        OneShotChild<R> process = new OneShotChild<>();
        ChildJvm child;
        try {
            child = ChildJvm.start("weft-process-" + COUNTER.incrementAndGet(), jvmArgs, List.of("--once"),
                    ParentStreams.STDOUT, ParentStreams.STDERR, process);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a child JVM: " + e, e);
        }
        process.child = child;
        child.listen();
        try {
            child.writer().task(1, 0, 1, function, args);
            child.writer().flush();
        } catch (IOException e) {
            // The child is already gone; its reader reports how it ended.
        }
        child.closeInput();
        return process;
    }

    /**
     * Serializes {@code fn}, then starts a child that runs it with {@code --talk}: its input stays
     * open for the messages of a pipe, which arrive in {@code inbox}; {@link #outbox()} sends to it.
     *
     * @param fn the function (its argument is null)
     * @param jvmArgs the child's JVM arguments
     * @param inbox where the child's messages go; closed when it has answered, failed if it died
     * @param <R> the type of the result
     * @return the running child
     * @throws IllegalArgumentException if the function does not serialize
     * @throws IllegalStateException if the JVM cannot start, or this JVM's layout cannot start children
     */
    public static <R> OneShotChild<R> startTalking(Object fn, List<String> jvmArgs, Mailbox inbox) {
        LaunchLayout.current().requireSupported();
        byte[] function = ChunkCodec.function(fn, ChunkCodec.CHILD_JVM);
        byte[] args = ChunkCodec.inputs(Collections.singletonList(null), 0, ChunkCodec.CHILD_JVM);
        OneShotChild<R> process = new OneShotChild<>();
        process.inbox = inbox;
        try {
            process.child = ChildJvm.start("weft-process-" + COUNTER.incrementAndGet(), jvmArgs, List.of("--talk"),
                    ParentStreams.STDOUT, ParentStreams.STDERR, process);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a child JVM: " + e, e);
        }
        process.child.listen();
        try {
            process.child.writer().task(1, 0, 1, function, args);
            process.child.writer().flush();
        } catch (IOException e) {
            // The child is already gone; its reader reports how it ended.
        }
        return process;
    }

    /** {@return where messages to a talking child go: MESSAGE frames, then the end of its input} */
    public Outbox outbox() {
        return new Outbox() {
            @Override
            public void send(byte[] message) throws IOException {
                child.writer().bytes(Frames.MESSAGE, message, 0, message.length);
                child.writer().flush();
            }

            @Override
            public void close() {
                child.closeInput();
            }
        };
    }

    @Override
    public void message(byte type, byte[] payload) throws IOException {
        Mailbox box = inbox;
        if (box == null) {
            throw new Frames.CorruptChannelException("a message frame from a child that does not talk");
        }
        if (type == Frames.MESSAGE_END) {
            box.close();
            return;
        }
        try {
            box.put(JavaSerialization.fromBytes(payload, 0, payload.length));
        } catch (ClassNotFoundException e) {
            box.fail(e);
        }
    }

    public long pid() {
        return child.pid();
    }

    public boolean isAlive() {
        return child.process().isAlive();
    }

    public OptionalInt exitCode() {
        Process process = child.process();
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    public void terminate() {
        child.process().destroy();
    }

    public void kill() {
        child.kill();
    }

    public void awaitGone() throws InterruptedException {
        while (!child.awaitGone(Duration.ofDays(1))) {
            // keep waiting
        }
    }

    public boolean awaitGone(Duration timeout) throws InterruptedException {
        return child.awaitGone(timeout);
    }

    public R result() throws InterruptedException {
        awaitGone();
        Outcome<R> ended;
        lock.lock();
        try {
            ended = outcome;
        } finally {
            lock.unlock();
        }
        String name = "JvmProcess[pid " + pid() + "]";
        return switch (ended) {
            case Outcome.Success<R> s -> s.value();
            case Outcome.Failure<R> f -> throw new TaskFailedException(name, f.error());
            case Outcome.Cancelled<R> c -> throw new IllegalStateException(name + " was cancelled");
        };
    }

    @Override
    public void ready() {
    }

    @Override
    public void initialized() {
        // a one-shot child is sent no initializer
    }

    @Override
    @SuppressWarnings("unchecked") // the function returns R
    public void result(long chunkId, byte[] body, int offset) {
        Outcome<R> decoded = (Outcome<R>) ChunkCodec.decodeReply(body, offset, body.length - offset, 0, 1).get(0);
        lock.lock();
        try {
            outcome = decoded;
        } finally {
            lock.unlock();
        }
        Mailbox box = inbox;
        if (box != null) {
            box.close(); // the task has answered: it sends nothing more
        }
    }

    @Override
    public void fatal(ErrorPayload error) {
    }

    @Override
    public void exited(int exitCode, List<String> stderrTail, String channelError) {
        Outcome<R> ended;
        lock.lock();
        try {
            if (outcome == null) {
                String why = channelError != null ? channelError : "it exited before it answered";
                outcome = Outcome.failure(new WorkerDiedException("the child JVM (pid " + child.pid() + ") "
                        + "died: " + why, child.pid(), exitCode, stderrTail, null));
            }
            ended = outcome;
        } finally {
            lock.unlock();
        }
        Mailbox box = inbox;
        if (box != null && ended instanceof Outcome.Failure<R> f && f.error() instanceof WorkerDiedException died) {
            box.fail(died);
        } else if (box != null) {
            box.close();
        }
    }
}
