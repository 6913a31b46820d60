#!/usr/bin/env python3
"""Do Python threads parse in parallel? digestkit releases the GIL while it
decodes, parses, lints and formats, and takes it back only to build the
result objects. This times digestkit.parse over the same posts on one
thread and split between two (each thread its own half of the files), and
prints the speed-up. A benchmark to run by hand, not a test:

    build/bench/generator/generate_archive --out /tmp/posts --megabytes 20 --seed 1
    PYTHONPATH=build/python /usr/bin/python3 bench/python_threads.py /tmp/posts

Options: --repeat N (best of N, default 3), --function parse|validate|format.
The posts are read into memory first, so the disk is not timed.
"""

import argparse
import pathlib
import sys
import threading
import time

import digestkit


def run(function, posts, threads):
    shares = [posts[k::threads] for k in range(threads)]

    def work(share):
        for path, data in share:
            function(data, path=path)

    workers = [threading.Thread(target=work, args=(share,)) for share in shares]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=pathlib.Path, help="a folder of digest posts (*.txt)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--function", choices=("parse", "validate", "format"), default="parse")
    args = parser.parse_args()

    posts = [(str(p), p.read_bytes()) for p in sorted(args.folder.rglob("*.txt"))]
    if len(posts) < 2:
        sys.exit(f"python_threads.py: need at least two posts under {args.folder}")
    megabytes = sum(len(data) for _, data in posts) / 1e6
    function = getattr(digestkit, args.function)
    # Warm up (page in the library, ICU data, allocator arenas).
    run(function, posts[:8], 1)

    best = {}
    for threads in (1, 2):
        best[threads] = min(run(function, posts, threads) for _ in range(args.repeat))
        print(f"{args.function}, {threads} thread(s): {best[threads]:.3f} s, "
              f"{megabytes / best[threads]:.1f} MB/s over {len(posts)} posts ({megabytes:.1f} MB)")
    print(f"speed-up with 2 threads: {best[1] / best[2]:.2f}x")


if __name__ == "__main__":
    main()
