package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.ThreadKind;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class LiveThreadsTest {

    @Test
    void aNamedFactoryMakesUnstartedThreadsOfItsKindAllCalledTheSame() {
        ThreadFactory virtual = LiveThreads.named(ThreadKind.VIRTUAL, "scope-a");
        Thread first = virtual.newThread(() -> { });
        Thread second = virtual.newThread(() -> { });
        assertNotSame(first, second);
        assertEquals("scope-a", first.getName());
        assertEquals("scope-a", second.getName(), "no number is added");
        assertTrue(first.isVirtual());
        assertEquals(Thread.State.NEW, first.getState(), "unstarted");

        Thread platform = LiveThreads.named(ThreadKind.PLATFORM, "scope-b").newThread(() -> { });
        assertFalse(platform.isVirtual());
        assertTrue(platform.isDaemon(), "a forgotten platform thread never keeps the JVM alive");
        assertEquals("scope-b", platform.getName());
        assertEquals(Thread.State.NEW, platform.getState());
    }

    @Test
    void aNamedFactoryRejectsNull() {
        assertThrows(NullPointerException.class, () -> LiveThreads.named(ThreadKind.VIRTUAL, null));
        assertThrows(NullPointerException.class, () -> LiveThreads.named(null, "x"));
    }
}
