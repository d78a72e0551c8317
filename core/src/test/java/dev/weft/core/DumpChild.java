package dev.weft.core;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link DumpTest}: opens {@code child-outer} with a fork {@code child-a} that
 * opened {@code child-inner} (fork {@code child-leaf}), prints {@code READY}, and ends when its
 * standard input closes.
 */
final class DumpChild {
    private DumpChild() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (TaskScope outer = TaskScope.builder().name("child-outer").open()) {
            outer.fork("child-a", () -> {
                try (TaskScope inner = TaskScope.builder().name("child-inner").open()) {
                    inner.fork("child-leaf", () -> {
                        started.countDown();
                        release.await();
                        return 0;
                    });
                    started.countDown();
                    inner.join();
                }
                return 0;
            });
            started.await();
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent closes our input
            }
            release.countDown();
            outer.join();
        }
    }
}
