"""digestkit.iter_archive over folders, .tar.gz and .zip archives."""

import gc
import tarfile
import warnings
import zipfile

import pytest

import digestkit
from conftest import TESTDATA

SAMPLES = sorted((TESTDATA / "samples").glob("*.txt"))
BAD = TESTDATA / "parse" / "errors" / "wrapped-title.txt"


def expected_documents(prefix, files, root):
    docs = []
    for f in files:
        docs += digestkit.parse(f.read_bytes(), path=f"{prefix}{f.relative_to(root)}")
    return docs


def test_a_folder_yields_every_digest_in_sorted_order():
    got = list(digestkit.iter_archive(TESTDATA / "samples"))
    assert got == expected_documents(f"{TESTDATA / 'samples'}/", SAMPLES, TESTDATA / "samples")
    assert len(got) >= 2


def test_a_tar_gz_yields_its_members(tmp_path):
    archive = tmp_path / "posts.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for f in SAMPLES:
            tar.add(f, arcname=f"posts/{f.name}")
    got = list(digestkit.iter_archive(archive))
    assert got == expected_documents(f"{archive}:posts/", SAMPLES, TESTDATA / "samples")


def test_a_zip_yields_its_members(tmp_path):
    archive = tmp_path / "posts.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in SAMPLES:
            z.write(f, arcname=f.name)
    got = [d["source"]["path"] for d in digestkit.iter_archive(str(archive))]
    assert got == [f"{archive}:{f.name}" for f in SAMPLES for _ in digestkit.parse(f.read_bytes())]


def folder_with_a_bad_post(tmp_path):
    (tmp_path / "a.txt").write_bytes(SAMPLES[0].read_bytes())
    (tmp_path / "b.txt").write_bytes(BAD.read_bytes())
    (tmp_path / "c.txt").write_bytes(SAMPLES[1].read_bytes())
    return tmp_path


def test_a_bad_post_raises_by_default(tmp_path):
    folder = folder_with_a_bad_post(tmp_path)
    stream = digestkit.iter_archive(folder)
    first = next(stream)
    assert first["source"]["path"].endswith("a.txt")
    with pytest.raises(digestkit.ParseError) as raised:
        list(stream)
    assert raised.value.path.endswith("b.txt") and raised.value.line == 7


def test_errors_skip_warn_and_callable_go_on(tmp_path):
    folder = folder_with_a_bad_post(tmp_path)
    names = lambda docs: [d["source"]["path"].rsplit("/", 1)[-1] for d in docs]
    assert names(digestkit.iter_archive(folder, errors="skip")) == ["a.txt", "c.txt"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert names(digestkit.iter_archive(folder, errors="warn")) == ["a.txt", "c.txt"]
    assert len(caught) == 1 and "b.txt:7:1" in str(caught[0].message)
    seen = []
    assert names(digestkit.iter_archive(folder, errors=seen.append)) == ["a.txt", "c.txt"]
    assert [type(e) for e in seen] == [digestkit.ParseError]
    with pytest.raises(ValueError):
        list(digestkit.iter_archive(folder, errors="ignore"))


def test_a_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(digestkit.InputError) as raised:
        list(digestkit.iter_archive(tmp_path / "absent.tgz"))
    assert isinstance(raised.value, OSError) and "absent.tgz" in str(raised.value)


def test_a_corrupt_archive_is_an_input_error(tmp_path):
    archive = tmp_path / "broken.tar.gz"
    archive.write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    with pytest.raises(digestkit.InputError):
        list(digestkit.iter_archive(archive))


def test_leaving_early_stops_the_walk(tmp_path):
    archive = tmp_path / "many.tar"
    with tarfile.open(archive, "w") as tar:
        for k in range(200):
            tar.add(SAMPLES[0], arcname=f"p{k:03}.txt")
    stream = digestkit.iter_archive(archive)
    assert next(stream)["source"]["path"].endswith("p000.txt")
    stream.close()  # joins the reading thread; must not hang with the queue full
    del stream
    gc.collect()


def test_iter_inputs_lists_what_iter_archive_parses(tmp_path):
    folder = list(digestkit.iter_inputs(TESTDATA / "samples"))
    assert folder == [(f"{TESTDATA / 'samples'}/{f.name}", None) for f in SAMPLES]  # listed, not read
    archive = tmp_path / "posts.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for f in SAMPLES:
            tar.add(f, arcname=f"posts/{f.name}")
    members = list(digestkit.iter_inputs(archive))
    assert members == [(f"{archive}:posts/{f.name}", f.read_bytes()) for f in SAMPLES]
    parsed = [d for name, data in members for d in digestkit.parse(data, path=name)]
    assert parsed == list(digestkit.iter_archive(archive))
    with pytest.raises(digestkit.InputError):
        list(digestkit.iter_inputs(tmp_path / "absent.zip"))
