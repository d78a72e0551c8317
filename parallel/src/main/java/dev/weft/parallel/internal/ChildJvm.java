package dev.weft.parallel.internal;

import dev.weft.core.ThreadKind;
import dev.weft.core.internal.LazyLogger;
import dev.weft.core.internal.Uninterruptibly;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One child JVM running {@link WorkerMain}: the process, the frame writer to its standard input,
 * and two platform threads, one reading its frames (and handing them to a {@link Listener}) and
 * one reading its standard error. When its output ends, the reader waits for the process, and
 * tells the listener once how it ended.
 */
public final class ChildJvm {
    private static final LazyLogger log = LazyLogger.of(ChildJvm.class);

    /**
     * Flags weft's channel needs, always given before the user's: JVM messages to stderr (never
     * onto the frames), exit at the first OutOfMemoryError, UTF-8 for what the child prints.
     */
    static final List<String> CHANNEL_FLAGS = List.of(
            "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
            "-XX:+ExitOnOutOfMemoryError", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    /** What a child's owner is told, on the child's reader thread. */
    interface Listener {
        /** The child said READY. */
        void ready();

        /** The child said INITIALIZED: the initializer the parent sent has run. */
        void initialized();

        /** A RESULT frame: {@code body} holds the serialized results from {@code offset}. */
        void result(long chunkId, byte[] body, int offset);

        /** A FATAL frame: the initializer failed. */
        void fatal(ErrorPayload error);

        /**
         * The child has ended (called once, last).
         *
         * @param exitCode its exit code
         * @param stderrTail the last lines of its stderr
         * @param channelError why the channel broke, when it did not simply end, else null
         */
        void exited(int exitCode, List<String> stderrTail, String channelError);

        /**
         * A MESSAGE or MESSAGE_END frame of a talking child ({@link TalkingChild}); other children
         * never send one.
         *
         * @param type {@link Frames#MESSAGE} or {@link Frames#MESSAGE_END}
         * @param payload the serialized message, or empty
         * @throws IOException if the frame cannot be taken
         */
        default void message(byte type, byte[] payload) throws IOException {
            throw new Frames.CorruptChannelException("a message frame from a child that does not talk");
        }
    }

    private final Process process;
    private final Frames.Writer writer;
    private final Thread reader;
    private final Thread stderrReader;
    private final StderrTail stderrTail;
    private final LineSplitter stdoutLines;
    private final StartupCache.Plan plan;
    /** Who hears about frames and the end; another one when a kept child is handed on ({@link #attach}). */
    private volatile Listener listener;
    private volatile Consumer<String> stdoutSink;
    private volatile Consumer<String> stderrSink;
    private final CountDownLatch gone = new CountDownLatch(1);

    private ChildJvm(Process process, String name, Consumer<String> stdout, Consumer<String> stderr, Listener listener,
            StartupCache.Plan plan) {
        this.process = process;
        this.listener = listener;
        this.plan = plan;
        this.stdoutSink = stdout;
        this.stderrSink = stderr;
        this.writer = new Frames.Writer(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.stdoutLines = new LineSplitter(line -> {
            try {
                stdoutSink.accept(line);
            } catch (RuntimeException e) {
                log.warn("The stdout sink of a child JVM threw; line dropped", e);
            }
        });
        this.stderrTail = new StderrTail(process.getErrorStream(), line -> stderrSink.accept(line));
        this.stderrReader = ThreadKind.PLATFORM.newThread(name + "-stderr", stderrTail);
        this.reader = ThreadKind.PLATFORM.newThread(name + "-reader", this::readFrames);
    }

    /**
     * Starts a child JVM launched as this JVM was ({@link LaunchLayout}).
     *
     * @param name a name for its threads
     * @param jvmArgs the user's JVM arguments
     * @param mainArgs the arguments of {@link WorkerMain}
     * @param stdout where the child's printed lines go
     * @param stderr where the child's stderr lines go
     * @param listener told about frames and the end, once {@link #listen()} is called
     * @return the started child
     * @throws IOException if the process cannot be started
     * @throws IllegalStateException if this JVM's layout cannot start a child
     */
    static ChildJvm start(String name, List<String> jvmArgs, List<String> mainArgs, Consumer<String> stdout,
            Consumer<String> stderr, Listener listener) throws IOException {
        return start(name, jvmArgs, mainArgs, stdout, stderr, listener, true);
    }

    /**
     * Starts a child JVM launched as this JVM was, with the {@link StartupCache} when
     * {@code startupCache} and it is there.
     *
     * @see #start(String, List, List, Consumer, Consumer, Listener)
     * @return the started child
     * @throws IOException if the process cannot be started
     */
    static ChildJvm start(String name, List<String> jvmArgs, List<String> mainArgs, Consumer<String> stdout,
            Consumer<String> stderr, Listener listener, boolean startupCache) throws IOException {
        StartupCache.Plan plan = startupCache ? StartupCache.plan(LaunchLayout.current(), jvmArgs)
                : new StartupCache.Plan(jvmArgs, null, null);
        ProcessBuilder builder = new ProcessBuilder(command(plan.jvmArgs(), mainArgs));
        Process process = builder.start();
        ChildRegistry.add(process);
        return new ChildJvm(process, name + "-pid" + process.pid(), stdout, stderr, listener, plan);
    }

    /** {@return whether the child was started with the start-up cache} */
    boolean startedWithCache() {
        return plan.usesCache();
    }

    /**
     * Hands the child to another owner: from now on {@code next} hears its frames and end, and its
     * printed lines go to the sinks given; its threads take {@code name}.
     */
    void attach(String name, Listener next, Consumer<String> stdout, Consumer<String> stderr) {
        stdoutSink = stdout;
        stderrSink = stderr;
        listener = next;
        String named = name + "-pid" + process.pid();
        reader.setName(named + "-reader");
        stderrReader.setName(named + "-stderr");
    }

    /**
     * Asks the child to forget every function and say READY again ({@link Frames#RESET}).
     *
     * @param checkThreads whether the child exits instead when a thread one of its tasks started still runs
     * @return false if the child is gone
     */
    boolean reset(boolean checkThreads) {
        try {
            writer.bytes(Frames.RESET, new byte[] {(byte) (checkThreads ? 1 : 0)}, 0, 1);
            writer.flush();
            return true;
        } catch (IOException e) {
            log.debug("Child {} is gone before it could be reset", pid(), e);
            return false;
        }
    }

    /** Starts reading the child's output; the listener hears from now on. Call once, right after start. */
    void listen() {
        stderrReader.start();
        reader.start();
    }

    /** {@return the command line of a child: java, channel flags, the parent's module flags, user flags, paths, main class} */
    static List<String> command(List<String> jvmArgs, List<String> mainArgs) {
        return LaunchLayout.current().command(CHANNEL_FLAGS, jvmArgs, WorkerMain.class, mainArgs);
    }

    /** {@return the writer of frames to the child} */
    Frames.Writer writer() {
        return writer;
    }

    /** {@return the child's process id} */
    long pid() {
        return process.pid();
    }

    /** {@return the process} */
    Process process() {
        return process;
    }

    /** Ends the child's input: it finishes what it has read and exits. */
    void closeInput() {
        try {
            writer.close();
        } catch (IOException e) {
            log.debug("Closing the input of child {} failed (it has probably exited)", pid(), e);
        }
    }

    /** Kills the child at once (SIGKILL). */
    void kill() {
        process.destroyForcibly();
    }

    /**
     * Waits until the child has ended and its listener has been told.
     *
     * @param timeout how long to wait at most
     * @return true if it has ended
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitGone(Duration timeout) throws InterruptedException {
        return gone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits until the child is gone, killing it if it is slow to go; keeps the interrupt flag. */
    void awaitGoneUninterruptibly(Duration grace) {
        if (!Uninterruptibly.await(gone, grace)) {
            log.warn("Child JVM {} did not exit within {}; killing it", pid(), grace);
            kill();
            Uninterruptibly.await(gone);
        }
    }

    private void readFrames() {
        String channelError = null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
            Frames.Frame frame;
            while ((frame = Frames.read(in)) != null) {
                handle(frame);
            }
        } catch (Frames.CorruptChannelException e) {
            channelError = "corrupt channel: " + e.getMessage() + " (did something write to the child's stdout directly?)";
            kill();
        } catch (IOException e) {
            log.debug("The channel of child {} ended", pid(), e);
        } catch (RuntimeException | Error e) {
            channelError = "the parent failed reading the channel: " + e;
            log.error("Reading child {} failed; killing it", pid(), e);
            kill();
        }
        stdoutLines.finish();
        int exitCode = awaitExit();
        joinStderr();
        ChildRegistry.remove(process);
        try {
            listener.exited(exitCode, stderrTail.lines(), channelError);
        } finally {
            gone.countDown();
        }
    }

    private void handle(Frames.Frame frame) throws IOException {
        byte[] payload = frame.payload();
        switch (frame.type()) {
            case Frames.PRINT -> stdoutLines.feed(payload, 0, payload.length);
            case Frames.READY -> {
                if (payload.length != 4 || ByteBuffer.wrap(payload).getInt() != Frames.MAGIC) {
                    throw new Frames.CorruptChannelException("bad READY frame");
                }
                listener.ready();
                plan.childReady();
            }
            case Frames.INITIALIZED -> listener.initialized();
            case Frames.RESULT -> {
                if (payload.length < 8) {
                    throw new Frames.CorruptChannelException("RESULT frame of " + payload.length + " bytes");
                }
                listener.result(ByteBuffer.wrap(payload).getLong(), payload, 8);
            }
            case Frames.FATAL -> {
                try {
                    listener.fatal((ErrorPayload) JavaSerialization.fromBytes(payload, 0, payload.length));
                } catch (ClassNotFoundException e) {
                    throw new IOException("unreadable FATAL frame", e);
                }
            }
            case Frames.MESSAGE, Frames.MESSAGE_END -> listener.message(frame.type(), payload);
            default -> throw new Frames.CorruptChannelException("unexpected frame type " + frame.type() + " from the child");
        }
    }

    private int awaitExit() {
        while (!Uninterruptibly.run(nanos -> process.waitFor(nanos, TimeUnit.NANOSECONDS), EXIT_GRACE)) {
            log.warn("Child JVM {} closed its output but did not exit; killing it", pid());
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    private void joinStderr() {
        try {
            stderrReader.join(EXIT_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ChildJvm[pid " + pid() + (process.isAlive() ? ", alive" : ", ended") + "]";
    }
}
