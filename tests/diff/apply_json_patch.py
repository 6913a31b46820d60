"""Applies digest diff --format json-patch output with python3-jsonpatch.

Usage: apply_json_patch.py DIR -- DIR holds NAME.old.json, NAME.new.json and
NAME.patch.json for each case. Prints one line per case whose patched old
export is not the new export (or whose patch is not RFC 6902) and exits 1 if
there is any; prints the number of cases checked otherwise.
"""
import json
import pathlib
import sys

import jsonpatch


def main(folder):
    failures = []
    cases = sorted(p.name[: -len(".patch.json")] for p in pathlib.Path(folder).glob("*.patch.json"))
    for name in cases:
        base = pathlib.Path(folder)
        old = json.loads((base / f"{name}.old.json").read_text(encoding="utf-8"))
        new = json.loads((base / f"{name}.new.json").read_text(encoding="utf-8"))
        operations = json.loads((base / f"{name}.patch.json").read_text(encoding="utf-8"))
        ops = {op.get("op") for op in operations}
        if not ops <= {"add", "remove", "replace", "move"}:
            failures.append(f"{name}: unexpected operations {sorted(ops)}")
            continue
        try:
            patched = jsonpatch.JsonPatch(operations).apply(old)
        except (jsonpatch.JsonPatchException, jsonpatch.JsonPointerException) as error:
            failures.append(f"{name}: patch does not apply: {error}")
            continue
        if patched != new:
            failures.append(f"{name}: patched old differs from new")
    for line in failures:
        print(line)
    if not cases:
        print("no cases")
        return 1
    if not failures:
        print(f"{len(cases)} cases")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
