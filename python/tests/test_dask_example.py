"""examples/dask_convert.py: a local Dask cluster of 2 worker processes
converts folders and archives into partitioned JSON Lines that, concatenated
in part order, are what `digest convert --to jsonl` prints, record for record."""

import json
import os
import subprocess
import sys
import tarfile
import zipfile

import pytest

from conftest import DIGEST, SOURCE_DIR, TESTDATA

EXAMPLE = SOURCE_DIR / "examples" / "dask_convert.py"
BROKEN = TESTDATA / "parse" / "errors" / "wrapped-title.txt"


def records(text):
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def inputs(tmp_path):
    """A folder, a .tar.gz of it under posts/, a .zip with a broken post, a single file."""
    folder = TESTDATA / "json"
    tgz = tmp_path / "posts.tar.gz"
    with tarfile.open(tgz, "w:gz") as tar:
        for f in sorted(folder.glob("*.txt")):
            tar.add(f, arcname=f"posts/{f.name}")
    archive = tmp_path / "more.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in sorted((TESTDATA / "samples").glob("*.txt")):
            z.write(f, arcname=f.name)
        z.write(BROKEN, arcname="broken.txt")
    return [str(folder), str(tgz), str(archive), str(TESTDATA / "samples" / "nerf-2023-03-14.txt")]


def run_example(tmp_path, inputs, *options):
    env = dict(os.environ, DASK_TEMPORARY_DIRECTORY=str(tmp_path / "dask-tmp"))
    return subprocess.run(
        [sys.executable, str(EXAMPLE), "--workers", "2", "--local-directory", str(tmp_path / "dask-tmp"),
         "-o", str(tmp_path / "out"), *options, *inputs],
        capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path,
    )


def test_parts_in_order_equal_digest_convert_to_jsonl(tmp_path, inputs):
    expected = subprocess.run([DIGEST, "convert", "--to", "jsonl", *inputs], capture_output=True, text=True,
                              cwd=tmp_path)
    assert expected.returncode == 1  # the broken post
    # A window smaller than the number of posts: several rounds on the cluster.
    result = run_example(tmp_path, inputs, "--window", "4")
    assert result.returncode == 1, result.stderr
    assert "wrapped-title" not in result.stderr and "broken.txt" in result.stderr
    assert "1 of " in result.stderr
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    posts = len(list((TESTDATA / "json").glob("*.txt"))) * 2 + len(list((TESTDATA / "samples").glob("*.txt"))) + 2
    assert [p.name for p in parts] == [f"part-{i:05d}.jsonl" for i in range(posts)]  # one part per post
    got = "".join(p.read_text(encoding="utf-8") for p in parts)
    assert records(got) == records(expected.stdout)
    assert len(records(got)) > posts - 2  # not vacuous
    assert not list((tmp_path / "out").glob(".*"))  # no temporary part left behind


def test_an_unreadable_input_ends_the_run_with_2(tmp_path):
    result = run_example(tmp_path, [str(tmp_path / "absent.tar.gz")])
    assert result.returncode == 2, result.stderr
    assert "absent.tar.gz" in result.stderr
