"""Python side of weft's sync benchmarks (standard library only).

Measures, in ns/op, the same operations as dev.weft.benchmarks.sync:
uncontended (one thread) and 2-thread contended acquire/release of
threading.Lock, threading.RLock, threading.Semaphore, and Event.is_set/set.

    python3 benchmarks/python/sync_primitives.py [--seconds 1.0]

Prints a Markdown table to paste next to the JMH one in benchmarks/README.md.
"""
import argparse
import threading
import time


def _loop_lock(lock, n):
    acquire, release = lock.acquire, lock.release
    for _ in range(n):
        acquire()
        release()


def _loop_with(lock, n):
    for _ in range(n):
        with lock:
            pass


def _loop_is_set(evt, n):
    is_set = evt.is_set
    for _ in range(n):
        is_set()


def _loop_set(evt, n):
    set_ = evt.set
    for _ in range(n):
        set_()


def _calibrate(fn, obj, seconds):
    n = 1000
    while True:
        t0 = time.perf_counter()
        fn(obj, n)
        dt = time.perf_counter() - t0
        if dt >= seconds / 10:
            return max(n, int(n * seconds / dt))
        n *= 4


def measure(fn, obj, threads, seconds):
    """Average ns per operation with `threads` threads running fn on the same obj."""
    n = _calibrate(fn, obj, seconds / threads)
    start = threading.Barrier(threads + 1)

    def worker():
        start.wait()
        fn(obj, n)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for w in workers:
        w.start()
    start.wait()
    t0 = time.perf_counter()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - t0
    # Same unit as JMH AverageTime with @Threads(n): time per op as each thread sees it.
    return elapsed * 1e9 / n


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    args = parser.parse_args()

    evt = threading.Event()
    evt.set()
    cases = [
        ("Lock acquire/release", _loop_lock, threading.Lock),
        ("Lock with-block", _loop_with, threading.Lock),
        ("RLock acquire/release", _loop_lock, threading.RLock),
        ("Semaphore acquire/release", _loop_lock, threading.Semaphore),
        ("Event.is_set", _loop_is_set, lambda: evt),
        ("Event.set (already set)", _loop_set, lambda: evt),
    ]
    print("| Python %s | 1 thread ns/op | 2 threads ns/op |" % ".".join(map(str, __import__("sys").version_info[:3])))
    print("|---|---:|---:|")
    for name, fn, make in cases:
        one = measure(fn, make(), 1, args.seconds)
        two = measure(fn, make(), 2, args.seconds)
        print("| %s | %.1f | %.1f |" % (name, one, two))


if __name__ == "__main__":
    main()
