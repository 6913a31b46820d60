#!/usr/bin/python3
"""`digest convert --to jsonl` on a Dask cluster: digestkit.parse mapped over
the posts of folders and archives with dask.bag, one partition per post,
written as partitioned JSON Lines.

    dask_convert.py -o out/ posts.tar.gz more-posts/          # a local cluster, 2 worker processes
    dask_convert.py --scheduler tcp://10.0.0.5:8786 -o /shared/out/ /shared/posts/

out/part-00000.jsonl, out/part-00001.jsonl, ... hold the digests of the
inputs' posts in input order (the order `digest convert` reads them: folders
sorted, archives in archive order), one part per post; concatenated in part
order they are what `digest convert --to jsonl INPUT...` prints (the same
digestkit/1 objects, record for record). A post that does not parse leaves
its part empty and is reported on stderr (exit 1), as `digest convert` leaves
its output out.

The client lists the inputs with digestkit.iter_inputs(): an archive is read
(decompressed) once, by the client, and its members are shipped to the
workers; plain files of a folder are only listed, and each worker reads its
own (on a real cluster the folder must be on storage every worker sees,
under the same path). Posts go to the cluster a window at a time (--window),
so the client holds at most one window of members. digestkit must be
importable on every worker (docs/scale.md).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import tempfile

import dask
import dask.bag as db
from dask.distributed import Client, LocalCluster

import digestkit


def convert_post(item):
    """(index, name, data) -> (index, name, JSON Lines text or None, error or None). Runs on a worker."""
    index, name, data = item
    try:
        if data is None:
            with open(name, "rb") as f:
                data = f.read()
        documents = digestkit.parse(data, path=name)
    except (digestkit.ParseError, OSError) as error:
        return index, name, None, str(error)
    # The objects `digest convert --to jsonl` writes: compact, UTF-8, one per line.
    lines = "".join(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n" for d in documents)
    return index, name, lines, None


def write_parts(results, out_dir):
    """Writes each post's part; returns (index, name, error) per post. Runs on a worker."""
    written = []
    for index, name, lines, error in results:
        path = pathlib.Path(out_dir) / f"part-{index:05d}.jsonl"
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(lines or "", encoding="utf-8")
        os.replace(temporary, path)  # a part is whole or absent
        written.append((index, name, error))
    return written


def windows(inputs, size):
    """Lists of (index, name, data), `size` at a time, in input order."""
    window = []
    index = 0
    for source in inputs:
        for name, data in digestkit.iter_inputs(source):
            window.append((index, name, data))
            index += 1
            if len(window) == size:
                yield window
                window = []
    if window:
        yield window


def convert(inputs, out_dir, window_size):
    """Converts every post; returns (posts, failed)."""
    os.makedirs(out_dir, exist_ok=True)
    posts = failed = 0
    for window in windows(inputs, window_size):
        bag = db.from_sequence(window, partition_size=1)  # one partition per post
        for index, name, error in bag.map(convert_post).map_partitions(write_parts, str(out_dir)).compute():
            posts += 1
            if error is not None:
                failed += 1
                print(f"dask_convert: {error}", file=sys.stderr)
    return posts, failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="folders, archives or post files")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="where part-NNNNN.jsonl go")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler (tcp://host:8786)")
    parser.add_argument("--workers", type=int, default=2, help="local cluster: worker processes (default 2)")
    parser.add_argument("--window", type=int, default=1024, help="posts sent to the cluster at a time")
    parser.add_argument(
        "--local-directory", metavar="DIR", help="local cluster: the workers' scratch space (default: a temporary one)"
    )
    args = parser.parse_args(argv)

    try:
        if args.scheduler:
            with Client(args.scheduler) as client:
                posts, failed = convert(args.inputs, args.output, args.window)
        else:
            scratch = args.local_directory or tempfile.mkdtemp(prefix="dask-convert-")
            with dask.config.set({"temporary-directory": scratch}):
                with LocalCluster(
                    n_workers=args.workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    local_directory=scratch,
                ) as cluster, Client(cluster):
                    posts, failed = convert(args.inputs, args.output, args.window)
    except digestkit.InputError as error:
        print(f"dask_convert: {error}", file=sys.stderr)
        return 2
    if failed:
        print(f"dask_convert: {failed} of {posts} posts failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
