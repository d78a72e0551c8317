package dev.weft.reliability.lincheck;

import dev.weft.sync.Channel;
import java.time.Duration;
import java.util.Optional;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;

/**
 * The operations Lincheck runs on a {@link Channel}, one subclass per kind: every call that does
 * not wait ({@code trySend}, {@code tryReceive}, {@code send} and {@code receive} with a zero
 * timeout, and, on an unbounded channel, which never makes a sender wait, {@code send}),
 * {@code close}, {@code fail} and the two state queries. A
 * {@link dev.weft.sync.ChannelClosedException} is part of the result, so the sequential run must
 * throw it at the same place. Blocking calls are left to the stress tests: a rendezvous is a dual
 * structure (a send and a receive that meet both succeed, which no sequential order of two
 * non-waiting calls can show), so its operations here are the non-waiting ones.
 */
@Param(name = "item", gen = IntGen.class, conf = "1:4")
abstract class ChannelLincheck {
    final Channel<Integer> channel;

    ChannelLincheck(Channel<Integer> channel) {
        this.channel = channel;
    }

    @Operation
    public boolean trySend(@Param(name = "item") int item) {
        return channel.trySend(item);
    }

    @Operation
    public boolean sendZero(@Param(name = "item") int item) throws InterruptedException {
        return channel.send(item, Duration.ZERO);
    }

    @Operation
    public Optional<Integer> tryReceive() {
        return channel.tryReceive();
    }

    @Operation
    public Optional<Integer> receiveZero() throws InterruptedException {
        return channel.receive(Duration.ZERO);
    }

    @Operation
    public boolean close() {
        return channel.close();
    }

    @Operation
    public boolean fail() {
        return channel.fail(new IllegalStateException("failed by the test"));
    }

    @Operation
    public boolean isClosedForSend() {
        return channel.isClosedForSend();
    }

    @Operation
    public boolean isClosedForReceive() {
        return channel.isClosedForReceive();
    }
}
