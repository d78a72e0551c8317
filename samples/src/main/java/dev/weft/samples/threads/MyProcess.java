package dev.weft.samples.threads;

import dev.weft.samples.CellContext;
import java.util.concurrent.Callable;

/**
 * The notebook's {@code MyProcess(threading.Thread)}, whose overridden {@code run()} prints the
 * current thread three times. In weft a thread's body is a task, so the "subclass" implements
 * {@link Callable} and a {@code TaskScope} runs it on a thread named as the notebook named it.
 *
 * <pre>{@code
 * scope.fork("thread1", new MyProcess(context));   // <MyProcess(thread1, started 31)> ×3
 * }</pre>
 *
 * <p>The notebook's constructor ({@code def __int__(self)}, a typo for {@code __init__}) was never
 * called and is left out.
 */
final class MyProcess implements Callable<Void> {
    private final CellContext context;

    MyProcess(CellContext context) {
        this.context = context;
    }

    /** As {@code repr(threading.current_thread())} prints inside {@code MyProcess.run}. */
    static String describe(Thread thread) {
        return "<MyProcess(" + thread.getName() + ", started " + thread.threadId() + ")>";
    }

    @Override
    public Void call() throws InterruptedException {
        int i = 0;
        while (i < 3) {
            context.print(describe(Thread.currentThread()));
            context.sleepSeconds(0.3);
            i += 1;
        }
        return null;
    }
}
