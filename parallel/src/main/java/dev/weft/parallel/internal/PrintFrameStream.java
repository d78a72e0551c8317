package dev.weft.parallel.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A child's {@code System.out}: what user code prints is buffered and sent to the parent as
 * PRINT frames, so that it never mixes with the frames of the channel.
 */
final class PrintFrameStream extends OutputStream {
    private final Frames.Writer channel;
    private final byte[] buffer = new byte[8192];
    private int count;

    PrintFrameStream(Frames.Writer channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            flushBuffer();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length >= buffer.length) {
            flushBuffer();
            channel.bytes(Frames.PRINT, bytes, offset, length);
            return;
        }
        if (length > buffer.length - count) {
            flushBuffer();
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            channel.bytes(Frames.PRINT, buffer, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        channel.flush();
    }
}
