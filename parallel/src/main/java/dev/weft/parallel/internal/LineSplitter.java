package dev.weft.parallel.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the bytes a child printed, in whatever pieces they came, into whole lines (UTF-8, without
 * their line terminator). Used by one thread at a time.
 */
final class LineSplitter {
    private final Consumer<String> sink;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    LineSplitter(Consumer<String> sink) {
        this.sink = sink;
    }

    void feed(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                emit();
                start = i + 1;
            }
        }
        partial.write(bytes, start, end - start);
    }

    /** Emits what is left as a last line, if anything. */
    void finish() {
        if (partial.size() > 0) {
            emit();
        }
    }

    private void emit() {
        byte[] line = partial.toByteArray();
        partial.reset();
        int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        sink.accept(new String(line, 0, length, StandardCharsets.UTF_8));
    }
}
