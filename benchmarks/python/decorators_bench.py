"""The Python side of DecoratorBenchmark: a plain call, an @lru_cache hit and a timing decorator.

Standard library only. Run with the machine's python3:

    python3 benchmarks/python/decorators_bench.py            # about 10 s
    python3 benchmarks/python/decorators_bench.py --quick    # about 1 s, to check it runs

Prints one line per case, in nanoseconds per call (best of the repeats, as timeit advises), in
the same order as the JMH table in benchmarks/README.md.
"""
import argparse
import functools
import time
import timeit


def increment(x):
    return x + 1


@functools.lru_cache(maxsize=128)
def increment_lru(x):
    return x + 1


@functools.cache
def increment_cache(x):
    return x + 1


def pass_through(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)
    return wrapper


def temps_execution(function):
    """The notebook's timing decorator, with a no-op sink instead of print."""
    sink = lambda name, seconds: None

    @functools.wraps(function)
    def timer(*args, **kwargs):
        start = time.perf_counter_ns()
        try:
            return function(*args, **kwargs)
        finally:
            sink(function.__name__, time.perf_counter_ns() - start)
    return timer


increment_pass_through = pass_through(increment)
increment_timed = temps_execution(increment)

CASES = [
    ("directCall", "increment(key)"),
    ("decoratePassThrough", "increment_pass_through(key)"),
    ("timedNoOpSink", "increment_timed(key)"),
    ("lruCacheHitSameKey", "increment_lru(key)"),
    ("unboundedCacheHit (functools.cache)", "increment_cache(key)"),
    ("twoNanoTimeReads (perf_counter_ns)", "perf() - perf()"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few loops: only check that it runs")
    options = parser.parse_args()
    number = 20_000 if options.quick else 1_000_000
    repeat = 2 if options.quick else 5
    namespace = dict(globals(), key=42, perf=time.perf_counter_ns)
    increment_lru(42)
    increment_cache(42)
    for name, statement in CASES:
        best = min(timeit.repeat(statement, number=number, repeat=repeat, globals=namespace))
        print(f"{name:40s} {best / number * 1e9:8.1f} ns")


if __name__ == "__main__":
    main()
