"""Shared fixtures: the repository, the `digest` program (CTest passes both
through the environment) and a way to run it."""

import json
import os
import pathlib
import subprocess

import pytest


def _required(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: run these tests through CTest (ctest -R python)")
    return value


SOURCE_DIR = pathlib.Path(_required("DIGESTKIT_SOURCE_DIR"))
DIGEST = _required("DIGEST_EXE")
TESTDATA = SOURCE_DIR / "testdata"


def run_digest(*args, cwd=SOURCE_DIR, check_codes=(0, 1)):
    result = subprocess.run([DIGEST, *map(str, args)], cwd=cwd, capture_output=True)
    assert result.returncode in check_codes, result.stderr.decode()
    return result


def cli_json(*args, cwd=SOURCE_DIR):
    return json.loads(run_digest(*args, cwd=cwd).stdout)


def text_fixtures():
    """Every .txt under testdata/, as paths relative to the checkout."""
    return sorted(str(p.relative_to(SOURCE_DIR)) for p in TESTDATA.rglob("*.txt"))


@pytest.fixture
def source_dir():
    return SOURCE_DIR
