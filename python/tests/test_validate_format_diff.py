"""validate, format and diff against `digest validate`, `fmt` and `diff`."""

import json

import pytest

import digestkit
from conftest import SOURCE_DIR, TESTDATA, cli_json, run_digest

LINT_FIXTURES = sorted(str(p.relative_to(SOURCE_DIR)) for p in (TESTDATA / "lint").rglob("*.txt"))
FORMAT_FIXTURES = sorted(p.name[: -len(".before.txt")] for p in (TESTDATA / "format").glob("*.before.txt"))


@pytest.mark.parametrize("fixture", LINT_FIXTURES)
def test_validate_equals_the_cli_findings(fixture):
    expected = cli_json("validate", "--format", "json", "--min-severity", "info", fixture)
    found = digestkit.validate((SOURCE_DIR / fixture).read_bytes(), path=fixture)
    assert [(d.code, d.severity, d.path, d.line, d.column, d.message) for d in found] == [
        (e["code"], e["severity"], e["file"], e["line"], e["column"], e["message"]) for e in expected
    ]


def test_lint_fixtures_have_findings():
    assert sum(len(digestkit.validate((SOURCE_DIR / f).read_bytes())) for f in LINT_FIXTURES) > len(LINT_FIXTURES) / 2


def test_validate_applies_a_config(tmp_path):
    data = (TESTDATA / "lint" / "rules" / "DG104.bad.txt").read_bytes()
    assert any(d.code == "DG104" for d in digestkit.validate(data))
    config = tmp_path / "digest.toml"
    config.write_text('[validate]\nseverity = { DG104 = "off" }\n')
    assert not any(d.code == "DG104" for d in digestkit.validate(data, config=config))


def test_a_bad_config_raises_config_error(tmp_path):
    config = tmp_path / "digest.toml"
    config.write_text("[validate\n")
    with pytest.raises(digestkit.ConfigError, match="digest.toml:1"):
        digestkit.validate(b"", config=config)
    assert issubclass(digestkit.ConfigError, ValueError)


def test_diagnostic_is_a_frozen_dataclass():
    d = digestkit.validate((TESTDATA / "parse" / "errors" / "wrapped-title.txt").read_bytes(), path="p.txt")[0]
    assert str(d) == f'p.txt:7:1: error: {d.message} [DG104]'
    with pytest.raises(AttributeError):
        d.line = 3


@pytest.mark.parametrize("name", FORMAT_FIXTURES)
def test_format_equals_the_cli(name):
    before = TESTDATA / "format" / f"{name}.before.txt"
    result = run_digest("fmt", before.relative_to(SOURCE_DIR), check_codes=(0, 1, 2))
    if result.returncode == 0:
        assert digestkit.format(before.read_bytes()) == result.stdout.decode()
    else:
        with pytest.raises(digestkit.Error):
            digestkit.format(before.read_bytes())


def test_format_of_unparsable_text_raises_parse_error():
    with pytest.raises(digestkit.ParseError) as raised:
        digestkit.format((TESTDATA / "parse" / "errors" / "wrapped-title.txt").read_bytes(), path="w.txt")
    assert raised.value.line == 7


DIFF_PAIRS = [
    ("testdata/diff/base.txt", "testdata/diff/edited.txt"),
    ("testdata/diff/two-digests.txt", "testdata/diff/two-digests-edited.txt"),
    ("testdata/diff/base.txt", "testdata/diff/shuffled.txt"),
    ("testdata/diff/repeated-old.txt", "testdata/diff/repeated-new.txt"),
    ("testdata/diff/base.txt", "testdata/diff/base.txt"),
]


@pytest.mark.parametrize("old,new", DIFF_PAIRS)
def test_diff_equals_the_cli_json(old, new):
    expected = cli_json("diff", "--format", "json", old, new)
    found = digestkit.diff((SOURCE_DIR / old).read_bytes(), (SOURCE_DIR / new).read_bytes(), old_path=old, new_path=new)
    assert found == expected
    assert found["format"] == "digestkit-diff/1"


def test_diff_of_unparsable_side_raises():
    with pytest.raises(digestkit.ParseError) as raised:
        digestkit.diff((TESTDATA / "diff" / "base.txt").read_bytes(), (TESTDATA / "diff" / "bad.txt").read_bytes(),
                       new_path="bad.txt")
    assert raised.value.path == "bad.txt" and raised.value.line == 17
