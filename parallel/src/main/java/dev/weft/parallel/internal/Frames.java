package dev.weft.parallel.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The wire format between a parent and a child JVM, on the child's standard input and output:
 * frames of {@code [0xFE 0xF5][int length][byte type][byte check][payload]}, where {@code length}
 * counts the type byte and the payload, and {@code check} is the XOR of the length's and the
 * type's bytes with {@code 0x5A}. Java-serialized objects travel inside payloads.
 *
 * <p>The sync bytes and the check are there for bytes that user code in a child writes straight to
 * its file descriptor 1, past {@code System.out}: they land between frames, and the parent must
 * see them as garbage (it then kills the child, which costs the input it was running) rather than
 * as a header whose payload never comes. {@code 0xFE} and {@code 0xF5} never occur in UTF-8 text,
 * so printed text can never pass for a header; random bytes do one time in 2<sup>24</sup> at
 * most, before the length and type are checked.
 *
 * <pre>
 * parent → child   INIT    serialized initializer
 *                  TASK    long chunkId, long firstIndex, long functionId, int functionLength, function
 *                          bytes (or none when the child already knows the function), the arguments
 *                          as {@link ChunkCodec#inputs}
 *                  RELEASE long functionId (the child may forget the function)
 *                  RESET   byte checkThreads: forget every function, then READY again (or, when
 *                          asked to check and a task's thread still runs, exit instead)
 *                  PRELOAD a class name in UTF-8: load it, without initializing it (the start-up
 *                          cache's training run: {@link StartupCache})
 *                  end of stream: the child exits
 * child → parent   READY   int MAGIC (first frame, before any task is read)
 *                  INITIALIZED  (empty: the initializer has run; only when the parent sent INIT)
 *                  RESULT  long chunkId, the reply as {@link ChunkCodec} encodes it
 *                  PRINT   bytes the child's code wrote to System.out
 *                  FATAL   serialized {@link ErrorPayload} (the initializer failed; the child exits)
 * both ways        MESSAGE      a serialized message of a {@link TalkingChild talking child}'s pipe
 *                  MESSAGE_END  (empty: that end of the pipe is closed)
 * </pre>
 */
public final class Frames {
    static final byte READY = 1;
    static final byte TASK = 2;
    static final byte RESULT = 3;
    static final byte PRINT = 4;
    static final byte FATAL = 5;
    static final byte INIT = 6;
    static final byte RELEASE = 7;
    static final byte INITIALIZED = 8;
    static final byte MESSAGE = 9;
    static final byte MESSAGE_END = 10;
    /** Parent to child: forget every function, say READY again (a worker kept for another pool: {@link WarmChildren}). */
    static final byte RESET = 16;
    /** Parent to child: load this class, not initialized (a start-up cache's training run: {@link StartupCache}). */
    static final byte PRELOAD = 17;

    /** "WEFT": the READY frame's proof that the stream really is a weft channel. */
    static final int MAGIC = 0x57454654;
    /** The two bytes every frame starts with: neither can occur in UTF-8 text. */
    static final int SYNC = 0xFEF5;
    private static final int CHECK_SEED = 0x5A;
    private static final int MAX_LENGTH = 1 << 30;
    /** Payloads up to this size are read into one array at once; longer ones as they arrive. */
    private static final int DIRECT_READ = 1 << 20;
    /** A TASK payload's fixed part: chunk id, first index, function id, function length. */
    static final int TASK_HEADER = 8 + 8 + 8 + 4;

    private Frames() {
    }

    /**
     * One frame as read.
     *
     * @param type the frame type
     * @param payload the payload
     */
    record Frame(byte type, byte[] payload) {
    }

    /** Thrown when the bytes on the channel are not frames: something else wrote to it. */
    static final class CorruptChannelException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptChannelException(String message) {
            super(message);
        }
    }

    /**
     * Reads one frame.
     *
     * @param in the stream
     * @return the frame, or null at the end of the stream between frames
     * @throws IOException if the stream fails or ends inside a frame
     * @throws CorruptChannelException if the bytes cannot be a frame
     */
    static Frame read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int sync = (first << 8) | in.readUnsignedByte();
        if (sync != SYNC) {
            throw new CorruptChannelException("bytes that are not a frame: 0x" + Integer.toHexString(sync)
                    + " where a frame starts with 0x" + Integer.toHexString(SYNC));
        }
        int length = in.readInt();
        byte type = in.readByte();
        int check = in.readUnsignedByte();
        if (check != check(length, type)) {
            throw new CorruptChannelException("bad frame header check (length " + length + ", type " + type + ")");
        }
        if (length < 1 || length > MAX_LENGTH) {
            throw new CorruptChannelException("bad frame length " + length + " (0x" + Integer.toHexString(length) + ")");
        }
        if ((type < READY || type > MESSAGE_END) && type != RESET && type != PRELOAD) {
            throw new CorruptChannelException("unknown frame type " + type);
        }
        // A length that passed the check may still be garbage: never allocate more than arrived.
        byte[] payload;
        if (length - 1 <= DIRECT_READ) {
            payload = new byte[length - 1];
            try {
                in.readFully(payload);
            } catch (EOFException e) {
                throw new EOFException("the stream ended inside a frame of " + length + " bytes");
            }
        } else {
            payload = in.readNBytes(length - 1);
            if (payload.length != length - 1) {
                throw new EOFException("the stream ended inside a frame of " + length + " bytes");
            }
        }
        return new Frame(type, payload);
    }

    private static int check(int length, byte type) {
        return (CHECK_SEED ^ (length >>> 24) ^ (length >>> 16) ^ (length >>> 8) ^ length ^ type) & 0xFF;
    }

    /** Writes frames; safe to call from several threads, each frame is written whole. */
    static final class Writer {
        private final DataOutputStream out;
        private final ReentrantLock lock = new ReentrantLock();

        Writer(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        /** Writes a frame's header; {@code length} counts the type byte and the payload. */
        private void header(int length, byte type) throws IOException {
            out.writeShort(SYNC);
            out.writeInt(length);
            out.writeByte(type);
            out.writeByte(check(length, type));
        }

        void ready() throws IOException {
            lock.lock();
            try {
                header(1 + 4, READY);
                out.writeInt(MAGIC);
                out.flush();
            } finally {
                lock.unlock();
            }
        }

        void task(long chunkId, long firstIndex, long functionId, byte[] function, byte[] args) throws IOException {
            int functionLength = function == null ? 0 : function.length;
            lock.lock();
            try {
                header(Math.addExact(1 + TASK_HEADER + functionLength, args.length), TASK);
                out.writeLong(chunkId);
                out.writeLong(firstIndex);
                out.writeLong(functionId);
                out.writeInt(functionLength);
                if (function != null) {
                    out.write(function);
                }
                out.write(args);
            } finally {
                lock.unlock();
            }
        }

        void result(long chunkId, byte[] body) throws IOException {
            lock.lock();
            try {
                header(Math.addExact(1 + 8, body.length), RESULT);
                out.writeLong(chunkId);
                out.write(body);
            } finally {
                lock.unlock();
            }
        }

        void bytes(byte type, byte[] body, int offset, int length) throws IOException {
            lock.lock();
            try {
                header(Math.addExact(1, length), type);
                out.write(body, offset, length);
            } finally {
                lock.unlock();
            }
        }

        void release(long functionId) throws IOException {
            lock.lock();
            try {
                header(1 + 8, RELEASE);
                out.writeLong(functionId);
            } finally {
                lock.unlock();
            }
        }

        void flush() throws IOException {
            lock.lock();
            try {
                out.flush();
            } finally {
                lock.unlock();
            }
        }

        void close() throws IOException {
            lock.lock();
            try {
                out.close();
            } finally {
                lock.unlock();
            }
        }
    }
}
