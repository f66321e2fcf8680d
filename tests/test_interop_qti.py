"""QTI 2.1: the content package validates against the official IMS schemas, and a multi item's
mapping scores every set of picks as quizgame grades it.

The schemas are IMS's own (QTI 2.1.2 and Content Packaging 1.1.4, with the W3C and MathML
schemas they import), committed under tests/data/interop/qti/schemas so the tests need no
network.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from interop_helpers import BANK, DATA, GOLDEN, SAMPLE, assert_golden
from quizgame.format import load_quiz
from quizgame.interop.common import ExportOptions
from quizgame.interop.qti import QTI, TEST_FILE, export_quiz

SCHEMAS = DATA / "qti" / "schemas"
NS = {"qti": QTI, "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}


class _LocalSchemas(etree.Resolver):
    """The W3C `xml.xsd` that the packaging schema names by URL, from the committed copy."""

    def resolve(self, url: str, public_id: str, context: object) -> object:
        if url.endswith("/xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "xsd" / "xml.xsd"), context)
        return None


@cache
def schema(name: str) -> etree.XMLSchema:
    parser = etree.XMLParser()
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name), parser))


def package(path: Path) -> dict[str, bytes]:
    result = export_quiz(load_quiz(path), ExportOptions())
    assert isinstance(result.content, bytes)
    with zipfile.ZipFile(io.BytesIO(result.content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def assert_valid(xsd: str, data: bytes, name: str) -> etree._Element:
    document = etree.fromstring(data)
    checker = schema(xsd)
    assert checker.validate(document), f"{name}: {checker.error_log}"
    return document


@pytest.mark.parametrize("path", [SAMPLE, BANK], ids=["sample", "bank"])
def test_package_validates_against_the_ims_schemas(path: Path) -> None:
    files = package(path)
    manifest = assert_valid("imscp_v1p1.xsd", files["imsmanifest.xml"], "imsmanifest.xml")
    listed = {f.get("href") for f in manifest.iterfind(".//cp:file", NS)}
    assert listed == set(files) - {"imsmanifest.xml"}
    for name, data in files.items():
        if name != "imsmanifest.xml":
            assert_valid("imsqti_v2p1p2.xsd", data, name)
    test = etree.fromstring(files[TEST_FILE])
    refs = [ref.get("href") for ref in test.iterfind(".//qti:assessmentItemRef", NS)]
    assert len(refs) == len(load_quiz(path).questions) == len(files) - 2


def test_a_broken_item_is_refused_by_the_schema() -> None:
    """The check can fail: an item without its interaction's required attribute."""
    data = package(SAMPLE)["items/capital-fr.xml"].replace(b' maxChoices="1"', b' maxChoices="x"')
    assert not schema("imsqti_v2p1p2.xsd").validate(etree.fromstring(data))


def test_sample_items_match_golden() -> None:
    files = package(SAMPLE)
    text = "".join(f"=== {name}\n{data.decode('utf-8')}\n" for name, data in files.items())
    assert_golden(GOLDEN / "sample.qti.txt", text)


def test_the_package_is_the_same_every_export() -> None:
    first = export_quiz(load_quiz(SAMPLE), ExportOptions()).content
    assert first == export_quiz(load_quiz(SAMPLE), ExportOptions()).content


def map_response(item: etree._Element, picks: list[str]) -> float:
    """QTI's mapResponse for a multiple response: the sum over distinct picks, within bounds."""
    mapping = item.find(".//qti:mapping", NS)
    values = {e.get("mapKey"): float(e.get("mappedValue")) for e in mapping}
    total = sum(values.get(pick, float(mapping.get("defaultValue"))) for pick in set(picks))
    return min(float(mapping.get("upperBound")), max(float(mapping.get("lowerBound")), total))


def test_multi_mapping_scores_every_pick_set_as_quizgame_does() -> None:
    import itertools

    from quizgame.engine.grading import grade

    quiz = load_quiz(DATA / "edges" / "moodle-grading.toml")
    question = quiz.question("two-of-five")
    result = export_quiz(quiz, ExportOptions())
    with zipfile.ZipFile(io.BytesIO(result.content)) as archive:  # type: ignore[arg-type]
        item = etree.fromstring(archive.read("items/two-of-five.xml"))
    ids = {c.text: c.get("identifier") for c in item.iterfind(".//qti:simpleChoice", NS)}
    for size in range(len(ids) + 1):
        for picks in itertools.combinations(question.choices, size):
            expected = grade(question, list(picks)).credit
            assert abs(map_response(item, [ids[p] for p in picks]) - expected) < 1e-9
