package dev.weft.parallel.internal;

import dev.weft.core.ThreadKind;
import dev.weft.core.internal.Uninterruptibly;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;

/**
 * The child side of a {@link dev.weft.parallel.TalkingProcess} ({@link WorkerMain}
 * {@code --talk}): the one TASK frame runs on a thread of its own while the main thread goes on
 * reading the channel, putting each MESSAGE frame into the child's {@link Mailbox}; the end of the
 * parent's messages (a MESSAGE_END frame, or the end of standard input) closes it. When the task
 * has answered, the child exits (status 1 if it threw).
 */
public final class TalkingChild {
    private static volatile Mailbox inbox;
    private static volatile Outbox outbox;

    private TalkingChild() {
    }

    /** Runs a TASK frame's payload and writes its RESULT frame. */
    @FunctionalInterface
    public interface Task {
        /**
         * Runs the task.
         *
         * @param payload the TASK frame's payload
         * @throws IOException if the channel fails
         */
        void run(byte[] payload) throws IOException;
    }

    /** {@return the messages from the parent} @throws IllegalStateException outside a talking child */
    public static Mailbox inbox() {
        Mailbox m = inbox;
        if (m == null) {
            throw new IllegalStateException("not in the child of a TalkingProcess");
        }
        return m;
    }

    /** {@return where messages to the parent go} @throws IllegalStateException outside a talking child */
    public static Outbox outbox() {
        Outbox o = outbox;
        if (o == null) {
            throw new IllegalStateException("not in the child of a TalkingProcess");
        }
        return o;
    }

    /**
     * Serves the channel: the task on its own thread, the parent's messages on this one. Does not
     * return normally: the task's thread exits the JVM.
     *
     * @param in the channel from the parent
     * @param channel the channel to the parent
     * @param userOut what the child's code prints through
     * @param task runs the TASK frame
     * @param failed tells, after the task, whether it threw
     * @throws IOException if the channel is corrupt
     */
    public static void serve(DataInputStream in, Frames.Writer channel, PrintStream userOut, Task task,
            BooleanSupplier failed) throws IOException {
        Frames.Frame first = Frames.read(in);
        if (first == null) {
            System.exit(0); // the parent went away before sending the task
        }
        if (first.type() != Frames.TASK) {
            throw new Frames.CorruptChannelException("a talking child expects a TASK first, not " + first.type());
        }
        Mailbox messages = new Mailbox();
        inbox = messages;
        outbox = new Outbox() {
            @Override
            public void send(byte[] message) throws IOException {
                channel.bytes(Frames.MESSAGE, message, 0, message.length);
                channel.flush();
            }

            @Override
            public void close() {
                try {
                    channel.bytes(Frames.MESSAGE_END, new byte[0], 0, 0);
                    channel.flush();
                } catch (IOException e) {
                    // the parent is gone: it has nothing more to hear
                }
            }
        };
        Thread runner = ThreadKind.PLATFORM.newThread("weft-talking-task", () -> {
            int status = 2;
            try {
                task.run(first.payload());
                userOut.flush();
                channel.flush();
                status = failed.getAsBoolean() ? 1 : 0;
            } catch (IOException e) {
                // the channel broke: the parent reports the child's death
            }
            System.exit(status);
        });
        runner.start();
        try {
            Frames.Frame frame;
            while ((frame = Frames.read(in)) != null) {
                byte[] payload = frame.payload();
                switch (frame.type()) {
                    case Frames.MESSAGE -> messages.put(JavaSerialization.fromBytes(payload, 0, payload.length));
                    case Frames.MESSAGE_END -> messages.close();
                    default -> throw new Frames.CorruptChannelException("unexpected frame type " + frame.type());
                }
            }
        } catch (ClassNotFoundException e) {
            messages.fail(e);
        } finally {
            messages.close();
        }
        Uninterruptibly.join(runner); // the runner exits the JVM when the task has answered
    }
}
