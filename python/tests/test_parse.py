"""digestkit.parse against `digest convert --to json`, on every fixture."""

import re

import pytest

import digestkit
from conftest import SOURCE_DIR, TESTDATA, run_digest, text_fixtures

LOCATION = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.*) \[(?P<code>DG\d+)\]$")


@pytest.mark.parametrize("fixture", text_fixtures())
def test_parse_equals_the_cli_json(fixture):
    """Readable fixtures give the CLI's objects; the others raise ParseError
    at the location (and with the message) the CLI reports."""
    data = (SOURCE_DIR / fixture).read_bytes()
    result = run_digest("convert", "--to", "json", fixture)
    if result.returncode == 0:
        import json

        assert digestkit.parse(data, path=fixture) == json.loads(result.stdout)
        return
    first = result.stderr.decode().splitlines()[0]
    expected = LOCATION.match(first)
    assert expected, first
    with pytest.raises(digestkit.ParseError) as raised:
        digestkit.parse(data, path=fixture)
    error = raised.value
    assert (error.path, error.line, error.column, error.code) == (
        expected["path"],
        int(expected["line"]),
        int(expected["column"]),
        expected["code"],
    )
    assert error.diagnostics[0].message == expected["message"]
    assert str(error).startswith(first)


def test_fixtures_cover_both_outcomes():
    outcomes = {run_digest("convert", "--to", "json", f).returncode for f in text_fixtures()}
    assert outcomes == {0, 1}


def test_str_gives_the_same_objects_as_its_utf8_bytes():
    data = (TESTDATA / "samples" / "ssl-2023-05-02.txt").read_bytes()
    assert digestkit.parse(data.decode("utf-8"), path="a.txt") == digestkit.parse(data, path="a.txt")


def test_legacy_encodings_are_decoded_from_bytes():
    docs = digestkit.parse((TESTDATA / "json" / "gb18030.txt").read_bytes(), path="g.txt")
    assert docs[0]["source"]["encoding"] == "GB18030"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in docs[0]["entries"][0]["title"] + docs[0]["category"])


def test_path_defaults_to_standard_input_name():
    docs = digestkit.parse((TESTDATA / "samples" / "nerf-2023-03-14.txt").read_bytes())
    assert docs[0]["source"]["path"] == "-"


def test_bad_input_raises_with_its_location():
    data = (TESTDATA / "parse" / "errors" / "wrapped-title.txt").read_bytes()
    with pytest.raises(digestkit.ParseError) as raised:
        digestkit.parse(data, path="post.txt")
    assert isinstance(raised.value, ValueError)
    assert (raised.value.line, raised.value.column, raised.value.code) == (7, 1, "DG104")
    assert str(raised.value).startswith("post.txt:7:1: error: title is wrapped onto a second line")


def test_undecodable_bytes_raise_with_the_offset_location():
    with pytest.raises(digestkit.ParseError) as raised:
        digestkit.parse((TESTDATA / "parse" / "errors" / "invalid-utf8.txt").read_bytes(), path="x.txt")
    assert raised.value.line >= 1 and raised.value.column >= 1


def test_other_types_are_refused():
    with pytest.raises(TypeError, match="expected bytes or str"):
        digestkit.parse(12)


def test_buffers_are_accepted():
    data = (TESTDATA / "samples" / "nerf-2023-03-14.txt").read_bytes()
    assert digestkit.parse(bytearray(data)) == digestkit.parse(memoryview(data)) == digestkit.parse(data)


def test_lone_surrogates_in_str_are_an_encoding_error():
    with pytest.raises(UnicodeEncodeError):
        digestkit.parse("\ud800")


def test_help_reads_well():
    doc = digestkit.parse.__doc__
    assert "digestkit/1" in doc and "ParseError" in doc
    assert "parse(data" in pydoc_text(digestkit.parse)


def pydoc_text(obj):
    import pydoc

    return pydoc.plain(pydoc.render_doc(obj))


@pytest.mark.parametrize("text", ["caf\u00e9 na\u00efve", "\u795e\u7ecf\u8f90\u5c04\u573a", "\U0001f600 emoji \u00e9\u4e2d"])
def test_every_character_width_equals_the_cli(tmp_path, text):
    """Titles at each of CPython's string widths (Latin-1, BMP, astral)."""
    sample = (TESTDATA / "samples" / "nerf-2023-03-14.txt").read_text(encoding="utf-8")
    title = digestkit.parse(sample)[0]["entries"][0]["title"]
    post = tmp_path / "wide.txt"
    post.write_text(sample.replace(title, f"{text} {title}", 1), encoding="utf-8")
    import json

    expected = json.loads(run_digest("convert", "--to", "json", post).stdout)
    got = digestkit.parse(post.read_bytes(), path=str(post))
    assert got == expected
    assert got[0]["entries"][0]["title"].startswith(text)
