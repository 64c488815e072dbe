"""Question templates: load and check YAML files, compile ``match`` patterns, render questions.

A template's ``match`` is written in words and typed slots, not regular expressions::

    match: "{country} {title} {person}"        # "Russian President Vladimir Putin"
    match: "{person} ... described ... as {quote}"

* ``{type}`` or ``{type:name}`` is a slot (types in ``SLOT_TYPES``); a second slot of the same
  type without a name is bound as ``type2``.
* ``...`` skips up to eight words, ``*`` exactly one word.
* ``[word]`` is an optional word; ``a|b`` is either word.
* Anything else is a literal word, matched case-insensitively. Punctuation between the
  parts of a match is skipped.

Experts may write ``regex:`` instead, with named groups; a group named after a slot type
(``(?P<person>...)``) must cover a mention of that type.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import yaml
from jinja2 import nodes as jnodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from studykit.errors import COLON_IN_VALUE, StudykitError, close_matches
from studykit.mentions import SPEECH
from studykit.model import AnnotatedSentence, Article, Mention
from studykit.timex import cached_granularity, is_vague, phrase_value

# The same few dates come up in sentence after sentence: phrase each value once.
cached_phrase_value = lru_cache(maxsize=4096)(phrase_value)

SLOT_TYPES = (
    "date", "duration", "number", "quantity", "person", "title", "country", "place", "org",
    "quote",
)  # fmt: skip
KINDS = ("short", "cloze", "mcq", "truefalse")
KEYS = {
    "id": "a unique name, such as office-holder",
    "description": "one line saying what the template asks",
    "kind": "one of " + ", ".join(KINDS),
    "match": "a pattern of words and {slots}",
    "regex": "a regular expression with named groups (instead of match)",
    "question": "the question, a Jinja2 template",
    "answer": "the answer, a Jinja2 template",
    "blank": "for cloze: the slot to blank out",
    "when": "which time the fact is about: sentence (default) or article",
    "requires": "conditions on slots, such as 'person.title'",
    "score": "a bonus (or penalty) added to the question's rank",
    "tags": "a list of tags",
    "examples": "sentences with their expected question and answer",
}
REQUIRED = ("id", "kind", "examples")
EXAMPLE_KEYS = {"sentence", "date", "text", "question", "answer", "no_match", "title"}
ALWAYS_BOUND = {"when", "article", "sentence"}
REGEX_TIMEOUT = 0.05  # seconds per match attempt of a user's regex

_SEP = r"[\s,;:\"'“”‘’()\[\]\-–—]*"
_WORD = r"\S+"
# Punctuation a ``match`` may write between its parts, or on a word's edge ("{what},
# which", "said:"): skipped as the sentence's punctuation is, never required.
_MATCH_PUNCT = ',;:.!?"“”()–—'
_TOKEN = re.compile(
    r"\{\.\.\.:(?P<free>[a-z_][a-z0-9_]*)\}|\{([a-z_]+)(?::([a-z_][a-z0-9_]*))?\}"
    r"|\.\.\.|\*|\[[^\]]+\]|[^\s{}\[\]]+"
)


# ------------------------------------------------------------------------ rendering ----

# Patterns used for every question rendered, compiled once.
_CLOCK_TIME = re.compile(r"\d:\d\d|\b[ap]\.?m\b", re.I)
_WEEKDAY = re.compile(r"(?i)(mon|tues|wednes|thurs|fri|satur|sun)day")
_DECADE_OR_YEAR = re.compile(r"(?i)(the )?((early|mid|late)[\s-]+)?\d{3}0s|\d{4}")
_DAY_NUMBER = re.compile(r"\b\d{1,2}\b")
_YEAR_START = re.compile(r"\d{4}")
_CONSONANT_Y_END = re.compile(r"[^aeiou]y$")
_SIBILANT_END = re.compile(r"(s|x|z|ch|sh)$")
_VOWEL_START = re.compile(r"(?i)[aeiou]")
_YOU_SOUND_START = re.compile(r"(?i)uni|eu")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.?!;:])")


# Sayings that tell nothing of their speaker: sympathy, joy and shock in set words.
_STOCK_PHRASE = re.compile(
    r"(?i)\b(?:(?:thoughts|hearts|prayers|sympathies)\s+(?:are|go\s+out)\s+(?:with|to)|"
    r"thoughts\s+and\s+prayers|deepest\s+(?:sympathy|condolences)|dream\s+come\s+true|"
    r"lost\s+for\s+words|out\s+of\s+the\s+woods|still\s+taking\s+it\s+in|"
    r"(?:very|deeply|extremely)\s+(?:saddened|disappointed|difficult\s+(?:thing|day|time))|"
    r"(?:it'?s|it\s+is|this\s+is)\s+(?:unbelievable|incredible|amazing))"
)
# Words that open a saying about a person it leaves unnamed.
_SOMEONE_ELSE = frozenset(("He", "She", "His", "Her", "Him"))  # "It", "They" are often no one


class Slot:
    """A matched mention as a template sees it: ``{{ person }}``, ``{{ person.title }}``."""

    __slots__ = ("kind", "text", "value", "_attrs", "start", "end")

    def __init__(self, m: Mention) -> None:
        self.kind = m.kind
        self.text = m.text
        self.value = m.value
        self._attrs = dict(m.attrs)
        self.start = m.start
        self.end = m.end

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._attrs[key]
        except KeyError:
            return ""

    @property
    def amount(self) -> str:
        """A count with the modifier that qualifies it: "at least 32"."""
        mod = self._attrs.get("modifier", "")
        if mod in ("another", "only", "just", "some"):
            mod = ""
        if mod == "or more":
            return f"{self.text} or more"
        return f"{mod} {self.text}".strip()

    @property
    def adjective(self) -> str:
        """Non-empty for a country told by its adjective ("the Italian Embassy"), which says
        whose a thing is, not where it happened."""
        return "yes" if self.kind == "country" and self._attrs.get("form") == "adjective" else ""

    @property
    def long(self) -> str:
        """Non-empty for a quotation worth asking who said it: five words or more, and no
        stock phrase anyone says ("Our thoughts are with the families", "It's a dream come
        true", "We are not out of the woods")."""
        if self.kind != "quote" or len(self.value.split()) < 5:
            return ""
        return "" if _STOCK_PHRASE.search(self.value) else "yes"

    @property
    def whole(self) -> str:
        """Non-empty for a quotation that starts as a sentence does ("We have reliable ..."),
        not inside one ("been made well by the operation"), nor about someone it does not
        name ("He is getting exactly the opposite"): only a whole saying reads well after
        "Who said"."""
        first = self.value[:1]
        if self.kind != "quote" or not (first.isupper() or first.isdigit()):
            return ""
        return "" if self.value.split(None, 1)[0] in _SOMEONE_ELSE else "yes"

    def __str__(self) -> str:
        if self.kind == "date":
            return cached_phrase_value(self.value, "bare") or self.text
        if self.kind in ("number", "quantity"):
            return self.text
        if self.kind == "quote":
            return self.value
        if self.kind == "country":
            return _f_country(self.value)
        return self.value

    @property
    def display(self) -> str:
        """The answer as people write it."""
        if self.kind == "date":
            bare = cached_phrase_value(self.value, "bare")
            surface = self.text.strip()
            if not bare or surface.lower() == bare.lower() or self.type in ("DURATION", "SET"):
                return surface
            if self.type == "TIME" and _CLOCK_TIME.search(surface):
                return surface
            if _WEEKDAY.fullmatch(surface):
                return cached_phrase_value(self.value, "bare", weekday=True)
            if bare.lower().startswith(surface.lower() + " "):
                return bare  # "July" → "July 2021", not "July (July 2021)"
            if _DECADE_OR_YEAR.fullmatch(surface) or (
                self.value[:4] in surface and (_DAY_NUMBER.search(surface) or len(self.value) == 4)
            ):
                # "the 1990s", "March 4, 2011", "fiscal year 2023": already complete
                return surface
            if bare.lower().removeprefix("the ") in surface.lower():
                return surface  # "the early 1700s", not "the early 1700s (the 1700s)"
            if self.type == "TIME" and bare.startswith("24:00, "):
                bare = bare[7:]  # "midnight (1 October 2022)": the clock says no more
            return f"{surface} ({bare})"
        return str(self)


def display(m: Mention) -> str:
    """``Slot(m).display``: a name, a quotation or a count is written as it is, and needs no
    Slot made for it (answers and distractor pools are made from thousands of mentions)."""
    if m.kind in ("person", "org", "place", "title", "quote"):
        return m.value
    if m.kind in ("number", "quantity"):
        return m.text
    return Slot(m).display


def _f_on(v: Any) -> str:
    return cached_phrase_value(_value(v), "in")


def _f_in_month(v: Any) -> str:
    return cached_phrase_value(_value(v), "month")


def _f_bare(v: Any) -> str:
    return cached_phrase_value(_value(v), "bare")


def _f_in_year(v: Any) -> str:
    val = _value(v)
    return f"in {val[:4]}" if _YEAR_START.match(val) else cached_phrase_value(val, "in")


def _f_as_of(v: Any) -> str:
    text = cached_phrase_value(_value(v), "month")
    return "as of " + text[3:] if text.startswith("in ") else text


def _f_number(v: Any) -> str:
    s = str(getattr(v, "value", v))
    try:
        n = float(s.replace(",", ""))
    except ValueError:
        return str(v)
    return f"{int(n):,}" if n == int(n) else f"{n:,}"


def _f_plural(word: str, n: Any = 2) -> str:
    try:
        one = float(str(getattr(n, "value", n)).replace(",", "")) == 1
    except ValueError:
        one = False
    if one or word.endswith("s"):
        return word
    if _CONSONANT_Y_END.search(word):
        return word[:-1] + "ies"
    if _SIBILANT_END.search(word):
        return word + "es"
    return word + "s"


def _f_a(word: str) -> str:
    w = str(word)
    return ("an " if _VOWEL_START.match(w) and not _YOU_SOUND_START.match(w) else "a ") + w


def _f_demonym(country: Any) -> str:
    from studykit.resources import demonym

    return demonym(str(country))


def _f_country(name: Any) -> str:
    """A country's name as a sentence uses it: "the Czech Republic", "Armenia"."""
    from studykit.resources import words

    n = str(name)
    return ("the " if n in words("the_countries") else "") + n


def _value(v: Any) -> str:
    return str(getattr(v, "value", v))


# The filters that phrase a TIMEX3 value: given a name, a count or a quotation they print
# nonsense ("in the 79th century"), so ``check`` refuses them on any slot but a date's.
DATE_FILTERS = frozenset(("on_date", "phrase", "in_month", "in_year", "as_of", "bare_date"))
FILTERS = {
    "on_date": _f_on,  # "on 10 November 2020" / "in 2020": the value with its preposition
    "phrase": _f_on,
    "in_month": _f_in_month,  # "in November 2020"
    "in_year": _f_in_year,  # "in 2020"
    "as_of": _f_as_of,  # "as of November 2020"
    "bare_date": _f_bare,  # "10 November 2020"
    "number": _f_number,  # "1,960"
    "plural": _f_plural,
    "a": _f_a,
    "demonym": _f_demonym,  # "Russia" -> "Russian"
    "country": _f_country,  # "Czech Republic" -> "the Czech Republic"
}


def make_env() -> jinja2.Environment:
    """A sandboxed Jinja2 environment: no attribute starting with '_', no file access, no
    helpers beyond range and dict, and no arithmetic that could run for ever."""
    from jinja2.exceptions import SecurityError

    env = ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False
    )
    env.filters.update(FILTERS)
    # A question needs none of Jinja's helpers, and lipsum(10**6) fills memory.
    for name in ("lipsum", "cycler", "joiner"):
        env.globals.pop(name, None)

    def call_binop(context: Any, operator: str, left: Any, right: Any) -> Any:
        # "2 ** 99999999" would compute for minutes and "'x' * 10**9" fill memory; Jinja
        # would even fold such constants while compiling, so both are checked first.
        if (
            operator == "**" and isinstance(left, int) and isinstance(right, int)
            and abs(left) > 1 and abs(left).bit_length() * right > 4096
        ):  # fmt: skip
            raise SecurityError("number too large in a template")
        if operator == "*":
            n, seq = (right, left) if isinstance(right, int) else (left, right)
            if isinstance(seq, str | list | tuple) and isinstance(n, int) and n * len(seq) > 10_000:
                raise SecurityError("text too long in a template")
        return env.binop_table[operator](left, right)

    env.intercepted_binops = frozenset({"**", "*"})
    env.call_binop = call_binop  # type: ignore[method-assign,assignment]
    return env


