#!/usr/bin/env python3
"""Python's multiprocessing.Pool(2) on the workloads of weft's parallel benchmarks.

The Java side is benchmarks/src/main/java/dev/weft/benchmarks/parallel/ (JMH):
  CalculWhileBenchmark  - the notebook's calcul_while over [5M, 3M, 6M, 10M]
  TinyTasksBenchmark    - 100,000 trivial tasks, default chunk size and chunksize=1, warm pool
  WorkerStartBenchmark  - a new Pool(2) until both workers have answered one task

Standard library only. Prints one line per measurement (median of the runs, in ms) and, with
--json, one JSON object for tools.

    python3 benchmarks/python/parallel_bench.py            # 5 runs each
    python3 benchmarks/python/parallel_bench.py --runs 1   # quick look
"""
import argparse
import json
import os
import statistics
import time
from multiprocessing import Pool

NOMBRES = [5_000_000, 3_000_000, 6_000_000, 10_000_000]
TASKS = 100_000


def calcul_while(x):
    """The notebook's function, as written there (it returns None)."""
    while x > 0:
        x -= 1


def plus_one(x):
    return x + 1


def worker_pid(_):
    return os.getpid()


def timed(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = args.runs
    results = {}

    results["calcul_while sequential"] = timed(lambda: [calcul_while(n) for n in NOMBRES], runs)
    with Pool(2) as pool:
        pool.map(worker_pid, [0, 1], chunksize=1)  # warm: both workers up
        results["calcul_while Pool(2).map"] = timed(lambda: pool.map(calcul_while, NOMBRES), runs)
        inputs = list(range(TASKS))
        pool.map(plus_one, inputs)  # warm-up run
        results["100k tasks Pool(2).map default chunksize"] = timed(lambda: pool.map(plus_one, inputs), runs)
        results["100k tasks Pool(2).map chunksize=1"] = timed(lambda: pool.map(plus_one, inputs, chunksize=1), runs)

    def start_pool():
        with Pool(2) as cold:
            cold.map(worker_pid, [0, 1], chunksize=1)

    results["Pool(2) start until both answered"] = timed(start_pool, runs)

    for name, (median, _) in results.items():
        extra = ""
        if name.startswith("100k"):
            extra = f"  ({median * 1000 / TASKS:.1f} us/task)"
        print(f"{name:45s} {median:10.1f} ms{extra}")
    if args.json:
        print(json.dumps({name: {"median_ms": m, "times_ms": t} for name, (m, t) in results.items()}))


if __name__ == "__main__":
    main()
