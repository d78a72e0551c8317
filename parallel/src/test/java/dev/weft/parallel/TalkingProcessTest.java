package dev.weft.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskFailedException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link TalkingProcess} and its {@link Pipe}, after CPython's {@code _TestConnection}
 * ({@code test_connection}: send and recv both ways, {@code EOFError} once the other end is
 * closed) and a {@code multiprocessing.Queue} fed by a child: messages both ways in order, the
 * end of either side, a child that dies or throws, and bad input.
 */
class TalkingProcessTest {

    /** A message that cannot be serialized: its component is a plain Object. */
    record Unsendable(Object what) implements Serializable {
    }

    static TalkingProcess<String, Integer, Integer> echoLengths() {
        return TalkingProcess.start((Pipe<Integer, String> parent) -> {
            int n = 0;
            for (Optional<String> m; (m = parent.receive()).isPresent(); n++) {
                parent.send(m.get().length());
            }
            return n;
        });
    }

    @Test
    void parentAndChildTalkUntilTheParentCloses() throws InterruptedException {
        TalkingProcess<String, Integer, Integer> p = echoLengths();
        Pipe<String, Integer> pipe = p.pipe();
        pipe.send("a");
        pipe.send("bb");
        assertEquals(Optional.of(1), pipe.receive());
        assertEquals(Optional.of(2), pipe.receive());
        pipe.send("ccc");
        assertEquals(Optional.of(3), pipe.receive());
        pipe.close();
        pipe.close(); // again: nothing
        assertEquals(3, JvmProcessTest.resultOf(p.process()));
        assertEquals(Optional.empty(), pipe.receive(), "the child's task returned: its end is closed");
        assertEquals(0, p.process().exitCode().orElseThrow());
        assertThrows(IllegalStateException.class, () -> pipe.send("late"));
    }

    @Test
    void aChildThatOnlySendsIsAQueueForItsParent() throws InterruptedException {
        TalkingProcess<String, Integer, String> p = TalkingProcess.start((Pipe<Integer, String> parent) -> {
            for (int i = 0; i < 100; i++) {
                parent.send(i);
            }
            return "done";
        });
        p.pipe().close(); // the parent has nothing to say
        List<Integer> got = new ArrayList<>();
        for (Optional<Integer> m; (m = p.pipe().receive()).isPresent(); ) {
            got.add(m.get());
        }
        assertEquals(IntStream.range(0, 100).boxed().toList(), got, "every message, once, in order");
        assertEquals("done", JvmProcessTest.resultOf(p.process()));
    }

    @Test
    void aChildThatDiesClosesTheParentsEndWithTheCause() throws InterruptedException {
        TalkingProcess<String, Integer, Integer> p = TalkingProcess.start((Pipe<Integer, String> parent) -> {
            parent.send(1);
            Runtime.getRuntime().halt(7);
            return 0;
        });
        assertEquals(Optional.of(1), p.pipe().receive(), "what it sent before dying arrives");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.pipe().receive());
        WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, e.getCause());
        assertEquals(7, died.exitCode().orElseThrow());
        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> JvmProcessTest.resultOf(p.process()));
        assertInstanceOf(WorkerDiedException.class, failed.getCause());
    }

    @Test
    void aChildThatThrowsEndsItsSideAndReportsTheException() throws InterruptedException {
        TalkingProcess<String, Integer, Integer> p = TalkingProcess.start((Pipe<Integer, String> parent) -> {
            parent.send(5);
            throw new IOException("disk gone in the child");
        });
        assertEquals(Optional.of(5), p.pipe().receive());
        assertEquals(Optional.empty(), p.pipe().receive(), "the task ended: its end is closed");
        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> JvmProcessTest.resultOf(p.process()));
        assertTrue(String.valueOf(failed.getCause()).contains("disk gone in the child"), String.valueOf(failed.getCause()));
        assertEquals(1, p.process().exitCode().orElseThrow());
    }

    @Test
    void badInputIsRefusedAndThePipeStillWorks() throws InterruptedException {
        assertThrows(NullPointerException.class, () -> TalkingProcess.start(null));
        assertThrows(NullPointerException.class, () -> TalkingProcess.start((Pipe<Integer, String> c) -> 0, null));
        TalkingProcess<Serializable, Integer, Integer> p = TalkingProcess.start((Pipe<Integer, Serializable> parent) -> {
            int n = 0;
            for (Optional<Serializable> m; (m = parent.receive()).isPresent(); n++) {
                parent.send(String.valueOf(m.get()).length());
            }
            return n;
        });
        Pipe<Serializable, Integer> pipe = p.pipe();
        assertThrows(NullPointerException.class, () -> pipe.send(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pipe.send(new Unsendable(new Object())));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        pipe.send("four");
        assertEquals(Optional.of(4), pipe.receive());
        pipe.close();
        assertEquals(1, JvmProcessTest.resultOf(p.process()), "only the message that could be sent arrived");
    }
}