@lru_cache(maxsize=1)
def _shared_env() -> jinja2.Environment:
    """The environment templates are parsed and compiled in: one serves them all, as it keeps
    nothing from one render to the next, and making one costs more than parsing a template."""
    return make_env()


# -------------------------------------------------------------------------- model ------


@dataclass(frozen=True, slots=True)
class Example:
    sentence: str
    date: dt.date
    text: str | None  # the whole example article, when the sentence needs context
    question: str | None
    answer: str | None
    no_match: bool
    line: int


@dataclass(frozen=True)
class Template:
    """A loaded, checked question template."""

    id: str
    description: str
    kind: str
    match: str | None
    regex: str | None
    question: str
    answer: str
    blank: str | None
    when: str
    requires: tuple[str, ...]
    score: float
    tags: tuple[str, ...]
    examples: tuple[Example, ...]
    path: str
    line: int
    col: int = 1
    slots: tuple[tuple[str, str], ...] = ()  # (binding name, slot type)
    pattern: Any = field(default=None, compare=False, repr=False)  # ``regex``, compiled
    match_regex: str = ""  # the regular expression ``match`` compiles to (see compile_match)
    # What a sentence must have before the pattern is worth trying: mention kinds, and for
    # each required literal word its alternatives (a quick test that rejects most sentences).
    needs_kinds: frozenset[str] = frozenset()
    needs_words: tuple[tuple[str, ...], ...] = ()

    @cached_property
    def match_pattern(self) -> re.Pattern[str]:
        """``match_regex`` compiled, when first needed: a run that never gets past a
        template's quick tests (``needs_kinds``, ``needs_words``) does not pay for it."""
        return re.compile(self.match_regex)

    @cached_property
    def question_article_fields(self) -> tuple[str, ...] | None:
        """The fields of ``article`` that ``question`` reads, when it reads nothing else: the
        question is then the same for every match in articles that agree on those fields."""
        return _source_info(self.question or "").article_fields

    @cached_property
    def says_when(self) -> bool:
        """Whether the question or the answer names the time of the fact (reads ``when``)."""
        return any(
            "when" in _source_info(text or "").variables for text in (self.question, self.answer)
        )

    @cached_property
    def reads_article_date(self) -> bool:
        """Whether the question or the answer reads ``article`` ("the report of 16 March")."""
        return any(
            "article" in _source_info(text or "").variables for text in (self.question, self.answer)
        )

    def render(self, context: dict[str, Any]) -> tuple[str, str]:
        question = self.render_question(context)
        return question, _tidy(_bounded(_compiled(self.answer or ""), context))

    def render_question(self, context: dict[str, Any]) -> str:
        """``render(context)[0]``, without rendering the answer."""
        return _tidy(_bounded(_compiled(self.question or ""), context), capitalize=True)


@lru_cache(maxsize=512)
def _compiled(source: str) -> jinja2.Template:
    """A question's or an answer's text compiled, once per process: compiling costs about a
    millisecond, and templates share texts (``{{ person }}``, a cloze card's date line)."""
    return _shared_env().from_string(source)


