#!/usr/bin/env bash
# `pip install .` as README says, offline with Debian's pip, setuptools and
# wheel (no build isolation, no index): from a copy of the checkout (pip
# builds in the tree it is given), into a folder of its own; the package it
# installs imports from there, parses a post and carries its type stubs.
#   pip_install_test.sh SOURCE_DIR WORK_DIR PYTHON SAMPLE
set -euo pipefail
source_dir=$1 work=$2 python=$3 sample=$4
rm -rf "$work"
mkdir -p "$work/src"
# The files of the checkout, as a fresh clone has them (git ls-files), or
# everything but build folders when it is not a git checkout.
if git -C "$source_dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$source_dir" ls-files -z | tar -C "$source_dir" --null -T - -cf - | tar -C "$work/src" -xf -
else
  tar -C "$source_dir" --exclude='./build*' -cf - . | tar -C "$work/src" -xf -
fi
JOBS=${JOBS:-2} "$python" -m pip install --no-build-isolation --no-index --no-deps --disable-pip-version-check \
  --root-user-action=ignore --target "$work/site" "$work/src"
for stub in __init__.pyi _core.pyi py.typed; do
  [ -f "$work/site/digestkit/$stub" ] || { echo "pip did not install digestkit/$stub" >&2; exit 1; }
done
cd "$work"  # not the source tree: the package must come from site/
PYTHONPATH="$work/site" "$python" - "$sample" "$work/site" <<'PY'
import pathlib, sys
import digestkit
site = pathlib.Path(sys.argv[2]).resolve()
assert pathlib.Path(digestkit.__file__).resolve().is_relative_to(site), digestkit.__file__
documents = digestkit.parse(pathlib.Path(sys.argv[1]).read_bytes(), path="sample.txt")
assert len(documents) == 1 and documents[0]["format"] == "digestkit/1", documents
assert documents[0]["entries"], "no entries parsed"
print(f"pip install: digestkit {digestkit.__file__} parsed {len(documents[0]['entries'])} entries")
PY
