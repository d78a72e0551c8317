package dev.weft.parallel;

import dev.weft.parallel.internal.Mailbox;
import dev.weft.parallel.internal.OneShotChild;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A {@link JvmProcess} that talks with its parent while it runs: Python's
 * {@code Process(target=f, args=(child_conn,))} with {@code parent_conn, child_conn = Pipe()}.
 * The child runs {@code body} with its end of a {@link Pipe}; the parent holds the other end,
 * {@link #pipe()}, and the process, {@link #process()}, for {@code join}, {@code result} and the
 * rest.
 *
 * {@snippet class=dev.weft.parallel.snippets.ParallelSnippets region=talking-process}
 *
 * <p>Messages travel over the child's standard input and output, as the task and its result do,
 * never over a socket. The child's end closes for the parent when the body returns (after the
 * messages it sent) or when the child dies (then with a {@link WorkerDiedException} as cause);
 * the parent's end closes for the child when the parent calls {@link Pipe#close()}. As with
 * {@code JvmProcess}, what the child prints reaches this JVM's standard output.
 *
 * @param <S> what the parent sends to the child
 * @param <R> what the parent receives from the child
 * @param <T> the type of the body's result
 * @since 0.1
 */
public final class TalkingProcess<S extends Serializable, R extends Serializable, T> {
    /**
     * What the child of a talking process runs, with its end of the pipe; a lambda or method
     * reference typed so is serializable. What it throws (checked or not) reaches the parent as
     * the cause of {@link JvmProcess#result()}'s {@code TaskFailedException}.
     *
     * @param <A> what the child sends
     * @param <B> what the child receives
     * @param <T> the result
     * @since 0.1
     */
    @FunctionalInterface
    public interface Body<A extends Serializable, B extends Serializable, T> extends Serializable {
        /**
         * Runs in the child.
         *
         * @param parent the child's end of the pipe: sends {@code A} to the parent, receives {@code B}
         * @return the result, sent back to the parent
         * @throws Exception anything
         */
        T run(Pipe<A, B> parent) throws Exception;
    }

    private final JvmProcess<T> process;
    private final Pipe<S, R> pipe;

    private TalkingProcess(JvmProcess<T> process, Pipe<S, R> pipe) {
        this.process = process;
        this.pipe = pipe;
    }

    /**
     * Starts a child JVM, with the {@linkplain ProcessPoolOptions#DEFAULT_JVM_ARGS default JVM
     * arguments}, that runs {@code body} with its end of a pipe.
     *
     * @param body what the child runs; it receives {@code S} and sends {@code R} on its end
     * @param <S> what the parent sends
     * @param <R> what the parent receives
     * @param <T> the type of the result
     * @return the started process
     * @throws NullPointerException if {@code body} is null
     * @throws IllegalArgumentException if {@code body} cannot be serialized; no child is started
     * @throws IllegalStateException if the child JVM cannot be started
     */
    public static <S extends Serializable, R extends Serializable, T> TalkingProcess<S, R, T> start(
            Body<R, S, ? extends T> body) {
        return start(body, ProcessPoolOptions.DEFAULT_JVM_ARGS);
    }

    /**
     * Starts a child JVM with the given JVM arguments that runs {@code body} with its end of a pipe.
     *
     * @param body what the child runs
     * @param jvmArgs the child's JVM arguments
     * @param <S> what the parent sends
     * @param <R> what the parent receives
     * @param <T> the type of the result
     * @return the started process
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code body} cannot be serialized; no child is started
     * @throws IllegalStateException if the child JVM cannot be started
     */
    public static <S extends Serializable, R extends Serializable, T> TalkingProcess<S, R, T> start(
            Body<R, S, ? extends T> body, List<String> jvmArgs) {
        Objects.requireNonNull(body, "body");
        List<String> args = List.copyOf(Objects.requireNonNull(jvmArgs, "jvmArgs"));
        Mailbox inbox = new Mailbox();
        OneShotChild<T> child = OneShotChild.startTalking(new TalkTask<>(body), args, inbox);
        return new TalkingProcess<>(new JvmProcess<>(child), new Pipe<>(inbox, child.outbox()));
    }

    /** {@return the parent's end of the pipe: sends {@code S} to the child, receives {@code R}} */
    public Pipe<S, R> pipe() {
        return pipe;
    }

    /** {@return the child process: {@code join}, {@code result}, {@code terminate}...} */
    public JvmProcess<T> process() {
        return process;
    }

    @Override
    public String toString() {
        return "TalkingProcess[" + process + "]";
    }
}