@dataclass(frozen=True, slots=True)
class _SourceInfo:
    """What checking and rendering need to know of a question's or an answer's text."""

    variables: frozenset[str]  # the names it reads
    problems: tuple[str, ...]  # what the sandbox would refuse (see ``_unsafe``)
    # The fields of ``article`` it reads, when ``article`` is all it reads (else None); all
    # of them when it uses ``article`` other than by a field's name.
    article_fields: tuple[str, ...] | None
    attributes: tuple[tuple[str, str], ...] = ()  # (name, attribute) it reads: ``person.title``
    dated: tuple[tuple[str, str], ...] = ()  # (name, filter) of a date filter: ``when | in_month``


ARTICLE_FIELDS = ("date", "title", "id", "story")  # what ``article`` holds (see ``context``)
# What a slot of each type has (see ``Slot`` and the mentions' attributes), to catch a
# misspelt ``{{ title.stat }}`` when the template is checked, not as an empty string later.
_EVERY_SLOT = ("text", "value", "kind", "display", "start", "end")
_SLOT_ATTRIBUTES: dict[str, frozenset[str]] = {
    kind: frozenset((*_EVERY_SLOT, *extra))
    for kind, extra in {
        "person": ("title", "country", "role", "shared", "sworn"),
        "title": ("scope", "state"),
        "country": ("form", "possessive", "adjective", "owner"),
        "place": ("country", "feature", "noun"),
        "org": (),
        "date": ("granularity", "type"),
        "duration": ("granularity", "type"),
        "number": ("modifier", "noun", "where", "amount"),
        "quantity": ("modifier", "noun", "where", "amount"),
        "quote": ("speaker", "long", "whole"),
        "text": (),
    }.items()
}
_ALWAYS_ATTRIBUTES = {
    "article": frozenset(ARTICLE_FIELDS),
    "when": _SLOT_ATTRIBUTES["date"],
    "sentence": frozenset(),
}


def _unknown_attribute(name: str, attr: str, types: dict[str, str]) -> str | None:
    """A problem with ``name.attr`` when ``name`` has no such attribute, else None."""
    known = _ALWAYS_ATTRIBUTES.get(name)
    if known is None:
        typ = types.get(name)
        known = _SLOT_ATTRIBUTES.get(typ) if typ else None
    if known is None or attr in known:
        return None
    close = close_matches(attr, sorted(known))
    hint = f" (did you mean {name}.{close[0]}?)" if close else ""
    listed = ", ".join(sorted(known)) or "none"
    return f"{name} has no attribute {attr!r}{hint}; it has: {listed}"


@lru_cache(maxsize=512)
def _source_info(source: str) -> _SourceInfo:
    """Parse ``source`` once per process; raises ``jinja2.TemplateSyntaxError``."""
    ast = _shared_env().parse(source)
    variables = frozenset(_variables(ast))
    fields: tuple[str, ...] | None = None
    if variables <= {"article"}:
        field_of = {id(g.node): g.attr for g in ast.find_all(jnodes.Getattr)}
        read = {field_of.get(id(n)) for n in ast.find_all(jnodes.Name) if n.name == "article"}
        if not read <= set(ARTICLE_FIELDS):  # ``article`` itself, or ``article["date"]``...
            read = set(ARTICLE_FIELDS)
        fields = tuple(f for f in ARTICLE_FIELDS if f in read)
    attributes = tuple(
        sorted({(g.node.name, g.attr) for g in ast.find_all(jnodes.Getattr)
                if isinstance(g.node, jnodes.Name)})
    )  # fmt: skip
    dated = tuple(
        sorted({(f.node.name, f.name) for f in ast.find_all(jnodes.Filter)
                if f.name in DATE_FILTERS and isinstance(f.node, jnodes.Name)})
    )  # fmt: skip
    return _SourceInfo(variables, tuple(_unsafe(ast)), fields, attributes, dated)


MAX_RENDERED = 10_000  # characters: no question is longer, and a stranger's template may try


