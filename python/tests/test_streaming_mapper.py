"""`digest convert --from jsonl-posts --to jsonl` as a Spark RDD.pipe /
Hadoop Streaming mapper: posts go in as JSON strings, one per line, split
across several mapper processes; the mappers' outputs, in split order, are
the digests `digest convert --to jsonl` makes of the same posts."""

import json
import subprocess

from conftest import DIGEST, TESTDATA

MAPPER = [DIGEST, "convert", "--from", "jsonl-posts", "--to", "jsonl", "--errors", "inline", "-"]
BROKEN = TESTDATA / "parse" / "errors" / "wrapped-title.txt"


def posts():
    files = sorted((TESTDATA / "json").glob("*.txt")) + sorted((TESTDATA / "samples").glob("*.txt"))
    # A JSON string holds text: the legacy-charset fixture is left out.
    return [f for f in files if f.name != "gb18030.txt"]


def pipe(records):
    """One mapper task: the records on its stdin, as RDD.pipe writes them (one per line)."""
    result = subprocess.run(MAPPER, input="".join(r + "\n" for r in records).encode(), capture_output=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def without_path(document):
    document = dict(document, source=dict(document["source"]))
    del document["source"]["path"]
    return document


def test_mappers_over_splits_give_what_convert_gives():
    files = posts()
    records = [json.dumps(f.read_bytes().decode("utf-8")) for f in files]  # CR LF and BOM kept
    splits = [records[:3], records[3:]]  # two map tasks
    got = [d for split in splits for d in pipe(split)]
    expected = subprocess.run([DIGEST, "convert", "--to", "jsonl", *map(str, files)], capture_output=True, text=True)
    assert expected.returncode == 0, expected.stderr
    want = [json.loads(line) for line in expected.stdout.splitlines()]
    assert [without_path(d) for d in got] == [without_path(d) for d in want]
    # Each record is named by its line in its split's stream.
    assert got[0]["source"]["path"] == "<stdin>:1"
    assert len(got) > len(files)  # two-digests gives two objects


def test_a_bad_record_becomes_an_error_line_in_its_place():
    good = json.dumps((TESTDATA / "samples" / "nerf-2023-03-14.txt").read_text(encoding="utf-8"))
    out = pipe([good, json.dumps(BROKEN.read_text(encoding="utf-8")), "{not json", json.dumps(["a"]), good])
    assert [("error" in d) for d in out] == [False, True, True, True, False]
    assert out[1]["error"]["kind"] == "parse"
    assert out[1]["error"]["line"] == 2
    assert out[1]["error"]["diagnostics"][0]["code"] == "DG104"
    assert (out[2]["error"]["kind"], out[3]["error"]["kind"]) == ("json", "type")
    assert out[4]["source"]["path"] == "<stdin>:5"
