package dev.weft.parallel.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The main class of a child JVM. It keeps the real standard output for frames, points
 * {@code System.out} at PRINT frames and {@code System.in} at an empty stream, says READY, then
 * runs the tasks it reads from standard input in order, one at a time, until that stream ends.
 * {@code System.err} is left alone: the parent reads it line by line and keeps its last lines to
 * explain a death.
 *
 * <p>With the argument {@code --once} (a {@code JvmProcess}) it exits with status 1 when the last
 * task failed, as a Python process whose target raised.
 */
public final class WorkerMain {
    private static final int EXIT_INITIALIZER_FAILED = 3;
    private static final FirstChunkSite SITE = new FirstChunkSite();

    private final Frames.Writer channel;
    private final PrintStream userOut;
    private final Map<Long, ChunkRunner.Loaded> functions = new HashMap<>();
    private boolean lastFailed;

    private WorkerMain(Frames.Writer channel, PrintStream userOut) {
        this.channel = channel;
        this.userOut = userOut;
    }

    /**
     * Runs the worker.
     *
     * @param args {@code --once} for a single-task process, {@code --talk} for one that also
     *     exchanges messages with its parent ({@link TalkingChild}), else nothing
     * @throws IOException if the channel fails
     */
    public static void main(String[] args) throws IOException {
        boolean once = args.length > 0 && args[0].equals("--once");
        Frames.Writer channel = new Frames.Writer(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        PrintStream userOut = new PrintStream(new PrintFrameStream(channel), true, StandardCharsets.UTF_8);
        System.setOut(userOut);
        System.setIn(InputStream.nullInputStream());
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        channel.ready(); // no ProcessHandle here: its first use costs a child 10-20 ms (the parent knows the pid)
        WorkerMain worker = new WorkerMain(channel, userOut);
        if (args.length > 0 && args[0].equals("--talk")) {
            TalkingChild.serve(in, channel, userOut, worker::run, () -> worker.lastFailed); // exits when done
        }
        worker.serve(in);
        userOut.flush();
        channel.flush();
        System.exit(once && worker.lastFailed ? 1 : 0);
    }

    private void serve(DataInputStream in) throws IOException {
        Frames.Frame frame;
        while ((frame = Frames.read(in)) != null) {
            switch (frame.type()) {
                case Frames.INIT -> initialize(frame.payload());
                case Frames.TASK -> run(frame.payload());
                case Frames.RELEASE -> functions.remove(ByteBuffer.wrap(frame.payload()).getLong());
                case Frames.RESET -> reset(frame.payload());
                case Frames.PRELOAD -> preload(frame.payload());
                default -> throw new Frames.CorruptChannelException("unexpected frame type " + frame.type());
            }
        }
    }

    /** Kept for another pool ({@link WarmChildren}): forgets every function, says READY again, or exits if not clean. */
    private void reset(byte[] payload) throws IOException {
        functions.clear();
        if (payload.length > 0 && payload[0] == 1 && TaskThreads.anyRunning()) {
            userOut.flush();
            channel.flush();
            System.exit(0); // a task's thread would run on in the next pool: this child is not kept
        }
        channel.ready();
    }

    /**
     * Loads a class without initializing it, so that a training run's cache holds it: no code of
     * it runs. One that cannot be loaded here is simply not in the cache.
     */
    private static void preload(byte[] payload) {
        String name = new String(payload, StandardCharsets.UTF_8);
        try {
            Class.forName(name, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError notHere) {
            // the cache is made without it
        }
    }

    private void initialize(byte[] payload) throws IOException {
        SITE.userCodeRuns();
        try {
            Runnable initializer = (Runnable) FunctionCodec.decode(payload, 0, payload.length);
            initializer.run();
        } catch (Throwable t) {
            userOut.flush();
            byte[] error = JavaSerialization.toBytes(ErrorPayload.of(t));
            channel.bytes(Frames.FATAL, error, 0, error.length);
            channel.flush(); // the FATAL frame carries the error to the parent, which reports it
            System.exit(EXIT_INITIALIZER_FAILED);
        }
        userOut.flush();
        channel.bytes(Frames.INITIALIZED, new byte[0], 0, 0);
        channel.flush(); // from now on the parent counts this child ready for tasks
    }

    private void run(byte[] payload) throws IOException {
        if (payload.length < Frames.TASK_HEADER) {
            throw new Frames.CorruptChannelException("TASK frame of " + payload.length + " bytes");
        }
        ByteBuffer header = ByteBuffer.wrap(payload);
        long chunkId = header.getLong();
        long firstIndex = header.getLong();
        long functionId = header.getLong();
        int functionLength = header.getInt();
        if (functionLength < 0 || functionLength > payload.length - Frames.TASK_HEADER) {
            throw new Frames.CorruptChannelException("TASK frame of " + payload.length + " bytes with a function of "
                    + functionLength);
        }
        int argsOffset = Frames.TASK_HEADER + functionLength;
        if (functionLength > 0) {
            functions.put(functionId, ChunkRunner.load(payload, header.position(), functionLength, SITE));
        }
        ChunkRunner.Reply reply = ChunkRunner.run(functions.get(functionId), payload, argsOffset,
                payload.length - argsOffset, firstIndex, SITE);
        SITE.userCodeRuns();
        lastFailed = reply.anyFailed();
        userOut.flush();
        channel.result(chunkId, reply.bytes());
        channel.flush();
    }

    /**
     * The child JVM as a chunk's site: untouched until its initializer or its first chunk has run
     * (then a chunk with an empty context runs without installing it: nothing is left to clear).
     * Read and set on the main thread only.
     */
    private static final class FirstChunkSite implements ChunkRunner.Site {
        private boolean userCodeRan;

        @Override
        public String name() {
            return "the child JVM";
        }

        @Override
        public boolean untouchedThread() {
            return !userCodeRan;
        }

        void userCodeRuns() {
            userCodeRan = true;
        }
    }
}