def _bounded(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render, but give up once the text is longer than any question should be."""
    out: list[str] = []
    size = 0
    for piece in template.generate(context):
        size += len(piece)
        if size > MAX_RENDERED:
            raise ValueError(f"rendered text is longer than {MAX_RENDERED} characters")
        out.append(piece)
    return "".join(out)


def _tidy(s: str, capitalize: bool = False) -> str:
    s = _SPACES.sub(" ", s).strip()
    s = _SPACE_BEFORE_PUNCT.sub(r"\1", s)
    return s[:1].upper() + s[1:] if s and capitalize else s


# ------------------------------------------------------------------------- loading -----


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line and column of every mapping and key."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = loader.construct_mapping(node, deep=True)  # type: ignore[assignment]
    marks = {}
    for key_node, _ in node.value:
        marks[str(key_node.value)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__col__"] = node.start_mark.column + 1
    mapping["__marks__"] = marks
    return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,  # type: ignore[arg-type]
)

try:
    from yaml import CSafeLoader as _CSafeLoader
except ImportError:  # PyYAML built without libyaml: its own parser does for both
    from yaml import SafeLoader as _CSafeLoader  # type: ignore[assignment]


class _ShippedLoader(_CSafeLoader):
    """``_LineLoader`` on libyaml's parser, about ten times faster: for the shipped templates.

    libyaml does not always agree with PyYAML's own parser on what is valid YAML (it takes a
    tab inside a plain scalar, '?' in a flow sequence, a byte-order mark mid-file...), and the
    checker reports PyYAML's messages, so a user's file is read by ``_LineLoader``. On the
    shipped files both give the same data; a test checks that they still do.
    """


_ShippedLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,  # type: ignore[arg-type]
)


def shipped_templates_dir() -> Path:
    """Where the templates that come with studykit live (inside the installed package)."""
    try:
        return Path(str(resources.files("studykit.question_templates")))
    except ModuleNotFoundError:
        # Running from a source checkout that is not installed: the folder at the top.
        return Path(__file__).resolve().parent.parent / "question_templates"


@lru_cache(maxsize=1)
def _shipped_folder() -> str:
    return os.path.realpath(shipped_templates_dir())


SHIPPED = "shipped"  # as a template path: the templates that come with studykit


def template_files(
    paths: list[str] | None, problems: list[StudykitError] | None = None
) -> list[str]:
    """YAML files in the given folders/files (default: the shipped templates), sorted.

    A path that does not exist is raised, or added to ``problems`` when given and left out.
    """
    if not paths:
        paths = [SHIPPED]
    files: list[str] = []
    for p in paths:
        if p == SHIPPED and not os.path.exists(p):
            p = str(shipped_templates_dir())  # "-t shipped -t mine/": keep the shipped set
        if os.path.isdir(p):
            before = len(files)
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files.extend(
                    os.path.join(root, n) for n in sorted(names) if n.endswith((".yaml", ".yml"))
                )
            if len(files) == before:
                # "-t articles/" for "-t templates/": say so rather than make nothing quietly.
                empty = StudykitError("no template files (.yaml or .yml) in this folder", p)
                if problems is None:
                    raise empty
                problems.append(empty)
        elif os.path.exists(p):
            files.append(p)
        elif problems is not None:
            problems.append(StudykitError("no such template file or folder", p))
        else:
            raise StudykitError("no such template file or folder", p)
    return files


_NO_FILTER = re.compile(r"No filter named '([^']*)'")
# "  question: "Who won the {{ prize }}?": a value that opens a quotation it never closes.
_QUOTED_VALUE = re.compile(r"\s*(?:-\s+)?[\w-]+:\s+(?P<q>[\"'])")


def _unclosed_quote(lines: list[str], line: int) -> tuple[int, int] | None:
    """The line and column of a quoted value that does not close on its own line, at or
    just before ``line`` (1-based), where YAML reports the error that follows from it."""
    for n in range(line, max(0, line - 4), -1):
        if n > len(lines):
            continue
        m = _QUOTED_VALUE.match(lines[n - 1])
        if m is None:
            continue
        q, rest = m.group("q"), lines[n - 1][m.end() :]
        rest = rest.replace('\\"', "") if q == '"' else rest.replace("''", "")
        if q not in rest:
            return n, m.start("q") + 1
    return None


def load_templates(
    paths: list[str] | None = None, problems: list[StudykitError] | None = None
) -> list[Template]:
    """Load and check every template; problems are collected (or raised together).

    With ``problems`` given, the good templates are returned beside the bad ones' problems.
    """
    errors: list[StudykitError] = [] if problems is None else problems
    out: list[Template] = []
    seen: dict[str, tuple[str, int]] = {}
    for path in template_files(paths, errors):
        for t in _load_file(path, errors):
            if t.id in seen:
                first = seen[t.id]
                errors.append(
                    StudykitError(
                        f"duplicate template id {t.id!r} (first defined at {first[0]}:{first[1]})",
                        t.path,
                        t.line,
                        t.col,
                    )
                )
                continue
            seen[t.id] = (t.path, t.line)
            out.append(t)
    if problems is None and errors:
        from studykit.errors import StudykitErrors

        raise StudykitErrors(errors)
    return out


# Each file's templates and problems, by path and content (see ``_load_file``).
_LOADED: dict[tuple[str, bool, bytes], tuple[list[tuple[Template, int]], list[StudykitError]]] = {}


def _load_file(path: str, errors: list[StudykitError]) -> Iterator[Template]:
    """The templates of one file; every problem found goes to ``errors`` as path:line.

    The file is read each time, but parsed and checked once per path and content: a second
    load in the same process (a library caller's second run, a test) costs only the read.
    """
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        errors.append(StudykitError(f"cannot read template file: {exc.strerror or exc}", path))
        return
    shipped = os.path.dirname(os.path.realpath(path)) == _shipped_folder()
    key = (path, shipped, raw)
    found = _LOADED.get(key)
    if found is None:
        if len(_LOADED) >= 64:
            _LOADED.clear()
        problems: list[StudykitError] = []
        # Each template with the number of problems found before it, so that they are
        # reported in the order they were found among whatever the caller adds.
        templates = [(t, len(problems)) for t in _parse_file(path, raw, shipped, problems)]
        found = _LOADED[key] = (templates, problems)
    templates, problems = found
    done = 0
    for t, before in templates:
        errors.extend(problems[done:before])
        done = before
        yield t
    errors.extend(problems[done:])


def _parse_file(
    path: str, raw: bytes, shipped: bool, errors: list[StudykitError]
) -> Iterator[Template]:
    """The templates in the bytes of one file (``shipped``: one of studykit's own)."""

    def _bad_date_line(text: str) -> int:
        """The line of the first date-like YAML value that is not a real date (else 1)."""
        for i, line in enumerate(text.splitlines(), 1):
            for m in re.finditer(r"(?<![\w.-])(\d{4})-(\d\d?)-(\d\d?)(?![\w.-])", line):
                try:
                    dt.date(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    return i
        return 1

    def _has_alias(text: str, scanner: Any) -> int:
        """The line of the first YAML alias in ``text``, or 0 (the text has already parsed)."""
        for tok in yaml.scan(text, Loader=scanner):
            if isinstance(tok, yaml.AliasToken):
                return tok.start_mark.line + 1
        return 0

    MAX_REGEX_SIZE = 100_000  # compiles in well under a second

    def _regex_size(src: str, nested_sets: bool) -> int:
        """A rough count of the states ``src`` compiles to: a repeat multiplies what it
        repeats. The regex module takes minutes and gigabytes to compile x{4294967294}.
        ``nested_sets``: read ``[[a]b]`` as one set (the module's VERSION1) or not."""
        repeat = re.compile(r"\{(\d*)(?:,(\d*))?\}")
        stack = [[0, 0]]  # per open group: [size so far, size of its last item]
        i = 0
        while i < len(src):
            c, item = src[i], 1
            if c == "\\":
                i += 2
            elif c == "[":
                j = i + 1 + (src[i + 1 : i + 2] == "^")
                j += src[j : j + 1] == "]"  # a leading ']' is a literal
                depth = 1
                while j < len(src) and depth:
                    depth += {"[": int(nested_sets), "]": -1}.get(src[j], 0)
                    j += 2 if src[j] == "\\" else 1
                i = j
            elif c == "(":
                stack.append([0, 0])
                i += 1
                continue
            elif c == ")" and len(stack) > 1:
                item = stack.pop()[0]
                i += 1
            elif c == "{" and (m := repeat.match(src, i)) and m.group(0) != "{}":
                # Digits beyond nine are huge anyway (and int() refuses thousands of them).
                n = max(int(g) if len(g) < 10 else 10**9 for g in (m[1] or "0", m[2] or "0"))
                top = stack[-1]
                top[0] += top[1] * (n - 1)
                top[1] *= n
                i = m.end()
                continue
            else:
                i += 1
            top = stack[-1]
            top[0] += item
            top[1] = item
        return sum(size for size, _ in stack)

    def _odd_key(node: Any, line: int = 1) -> tuple[Any, int] | None:
        """A mapping key anywhere in ``node`` that is not a string, with its line."""
        if isinstance(node, dict):
            line = node.get("__line__", line)
            for key, value in node.items():
                if not isinstance(key, str):
                    return key, line
                found = _odd_key(value, line)
                if found is not None:
                    return found
        elif isinstance(node, list):
            for value in node:
                found = _odd_key(value, line)
                if found is not None:
                    return found
        return None

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        msg = f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}; save as UTF-8"
        errors.append(StudykitError(msg, path, line))
        return
    try:
        loader = _ShippedLoader if shipped else _LineLoader
        data = yaml.load(text, Loader=loader)  # noqa: S506 - SafeLoader subclasses
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else 1
        col = mark.column + 1 if mark is not None else None
        lines = text.splitlines()
        unclosed = _unclosed_quote(lines, line)
        if unclosed is not None:
            line, col = unclosed
            problem = "this quoted value has no closing quotation mark on its line"
        elif "mapping values are not allowed" in problem and COLON_IN_VALUE.match(
            lines[line - 1] if 0 < line <= len(lines) else ""
        ):
            problem = "a colon and a space inside a value: put the whole value in quotes"
        elif "expected <block end>" in problem or "mapping values are not allowed" in problem:
            problem = "this line is not indented like the keys around it"
        elif "found character '\\t'" in problem:
            problem = "a tab character; indent with spaces"
        errors.append(StudykitError(f"YAML syntax error: {problem}", path, line, col))
        return
    except (ValueError, OverflowError) as exc:
        # PyYAML builds dates itself and lets datetime's error through (date: 2020-13-45).
        errors.append(StudykitError(f"bad value: {exc}", path, _bad_date_line(text)))
        return
    except RecursionError:
        errors.append(StudykitError("YAML nested too deeply", path, 1))
        return
    alias_line = _has_alias(text, _CSafeLoader if shipped else yaml.SafeLoader)
    if alias_line:
        # An alias re-uses a node, so a few lines can stand for a structure of exponential
        # size that would never finish turning into a question's text.
        errors.append(StudykitError("YAML aliases (*name) are not allowed in templates",
                                    path, alias_line))  # fmt: skip
        return
    if isinstance(data, dict) and "templates" in data:
        data = data["templates"]
    if data is None or data == []:
        errors.append(StudykitError("no templates in this file", path, 1))
        return
    if not isinstance(data, list):
        errors.append(StudykitError("expected a list of templates (each starting with '- id:')",
                                    path, 1, 1))  # fmt: skip
        return
    for item in data:
        if not isinstance(item, dict):
            errors.append(StudykitError("each template must be a mapping of keys", path, 1))
            continue
        odd = _odd_key(item)
        if odd is not None:
            errors.append(StudykitError(f"key {odd[0]!r} is not a word", path, odd[1]))
            continue
        if (
            "regex" in item
            and max(_regex_size(str(item["regex"]), nested) for nested in (False, True))
            > MAX_REGEX_SIZE
        ):
            line, col = item.get("__marks__", {}).get("regex", (item.get("__line__", 1), None))
            errors.append(StudykitError(
                f"regex too big: its repeats add up to over {MAX_REGEX_SIZE} steps "
                "(use fewer or smaller {n} counts)", path, line, col))  # fmt: skip
            continue
        try:
            t = _build(item, path, errors)
        except (TypeError, ValueError, AttributeError, RecursionError) as exc:
            # A value of the wrong type that no check above foresaw: still one message.
            errors.append(StudykitError(f"cannot read this template: {exc}", path,
                                        item.get("__line__", 1)))  # fmt: skip
            continue
        if t is not None:
            yield t


def _build(item: dict[str, Any], path: str, errors: list[StudykitError]) -> Template | None:
    line, col = item.get("__line__", 1), item.get("__col__", 1)
    marks: dict[str, tuple[int, int]] = item.get("__marks__", {})
    before = len(errors)

    def err(msg: str, key: str | None = None) -> None:
        ln, cl = marks.get(key, (line, col)) if key else (line, col)
        errors.append(StudykitError(msg, path, ln, cl))

    for key in item:
        if key.startswith("__"):
            continue
        if key not in KEYS:
            close = close_matches(key, list(KEYS))
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(KEYS)}"
            err(f"unknown key {key!r}{hint}", key)
    for key in REQUIRED:
        if key not in item:
            err(f"missing key {key!r}: {KEYS[key]}")
    if "match" not in item and "regex" not in item:
        err("missing key 'match': " + KEYS["match"])
    if "match" in item and "regex" in item:
        err("give either 'match' or 'regex', not both", "regex")
    tid = str(item.get("id", ""))
    if "id" in item and not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", tid):
        err(f"bad id {tid!r}: use lower-case letters, digits, '-', '_' and '.'", "id")
    kind = str(item.get("kind", "short"))
    if kind not in KINDS:
        close = close_matches(kind, KINDS)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        err(f"unknown kind {kind!r}{hint}; expected one of {', '.join(KINDS)}", "kind")
    if kind != "cloze":
        for key in ("question", "answer"):
            if key not in item:
                err(f"missing key {key!r}: {KEYS[key]}")
    for key in ("question", "answer", "match", "regex", "description"):
        if key in item and not isinstance(item[key], str):
            err(f"{key} must be text, not {_yaml_kind(item[key])}: put it in quotes", key)

    slots: list[tuple[str, str]] = []
    pattern = None
    match_regex = ""
    match_broken = False
    if "match" in item:
        try:
            match_regex, slots = compile_match(str(item["match"]))
        except StudykitError as exc:
            err(exc.message, "match")
            match_broken = True
    elif "regex" in item:
        import regex  # only for templates written as regular expressions: it is slow to import

        try:
            pattern = regex.compile(str(item["regex"]))
            slots = [(g, g.rstrip("0123456789")) for g in pattern.groupindex]
        except regex.error as exc:
            err(f"bad regex: {exc}", "regex")
            match_broken = True

    bound = {name for name, _ in slots} | ALWAYS_BOUND
    for key in ("question", "answer"):
        if key not in item:
            continue
        src = str(item[key])
        try:
            info = _source_info(src)
        except jinja2.TemplateSyntaxError as exc:
            ln = marks.get(key, (line, col))[0] + max(0, (exc.lineno or 1) - 1)
            message = exc.message or ""
            no_filter = _NO_FILTER.match(message)
            if no_filter:
                close = close_matches(no_filter.group(1), sorted(FILTERS))
                message = f"unknown filter {no_filter.group(1)!r}" + (
                    f" (did you mean {close[0]!r}?)" if close else ""
                )
                message += f"; studykit's filters: {', '.join(sorted(FILTERS))}"
            else:
                message = f"Jinja2 syntax error: {message}"
            errors.append(StudykitError(f"{key}: {message}", path, ln))
            continue
        for problem in info.problems:
            err(f"{key}: {problem}", key)
        for name in sorted(info.variables - bound) if not match_broken else []:
            close = close_matches(name, sorted(bound))
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            err(f"{key}: variable {name!r} is not bound by match{hint}", key)
        for name, attr in info.attributes if not match_broken else ():
            unknown = _unknown_attribute(name, attr, dict(slots))
            if unknown:
                err(f"{key}: {unknown}", key)
        slot_types = dict(slots)
        for name, filt in info.dated:
            typ = slot_types.get(name)
            if typ is not None and typ not in ("date", "duration"):
                err(f"{key}: the filter {filt} needs a date, but {name} is a {{{typ}}}", key)
    blank = item.get("blank")
    if blank is not None and not isinstance(blank, str):
        err("blank must be the name of a slot, such as person", "blank")
        blank = None
    if not isinstance(item.get("when", "sentence"), str):
        err("when must be 'sentence', 'article' or a slot name", "when")
    score = item.get("score", 0)
    if isinstance(score, bool) or not isinstance(score, (int, float)):
        err(f"score must be a number, such as 0.5 or -0.2, not {score!r}", "score")
        score = 0
    if kind == "cloze":
        if blank is None and slots:
            blank = slots[0][0]
        if blank is not None and blank not in {n for n, _ in slots}:
            err(f"blank {blank!r} is not a slot of match", "blank")
    when = str(item.get("when", "sentence"))
    if when not in ("sentence", "article") and when not in {n for n, _ in slots}:
        err(f"when must be 'sentence', 'article' or a slot name, not {when!r}", "when")
    requires = item.get("requires") or []
    if isinstance(requires, str):
        requires = [requires]
    for r in requires if not match_broken else []:
        if (
            not re.fullmatch(r"!?[a-z_0-9]+(\.[a-z_]+)?", str(r))
            or str(r).lstrip("!").split(".")[0] not in bound
        ):
            err(f"requires: {r!r} must name a bound slot, like 'person.title'", "requires")
        elif "." in str(r):
            slot_name, attr = str(r).lstrip("!").split(".", 1)
            unknown = _unknown_attribute(slot_name, attr, dict(slots))
            if unknown:
                err(f"requires: {unknown}", "requires")
    tags = item.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        err("tags must be a list of words", "tags")
        tags = []
    examples = _examples(item.get("examples"), path, marks.get("examples", (line, col))[0], errors)
    if "examples" in item and not examples and len(errors) == before:
        err("examples: give at least one example", "examples")
    if len(errors) > before:
        return None
    return Template(
        id=tid,
        description=str(item.get("description", "")),
        kind=kind,
        match=str(item["match"]) if "match" in item else None,
        regex=str(item["regex"]) if "regex" in item else None,
        question=str(item.get("question", "")),
        answer=str(item.get("answer", "")),
        blank=str(blank) if blank else None,
        when=when,
        requires=tuple(str(r) for r in requires),
        score=float(score or 0),
        tags=tuple(re.sub(r"\s+", "_", t) for t in tags),
        examples=tuple(examples),
        path=path,
        line=line,
        col=col,
        slots=tuple(slots),
        pattern=pattern,
        match_regex=match_regex,
        needs_kinds=frozenset(
            {"duration": "date", "quantity": "number"}.get(typ, typ)
            for _, typ in slots
            if typ != "text"
        )
        if "match" in item
        else frozenset(),
        needs_words=_required_words(str(item["match"])) if "match" in item else (),
    )


def _yaml_kind(value: Any) -> str:
    """What YAML made of a value, in a template author's words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return "a date"
    return "empty" if value is None else type(value).__name__


def _examples(raw: Any, path: str, line: int, errors: list[StudykitError]) -> list[Example]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        errors.append(StudykitError("examples must be a list", path, line))
        return []
    out = []
    for ex in raw:
        if not isinstance(ex, dict):
            errors.append(StudykitError("each example must be a mapping", path, line))
            continue
        ln = ex.get("__line__", line)
        for key in ex:
            if not key.startswith("__") and key not in EXAMPLE_KEYS:
                close = close_matches(key, sorted(EXAMPLE_KEYS))
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                errors.append(StudykitError(f"example: unknown key {key!r}{hint}", path,
                                            ex["__marks__"][key][0]))  # fmt: skip
        if "sentence" not in ex:
            errors.append(StudykitError("example: missing key 'sentence'", path, ln))
            continue
        no_match = bool(ex.get("no_match", False))
        if "date" not in ex and not no_match:
            # The article's date decides the question's "when": it is never guessed.
            errors.append(StudykitError("example: missing key 'date' (the article's date, "
                                        "such as 2020-11-10)", path, ln))  # fmt: skip
            continue
        raw_date = ex.get("date", "2020-01-01")
        try:
            date = raw_date if isinstance(raw_date, dt.date) else dt.date.fromisoformat(
                str(raw_date))  # fmt: skip
        except ValueError:
            errors.append(StudykitError(f"example: bad date {raw_date!r}", path, ln))
            continue
        if not no_match and ("question" not in ex or "answer" not in ex):
            errors.append(
                StudykitError(
                    "example: give 'question' and 'answer', or 'no_match: true'", path, ln
                )  # fmt: skip
            )
            continue
        out.append(
            Example(
                sentence=str(ex["sentence"]),
                date=date,
                text=str(ex["text"]) if "text" in ex else None,
                question=str(ex["question"]) if "question" in ex else None,
                answer=str(ex["answer"]) if "answer" in ex else None,
                no_match=no_match,
                line=ln,
            )
        )
    return out


def _variables(ast: jnodes.Template) -> set[str]:
    from jinja2 import meta

    return set(meta.find_undeclared_variables(ast))


def _unsafe(ast: jnodes.Template) -> list[str]:
    """Refuse what the sandbox would refuse at render time, but at check time."""
    problems = []
    for node in ast.find_all((jnodes.Getattr, jnodes.Getitem)):
        name = getattr(node, "attr", None)
        if name is None and isinstance(getattr(node, "arg", None), jnodes.Const):
            name = node.arg.value  # type: ignore[attr-defined]
        if isinstance(name, str) and name.startswith("_"):
            problems.append(f"access to {name!r} is not allowed (names starting with '_')")
    for f in ast.find_all(jnodes.Filter):
        # ``x|attr('__class__')`` is the same attribute access spelled as a filter.
        if f.name == "attr" and any(
            isinstance(a, jnodes.Const) and str(a.value).startswith("_") for a in f.args
        ):
            problems.append("access to names starting with '_' is not allowed")
    for _node in ast.find_all((jnodes.Import, jnodes.FromImport, jnodes.Include, jnodes.Extends)):
        problems.append("templates cannot include, import or extend other files")
    # A question is one line of text: loops and macros are not needed, and nested loops
    # or recursion are the way a template could run for ever.
    for _node in ast.find_all((jnodes.For, jnodes.Macro, jnodes.CallBlock)):
        problems.append("templates cannot use loops ({% for %}) or macros")
    return list(dict.fromkeys(problems))  # nested loops are one problem, said once


# ----------------------------------------------------------------------- compiling -----


def compile_match(src: str) -> tuple[str, list[tuple[str, str]]]:
    """Compile a ``match`` pattern to a regex over an encoded sentence (see ``encode``)."""
    parts: list[str] = []
    slots: list[tuple[str, str]] = []
    counts: dict[str, int] = {}
    pos = 0
    tokens = list(_TOKEN.finditer(src))
    if not tokens:
        raise StudykitError("match is empty")
    for tok in tokens:
        if src[pos : tok.start()].strip():
            raise StudykitError(f"cannot read {src[pos : tok.start()].strip()!r} in match")
        pos = tok.end()
        t = tok.group(0)
        if tok.group("free"):
            name = tok.group("free")
            if name in {n for n, _ in slots} or name in ALWAYS_BOUND:
                raise StudykitError(f"slot name {name!r} is used twice")
            slots.append((name, "text"))
            word = r"(?:\uE000[^\uE001]*\uE001|[^\s,;:.!?()\[\]\"“”\uE000])+"
            parts.append(f"(?P<{name}>{word}(?:\\s+{word}){{0,7}})")
        elif tok.group(2):
            typ, name = tok.group(2), tok.group(3)
            if typ not in SLOT_TYPES:
                close = close_matches(typ, SLOT_TYPES)
                hint = f" (did you mean {{{close[0]}}}?)" if close else ""
                raise StudykitError(
                    f"unknown slot type {{{typ}}}{hint}; known: "
                    + ", ".join("{" + s + "}" for s in SLOT_TYPES)
                )
            if name is None:
                counts[typ] = counts.get(typ, 0) + 1
                name = typ if counts[typ] == 1 else f"{typ}{counts[typ]}"
            if name in {n for n, _ in slots} or name in ALWAYS_BOUND:
                raise StudykitError(f"slot name {name!r} is used twice")
            slots.append((name, typ))
            if typ == "quantity":
                # A number token says how many noun words follow it: "\uE000number:3:2\uE001",
                # or "s" for a unit written as a sign ("$3.4 billion", "47.1%").
                # (A demonym among them is a country's token: "150,000 British holidaymakers".)
                word = r"(?:\s+(?:[^\s\uE000]+|\uE000country:\d+\uE001))"
                nouns = "|".join(f"{k}\ue001" + word * k for k in (1, 2, 3))
                nouns += "|s\ue001"
                parts.append(f"\ue000number:(?P<{name}>\\d+):(?:{nouns})")
            elif typ == "number":
                parts.append(f"\ue000number:(?P<{name}>\\d+):[\\ds]\ue001")
            else:
                kinds = {"duration": "date"}.get(typ, typ)
                parts.append(f"\ue000{kinds}:(?P<{name}>\\d+)\ue001")
        elif t == "...":
            # Whole words first (atomic, so a word is never re-split into pieces, which made
            # failing matches exponential), then the same with the last word cut short.
            parts.append(
                f"(?:(?:{_SEP}(?>{_WORD})){{0,8}}?|(?:{_SEP}(?>{_WORD})){{0,7}}{_SEP}{_WORD})"
            )
        elif t == "*":
            parts.append(_WORD)
        elif not _literal_word(t):
            continue  # "{what}, which": the comma is skipped like the sentence's
        elif t.startswith("["):
            alts = [a.split() for a in t[1:-1].split("|") if a.strip()]
            if not alts:
                raise StudykitError(f"empty optional part {t!r} in match")
            parts.append("(?:" + "|".join(_SEP.join(_literal(w) for w in a) for a in alts) + ")?")
        else:
            parts.append(_literal(_literal_word(t)))
    if not any(typ != "text" for _, typ in slots):
        raise StudykitError("match has no {slot}: a question needs something to ask about")
    return _SEP.join(parts), slots


def _required_words(src: str) -> tuple[tuple[str, ...], ...]:
    """The literal words a ``match`` cannot do without, each as its lower-cased alternatives."""
    out = []
    for tok in _TOKEN.finditer(src):
        t = tok.group(0)
        if t in ("...", "*") or t.startswith(("[", "{")):
            continue
        word = _literal_word(t)
        if word:
            out.append(tuple(w.lower() for w in word.split("|") if w))
    return tuple(out)


def _literal_word(token: str) -> str:
    """A literal word of a ``match`` as the sentence must hold it: without the punctuation
    on its edges ("said:" is "said"), or "" for punctuation alone, which is skipped."""
    return token.strip(",;:") if token.strip(_MATCH_PUNCT) else ""


def _literal(word: str) -> str:
    alts = [re.escape(w) for w in word.split("|") if w]
    if not alts:
        raise StudykitError(f"empty alternative in {word!r}")
    return r"(?<![\w])(?i:" + "|".join(alts) + r")(?![\w])"


_NOUN_WRITTEN = re.compile(r"\s+(\S+)")


def encode(sent: AnnotatedSentence) -> tuple[str, list[Mention]]:
    """The sentence with each mention replaced by a token ``\\uE000kind:i\\uE001``.

    Where mentions overlap, the earlier and longer one wins.
    """
    text, base = sent.sentence.text, sent.sentence.start
    chosen: list[Mention] = []
    last_end = base
    for m in sorted(sent.mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= last_end:
            chosen.append(m)
            last_end = m.end
    out: list[str] = []
    pos = base
    for i, m in enumerate(chosen):
        out.append(text[pos - base : m.start - base])
        if m.kind == "number":
            noun = m.attr("noun").split()
            # A noun the text does not spell after the number comes from a sign: "$", "%".
            written = noun and _NOUN_WRITTEN.match(text, m.end - base)
            count = len(noun) if not noun or (written and written.group(1) == noun[0]) else "s"
            out.append(f"\ue000number:{i}:{count}\ue001")
            pos = m.end
            continue
        out.append(f"\ue000{m.kind}:{i}\ue001")
        pos = m.end
    out.append(text[pos - base :])
    return "".join(out), chosen


_MENTION_TOKEN = re.compile("\ue000[a-z]+:(\\d+)(?::[\\ds])?\ue001")


def decode(encoded: str, chosen: list[Mention], sent: AnnotatedSentence) -> str:
    """Turn mention tokens in a piece of an encoded sentence back into their text."""

    def back(m: re.Match[str]) -> str:
        return chosen[int(m.group(1))].text

    return _MENTION_TOKEN.sub(back, encoded)


@dataclass(frozen=True, slots=True)
class EncodedSentence:
    """A sentence as templates look at it, worked out once for all the templates that try it."""

    text: str  # the sentence with mention tokens (see ``encode``)
    chosen: list[Mention]  # the mention each token stands for, by its number
    kinds: frozenset[str]  # the kinds of all its mentions, for ``Template.needs_kinds``
    lower: str  # the sentence lower-cased, for ``Template.needs_words``


def encode_sentence(sent: AnnotatedSentence) -> EncodedSentence:
    """``encode(sent)``, with what the quick tests of ``find_matches`` look at."""
    text, chosen = encode(sent)
    kinds = frozenset(m.kind for m in sent.mentions)
    return EncodedSentence(text, chosen, kinds, sent.sentence.text.lower())


# ------------------------------------------------------------------------ matching -----


@dataclass(frozen=True, slots=True)
class Match:
    """One match of a template in a sentence: slots bound to mentions."""

    template: Template
    bindings: tuple[tuple[str, Mention], ...]

    def slot(self, name: str) -> Mention:
        return dict(self.bindings)[name]


def find_matches(
    t: Template,
    sent: AnnotatedSentence,
    encoded_sentence: EncodedSentence | None = None,
) -> list[Match]:
    """Every non-overlapping match of ``t`` in ``sent`` that meets its ``requires``.

    ``encoded_sentence`` is ``encode_sentence(sent)``, passed in when many templates try one
    sentence: it is the same for all of them.
    """
    if t.regex is not None:
        return _regex_matches(t, sent)
    prepared = encoded_sentence if encoded_sentence is not None else encode_sentence(sent)
    if not t.needs_kinds <= prepared.kinds:
        return []
    lower = prepared.lower
    for alternatives in t.needs_words:  # plain loops: this runs for most template/sentence pairs
        for word in alternatives:
            if word in lower:
                break
        else:
            return []
    encoded, chosen = prepared.text, prepared.chosen
    out: list[Match] = []
    for m in t.match_pattern.finditer(encoded):
        binds = []
        for name, typ in t.slots:
            if typ == "text":
                s0, e0 = m.span(name)
                raw = decode(m.group(name), chosen, sent)
                binds.append((name, Mention("text", s0, e0, raw, raw)))
                continue
            mention = chosen[int(m.group(name))]
            if typ == "quantity":
                mention = Mention("quantity", mention.start, mention.end, mention.text,
                                  mention.value, mention.attrs)  # fmt: skip
            if typ == "duration" and mention.attr("type") != "DURATION":
                break
            if typ == "date" and mention.attr("type") not in ("DATE", "TIME"):
                break
            binds.append((name, mention))
        else:
            match = Match(t, tuple(binds))
            if not t.requires or _requirements_met(t, match):
                out.append(match)
    return out


def _regex_matches(t: Template, sent: AnnotatedSentence) -> list[Match]:
    text, base = sent.sentence.text, sent.sentence.start
    out: list[Match] = []
    try:
        found = list(t.pattern.finditer(text, timeout=REGEX_TIMEOUT))
    except TimeoutError:
        from studykit.errors import defer

        # The sentence gets no match, and the run goes on; the template's author hears of it.
        defer(StudykitError(
            f"regex ran longer than {REGEX_TIMEOUT}s on a sentence of {len(text)} characters "
            "and was stopped; nested repetition such as (a+)+ can take exponential time",
            t.path, t.line))  # fmt: skip
        return []
    for m in found:
        binds: list[tuple[str, Mention]] = []
        for name, typ in t.slots:
            s, e = m.span(name)
            if s < 0:
                continue
            s, e = s + base, e + base
            typed = [x for x in sent.mentions if x.kind == typ and x.start >= s and x.end <= e]
            if typ in SLOT_TYPES:
                if not typed:
                    break
                binds.append((name, typed[0]))
            else:
                binds.append((name, Mention("text", s, e, m.group(name), m.group(name))))
        else:
            match = Match(t, tuple(binds))
            if _requirements_met(t, match):
                out.append(match)
    return out


def _requirements_met(t: Template, match: Match) -> bool:
    binds = dict(match.bindings)
    for r in t.requires:
        negate = r.startswith("!")
        name, _, attr = r.lstrip("!").partition(".")
        m = binds.get(name)
        ok = m is not None and (bool(getattr(Slot(m), attr)) if attr else True)
        if ok == negate:
            return False
    return True


# The last sentence whose own date was asked for, with that date: a sentence's matches come
# one after another, and most take their date from the sentence.
_SENTENCE_WHEN: tuple[AnnotatedSentence | None, Mention | None] = (None, None)


_PLAIN_DATE = re.compile(r"\d{4}(?:-\d\d){0,2}")


def fact_when(t: Template, match: Match, sent: AnnotatedSentence, article: Article) -> str:
    """The TIMEX3 value of the time the fact is about: the date bound to the slot that ``when``
    names, else (``when: sentence``, the default) the sentence's own date (for a question,
    not one after the article's), else the article's.

    The match's own date is looked at first; the sentence's is worked out once per sentence.
    """
    global _SENTENCE_WHEN
    when = bound_when(t, match)
    today = article.date.isoformat()
    if not when and t.when == "sentence":
        last = _SENTENCE_WHEN
        if last[0] is not sent:
            last = _SENTENCE_WHEN = (sent, _sentence_date(sent))
        date = last[1]
        if date is not None and "office" in t.tags:
            date = _date_nearest(sent, match, date)
        if date is None or (t.kind != "cloze" and _aside(sent, date, match)):
            return today
        if "office" in t.tags and _DATES_TAKING_OFFICE.search(
            sent.sentence.text, 0, date.start - sent.sentence.start
        ):
            # "Obama, at his first summit since taking office in January": who held the
            # office is asked at the report's date, not in the month the term began.
            return today
        if any(m.kind == "quote" for _, m in match.bindings) and not _dates_the_saying(sent, date):
            # '"We did everything," he said, adding that the mine passed its last inspection
            # in March': the date of what was said about, not of the saying.
            return today
        when = date.value[:10]
        if t.kind != "cloze" and _PLAIN_DATE.fullmatch(when) and when > today[: len(when)]:
            # A question about a day after the article's ("Blinken will travel to the region
            # on Friday"): what the article tells is true when it was written, not yet then.
            return today
    return when or today


def bound_when(t: Template, match: Match) -> str:
    """The definite date bound to the slot that ``t.when`` names, or "": from the match alone."""
    for name, m in match.bindings:
        if name == t.when:
            return m.value if m.kind == "date" and not is_vague(m.value) else ""
    return ""


def _sentence_dates(sent: AnnotatedSentence) -> Iterator[Mention]:
    """The sentence's dates and times that name a day, week or month, outside quotation
    marks: "'... than the one last month,' said Gudmundsson" was not said last month."""
    quotes = [(m.start, m.end) for m in sent.mentions if m.kind == "quote"]
    for m in sent.mentions:
        if (
            m.kind == "date"
            and not any(a <= m.start < b for a, b in quotes)
            and m.attr("type") in ("DATE", "TIME")
            and not is_vague(m.value)
            and cached_granularity(m.value) in ("day", "time", "month", "week")
        ):
            yield m


def _sentence_date(sent: AnnotatedSentence) -> Mention | None:
    """The sentence's first date (see ``_sentence_dates``)."""
    return next(_sentence_dates(sent), None)


def _date_nearest(sent: AnnotatedSentence, match: Match, first: Mention) -> Mention:
    """Of the sentence's dates, the one nearest the match: "A worker kidnapped nearly 14
    months ago has been freed, French President Emmanuel Macron's office said Friday" names
    the office on Friday, not 14 months before."""
    spans = [(m.start, m.end) for _, m in match.bindings]
    if not spans:
        return first
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    return min(
        _sentence_dates(sent),
        key=lambda d: max(0, lo - d.end, d.start - hi),
        default=first,
    )


_DATES_TAKING_OFFICE = re.compile(
    r"\b(?:since|took|taking|takes|sworn|inaugurated|elected|appointed|named)\b[^,.;:]{0,30}$"
)
_SAYING = (
    r"(?:said|says|told|added|stated|declared|wrote|tweeted|posted|announced|insisted|warned|"
    r"argued|replied|responded|explained|recalled|admitted|acknowledged|remarked|noted)"
)
# "said on Tuesday", "told reporters in Geneva on Monday"; "On Tuesday, Aliyev said".
_SAYING_BEFORE = re.compile(
    rf"\b{_SAYING}\b(?:\s+[\w.'’-]+){{0,4}}?\s+(?:on|in|at|late|early)?\s*$"
)
_SAYING_AFTER = re.compile(rf"\W*(?:[\w.'’-]+\s+){{0,4}}?{_SAYING}\b")


def _dates_the_saying(sent: AnnotatedSentence, date: Mention) -> bool:
    """Whether ``date`` tells when the sentence's words were said: right after the verb of
    saying, or before it with no comma between ("Aliyev on Tuesday said") unless the date
    opens the sentence ("On Tuesday, Aliyev said"; but "It passed inspection in March, he
    said" dates the inspection)."""
    text, base = sent.sentence.text, sent.sentence.start
    s, e = date.start - base, date.end - base
    if _SAYING_BEFORE.search(text, max(0, s - 60), s):
        return True
    after = _SAYING_AFTER.match(text, e, e + 60)
    return bool(after and ("," not in after.group() or len(text[:s].split()) <= 1))


# A clause about a person set off by a comma ("Nadella, who took over in 2014,"), open up
# to the end of the text searched.
_RELATIVE_OPEN = re.compile(r",\s*(?:who|whose|whom)\s[^,;:()\"“”]*$")


def _aside(sent: AnnotatedSentence, date: Mention, match: Match) -> bool:
    """Whether ``date`` lies in a relative clause that holds no other part of the match: it
    dates the clause, not the fact ("Nadella, who took over from Steve Ballmer in February
    2014, said: ..." is no quotation of February 2014)."""
    text, base = sent.sentence.text, sent.sentence.start
    rel = _RELATIVE_OPEN.search(text, max(0, date.start - base - 150), date.start - base)
    if rel is None:
        return False
    close = text.find(",", date.end - base)
    lo, hi = base + rel.start(), base + (close if close >= 0 else len(text))
    return not any(lo <= m.start < hi for _, m in match.bindings if m.kind != "date")


def when_unclear(t: Template, match: Match, sent: AnnotatedSentence, article: Article) -> bool:
    """Whether a question that says when would take the article's date for a sentence that
    speaks of another year: "In 1994, President Nelson Mandela appointed ..." is not about
    the article's December 2013, and the year alone does not say whose term a clause means
    ("after the 2015 deal, President Trump ..."). So is a sentence with no date of its own
    about an office the article gives to two people.

    A question dated by its report ("According to the report of 16 March 2019, how many
    people were killed in New Zealand?") is as wrong for a sentence about another year ("the
    13 people killed at Aramoana in 1990"), whatever date the sentence gives."""
    if t.kind != "cloze" and not t.says_when and t.reads_article_date:
        return _of_another_year(sent, article, match)
    if not t.says_when or t.when != "sentence" or bound_when(t, match):
        return False
    date = _sentence_date(sent)
    if date is not None and (t.kind == "cloze" or not _aside(sent, date, match)):
        return False
    people = [m for _, m in match.bindings if m.kind == "person"]
    if any(m.attr("shared") for m in people):
        return True  # an office the article gives to two people: which term is this?
    return _of_another_year(sent, article, match)


def _of_another_year(sent: AnnotatedSentence, article: Article, match: Match) -> bool:
    """Whether the sentence speaks of a year other than the article's, other than in what
    someone is quoted or reported as saying, or in a clause aside from the match."""
    year = article.date.isoformat()[:4]
    text, base = sent.sentence.text, sent.sentence.start
    people = [m for _, m in match.bindings if m.kind == "person"]
    quotes = [(q.start, q.end) for q in sent.mentions if q.kind == "quote"]
    for m in sent.mentions:
        if m.kind != "date" or m.attr("type") not in ("DATE", "TIME") or is_vague(m.value):
            continue
        if _aside(sent, m, match):
            continue  # "Nadella, who took over in February 2014, said ..."
        if any(s <= m.start and m.end <= e for s, e in quotes):
            continue  # a date inside the quotation: what was said, not when
        v = m.value
        if (v.isdigit() and year.startswith(v)) or (len(v) > 4 and v[:4] == year):
            continue  # "this century", "the 1990s" in 1999, "the third quarter" of this year
        if not v[:4].isdigit() and not v.isdigit():
            continue
        # "In 1994, President Mandela ..." dates the office; "Foreign Minister Jan Kavan said
        # he was in Kansas City in 1968" dates something he said.
        said = any(
            SPEECH.search(text, p.end - base, m.start - base) for p in people if p.end <= m.start
        )
        if not said:
            return True
    return False


def context(
    t: Template, match: Match, sent: AnnotatedSentence, article: Article, when: str
) -> dict[str, Any]:
    """The variables a template renders with."""
    ctx: dict[str, Any] = {name: Slot(m) for name, m in match.bindings}
    ctx["when"] = Slot(Mention("date", 0, 0, when, when, (("type", "DATE"),)))
    ctx["article"] = article_context(article)
    if sent.sentence.index == 0 and (
        t.kind == "cloze" or len(article.body) <= sent.sentence.end + 2
    ):
        # The story's opening is this sentence, which the card shows, or all the story
        # there is: no cue needed (a question on a longer story's lead, which it does not
        # show, still needs one: "how many people were injured?").
        ctx["article"]["story"] = ""
    ctx["sentence"] = sent.sentence.text
    return ctx


def article_context(article: Article) -> dict[str, Any]:
    """What a template sees as ``article``: a field for each name in ``ARTICLE_FIELDS``."""
    return {
        "date": Slot(Mention("date", 0, 0, "", article.date.isoformat(), (("type", "DATE"),))),
        "title": article.title,
        "id": article.id,
        "story": article.story,
    }
