#!/usr/bin/env python3
"""asyncio.gather side of weft's async benchmarks (standard library only).

The notebook's workload at scale: N coroutines that each ``await asyncio.sleep(0.01)``, gathered
in one ``asyncio.gather`` -- the Python twin of ``GatherSleepBenchmark`` -- and N trivial
coroutines (no sleep), the twin of ``GatherOverheadBenchmark``. Each size is warmed up once, then
timed inside the process (``time.perf_counter`` around the gather, the event loop already
running), and the median of ``--repeat`` runs is printed with the process's peak RSS.

    python3 benchmarks/python/async_gather.py                      # 10,000 and 100,000
    python3 benchmarks/python/async_gather.py --tasks 1000000      # the optional size
    /usr/bin/time -v python3 benchmarks/python/async_gather.py --tasks 100000 --repeat 1

Compare with ``java -jar benchmarks/target/benchmarks.jar 'async\\.'`` (see
benchmarks/README.md).
"""

import argparse
import asyncio
import resource
import statistics
import sys
import time


async def sleeper():
    await asyncio.sleep(0.01)
    return 1


async def trivial():
    return 1


async def gather_timed(factory, n):
    """Gathers n coroutines made by factory; returns (seconds, results)."""
    coroutines = [factory() for _ in range(n)]
    start = time.perf_counter()
    results = await asyncio.gather(*coroutines)
    return time.perf_counter() - start, results


def measure(factory, n, repeat):
    """Warms up once at the same size, then returns the timings of `repeat` runs in seconds."""
    async def main():
        await gather_timed(factory, n)  # warm-up
        timings = []
        for _ in range(repeat):
            seconds, results = await gather_timed(factory, n)
            if len(results) != n or sum(results) != n:
                raise AssertionError("wrong results")
            timings.append(seconds)
        return timings
    return asyncio.run(main())


def peak_rss_mib():
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / (1024 * 1024)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, nargs="+", default=[10_000, 100_000],
                        help="sizes of the sleeping gather (default: 10000 100000)")
    parser.add_argument("--trivial", type=int, default=100_000,
                        help="size of the trivial gather, 0 to skip (default: 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size (default: 3)")
    args = parser.parse_args(argv)

    print(f"python {sys.version.split()[0]}, asyncio.gather, median of {args.repeat} after a warm-up")
    print(f"{'workload':<28}{'tasks':>10}{'median ms':>12}{'min ms':>10}")
    for n in args.tasks:
        timings = measure(sleeper, n, args.repeat)
        print(f"{'sleep 10 ms each':<28}{n:>10}{statistics.median(timings) * 1000:>12.1f}{min(timings) * 1000:>10.1f}",
              flush=True)
    if args.trivial:
        timings = measure(trivial, args.trivial, args.repeat)
        print(f"{'trivial (no sleep)':<28}{args.trivial:>10}{statistics.median(timings) * 1000:>12.1f}"
              f"{min(timings) * 1000:>10.1f}", flush=True)
    print(f"peak RSS {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
