"""Property tests: arbitrary input raises nothing but StudykitError, and what is returned
keeps its promises (offsets index the body, expressions do not overlap)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from functools import cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studykit.articles import load_article, parse_article
from studykit.errors import StudykitError
from studykit.generate import generate_article
from studykit.model import Article
from studykit.templates import Template, load_templates
from studykit.timex import tag

SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
_DIR = tempfile.mkdtemp(prefix="studykit-props-")


@pytest.fixture(scope="module", autouse=True)
def _remove_dir():
    """Hypothesis runs each test many times over one folder; it goes when the module ends."""
    yield
    shutil.rmtree(_DIR, ignore_errors=True)


# Text that looks like news: words the recognizers know, digits, dates, punctuation, line
# ends of every kind, and now and then anything at all.
_WORDS = [
    "Tuesday", "on", "in", "November", "10", "2020", "the", "President", "Russian",
    "Vladimir", "Putin", "said", "years", "ago", "44", "days", "last", "week", "Mr.", "U.S.",
    "“", "”", '"', "—", "at", "least", "32", "people", "1,960", "million", "2020-11-10",
    "Armenia", "Azerbaijan", "Prime", "Minister", "Nikol", "Pashinyan", "since", "1990s",
    "3:30", "a.m.", "next", "month", "today", "now", "\n", "\r\n", "\n\n", ".", ",", "?",
]  # fmt: skip
news_text = st.one_of(
    st.lists(st.sampled_from(_WORDS) | st.text(max_size=8), max_size=60).map(" ".join),
    st.text(max_size=300),
)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


def _write(name: str, data: bytes) -> str:
    path = os.path.join(_DIR, name)
    with open(path, "wb") as fh:
        fh.write(data)
    return path


@cache
def _templates() -> list[Template]:
    return load_templates()


@SETTINGS
@given(st.binary(max_size=400) | news_text.map(lambda s: ("date 2020-11-10 " + s).encode()))
@example(b"\xef\xbb\xbfdate 2020-11-10\r\nBody.\r\n")
@example(b"---\ndate: 2020-13-45\n---\nx")
@example(b"---\ntitle: &a [*a]\ndate: 2020-01-01\n---\n")
@example(b"date 2020-11-10\r")
def test_loader_raises_only_studykit_errors(data):
    path = _write("a.txt", data)
    try:
        a = load_article(path)
    except StudykitError as exc:
        assert exc.path == path and "\n" not in str(exc)
        return
    # The body is the end of the file's text, exactly as written.
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if text.endswith(a.body):
            break
    else:
        raise AssertionError("the body is not the end of the file")
    assert parse_article(text, path).body == a.body


@SETTINGS
@given(news_text, dates)
def test_tagger_raises_nothing_and_offsets_index_the_text(text, dct):
    found = tag(text, dct)
    end = 0
    for t in found:
        assert end <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        end = t.end


_KEYS = [
    "id", "kind", "match", "regex", "question", "answer", "blank", "when", "requires",
    "score", "tags", "examples", "sentence", "date", "no_match", "text", "templates",
]  # fmt: skip
_VALUES = [
    "a", "short", "cloze", "mcq", "{person} said", "{country} {title} {person}", "{date}",
    "(?P<person>\\w+)", "(a+)+$", "[", "{{ person }}", "{{ person.__class__ }}", "{% if %}",
    "{{ when | in_month }}", "2020-11-10", "2020-13-45", "true", "1e999", "-", "[1, 2]",
    "{a: 1}", "*x", "&x y", "!!python/object:os.system", "'", '"', "\t", "~", "null",
]  # fmt: skip
yaml_ish = st.recursive(
    st.sampled_from(_VALUES) | st.text(max_size=12),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda xs: "".join(f"\n- {x}" for x in xs)),
        st.lists(st.tuples(st.sampled_from(_KEYS) | st.text(max_size=6), inner), max_size=6).map(
            lambda kv: "".join(f"\n{k}: {v}" for k, v in kv)
        ),
        inner.map(lambda x: x.replace("\n", "\n  ")),
    ),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_ish | st.text(max_size=200))
@example("- id: a\n  kind: short\n  match: '{person}'\n  score: x\n  examples: []\n")
@example("- id: a\n  kind: cloze\n  match: '{person}'\n  blank: [1]\n  examples: []\n")
@example("- {1: 2}")
@example("[" * 800)
def test_template_loading_raises_only_studykit_errors(text):
    path = _write("t.yaml", text.encode("utf-8", "surrogatepass"))
    problems: list[StudykitError] = []
    load_templates([path], problems)  # collects every problem instead of raising
    for p in problems:
        assert isinstance(p, StudykitError) and p.path == path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text, dates)
def test_rendering_any_body_raises_nothing(body, date):
    article = Article("a", "a.txt", date, "Title", body)
    result = generate_article(article, _templates())
    for q in result.questions:
        assert body[q.start : q.end] == q.sentence
        assert q.question and q.answer
