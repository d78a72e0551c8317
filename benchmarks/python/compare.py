#!/usr/bin/env python3
"""Python side of weft's side-by-side comparison (benchmarks/compare).

Runs one workload of the notebooks with the standard library only and prints one JSON line:
{"times_ms": [...], "check": "...", "peak_rss_kb": N}

    python3 compare.py WORKLOAD SIDE PARAM RUNS

The Java side (dev.weft.benchmarks.compare.Workloads) implements the same workloads with the
same inputs and the same check value, so the orchestrator can tell that both computed the same.
"""
import asyncio
import functools
import json
import math
import multiprocessing
import queue
import sys
import threading
import time


def peak_rss_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


# --- workload 1: N tasks that sleep 10 ms, gathered ------------------------------------------

async def _sleep_task(i):
    await asyncio.sleep(0.01)
    return i


async def _gather(n):
    results = await asyncio.gather(*(_sleep_task(i) for i in range(n)))
    return sum(results)


def sleep_gather(side, n):
    return asyncio.run(_gather(n))


# --- workload 2: calcul_while and calcul_lourd, sequential and with a Pool(2) ------------------

MASK64 = (1 << 64) - 1


def calcul_while(x):
    # The notebook's loop, each step folded into a 64-bit checksum as the Java side does
    # (dev.weft.benchmarks.parallel.CalculWhile), so that the JIT cannot delete the Java loop and
    # both sides prove they did the same work.
    folded = 0
    while x > 0:
        x -= 1
        folded = (folded * 31 + x) & MASK64
    return folded


def calcul_lourd(n):
    # The notebook's calcul_lourd(range(n)) without numpy: sum over x of x * x ** (k ** 1.5 / k).
    total = 0.0
    for x in range(n):
        for k in range(1, 50):
            total += x * math.pow(x, 1 / k * math.pow(k, 3 / 2))
    return total


WHILE_INPUTS = [5_000_000, 3_000_000, 6_000_000, 10_000_000]


