#!/usr/bin/python3
"""Writes the posts of folders and archives as --from jsonl-posts input: one
JSON string per line holding a post's text, in the order `digest convert`
reads them (what a Spark job's RDD of post texts would pipe out).

    PYTHONPATH=build/python bench/posts_to_jsonl.py INPUT... > posts.jsonl
"""

import json
import sys

import digestkit

for source in sys.argv[1:]:
    for name, data in digestkit.iter_inputs(source):
        if data is None:
            with open(name, "rb") as f:
                data = f.read()
        sys.stdout.write(json.dumps(data.decode("utf-8"), ensure_ascii=False) + "\n")