def lourd_inputs(scale):
    return [s * scale // 1000 for s in (1_000_000, 5_000_000, 4_000_000, 7_000_000)]


def run_cpu(fn, inputs, side):
    if side == "python-seq":
        return sum(fn(x) for x in inputs)
    if side == "python-pool":
        with multiprocessing.Pool(2) as pool:
            return sum(pool.map(fn, inputs))
    raise SystemExit("unknown side " + side)


# --- workload 3: tiny tasks through a process pool, and worker start time ----------------------

def tiny(x):
    return x + 1


def tiny_tasks(pool, side, n):
    start = time.perf_counter()
    if side == "python-pool-chunk1":
        results = pool.map(tiny, range(n), chunksize=1)
    else:
        results = pool.map(tiny, range(n))
    return sum(results), time.perf_counter() - start


def worker_start(side, n):
    start = time.perf_counter()
    with multiprocessing.Pool(2) as pool:
        pool.map(tiny, range(2), chunksize=1)
        elapsed = time.perf_counter() - start
    return 3, elapsed


# --- workload 4: lock / semaphore / event / queue throughput, 1 and 2 threads ------------------

def sync_ops(primitive, threads, ops):
    if primitive == "lock":
        lock = threading.Lock()

        def body():
            for _ in range(ops):
                lock.acquire()
                lock.release()
    elif primitive == "semaphore":
        sem = threading.Semaphore(1)

        def body():
            for _ in range(ops):
                sem.acquire()
                sem.release()
    elif primitive == "event":
        event = threading.Event()

        def body():
            for _ in range(ops):
                event.set()
                event.is_set()
    elif primitive == "queue":
        q = queue.Queue()

        def body():
            for i in range(ops):
                q.put(i)
                q.get()
    else:
        raise SystemExit("unknown primitive " + primitive)
    workers = [threading.Thread(target=body) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return threads * ops


# --- workload 5: a cached call and a timed call ------------------------------------------------

def square(x):
    return x * x


def timing(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        start = time.perf_counter_ns()
        try:
            return fn(*args)
        finally:
            time.perf_counter_ns() - start
    return wrapper


def calls(side, n):
    if side == "python-lru-hit":
        fn = functools.lru_cache(maxsize=128)(square)
        fn(7)
    elif side == "python-timed":
        fn = timing(square)
    elif side == "python-plain":
        fn = square
    else:
        raise SystemExit("unknown side " + side)
    total = 0
    for _ in range(n):
        total += fn(7)
    return total


# --- workload 6: producer/consumer, one element at a time through a bounded buffer ------------

async def _asyncio_queue(n):
    q = asyncio.Queue(16)

    async def producer():
        for i in range(n):
            await q.put(i)
        await q.put(None)  # the end: asyncio.Queue has no close

    async def consumer():
        total = 0
        while True:
            x = await q.get()
            if x is None:
                return total
            total += x

    _, total = await asyncio.gather(producer(), consumer())
    return total


def _pipe_child(conn):
    total = 0
    while True:
        x = conn.recv()
        if x is None:
            break
        total += x
    conn.send(total)
    conn.close()


def producer_consumer(side, n):
    """Returns (sum, seconds or None): n ints from a producer to a consumer that sums them."""
    if side == "python-asyncio-queue":
        return asyncio.run(_asyncio_queue(n)), None
    if side == "python-pipe":  # parent -> child process; the child's start is not timed
        parent, child = multiprocessing.Pipe()
        p = multiprocessing.Process(target=_pipe_child, args=(child,))
        p.start()
        start = time.perf_counter()
        for i in range(n):
            parent.send(i)
        parent.send(None)
        total = parent.recv()
        elapsed = time.perf_counter() - start
        p.join()
        return total, elapsed
    raise SystemExit("unknown side " + side)


# --- driver ------------------------------------------------------------------------------------

def measure(once, runs, warmup=True):
    """Runs once() (which returns (check, seconds or None)) after a warm-up; returns times in ms."""
    if warmup:
        once()
    times = []
    check = None
    for _ in range(runs):
        start = time.perf_counter()
        value, inner = once()
        elapsed = inner if inner is not None else time.perf_counter() - start
        times.append(elapsed * 1000)
        check = value
    return times, check


def main():
    workload, side, param, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    if workload == "sleep-gather":
        n = int(param)
        sleep_gather(side, min(n, 10_000))  # warm-up on at most 10,000 tasks
        times, check = measure(lambda: (sleep_gather(side, n), None), runs, warmup=False)
    elif workload == "calcul_while":
        times, check = measure(lambda: (run_cpu(calcul_while, WHILE_INPUTS, side) & MASK64, None), runs)
    elif workload == "calcul_lourd":
        inputs = lourd_inputs(int(param))
        times, check = measure(lambda: (run_cpu(calcul_lourd, inputs, side), None), runs)
        check = "%.6e" % check
    elif workload == "tiny-tasks":
        with multiprocessing.Pool(2) as pool:  # one warm pool: warm-up maps, then the timed ones
            for _ in range(60):  # as many warm-up maps as the Java side (Workloads.TINY_WARM_UP_MAPS)
                tiny_tasks(pool, side, int(param))
            times, check = measure(lambda: tiny_tasks(pool, side, int(param)), runs)
    elif workload == "worker-start":
        times, check = measure(lambda: worker_start(side, 0), runs, warmup=False)
    elif workload.startswith("sync-"):
        primitive = workload[len("sync-"):]
        threads, ops = (int(p) for p in param.split("x"))
        times, check = measure(lambda: (sync_ops(primitive, threads, ops), None), runs)
    elif workload == "producer-consumer":
        times, check = measure(lambda: producer_consumer(side, int(param)), runs)
    elif workload == "call":
        n = int(param)
        times, check = measure(lambda: (calls(side, n), None), runs)
    else:
        raise SystemExit("unknown workload " + workload)
    print(json.dumps({"times_ms": times, "check": str(check), "peak_rss_kb": peak_rss_kb()}))


if __name__ == "__main__":
    main()
