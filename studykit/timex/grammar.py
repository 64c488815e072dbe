"""Load and check the YAML resources (vocabulary, rules) that make up the temporal grammar."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

RESOURCE_PACKAGE = "studykit.timex"
TYPES = ("DATE", "TIME", "DURATION", "SET")
_MACRO = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")
_RULE_KEYS = {"name", "pattern", "normalize", "type", "args", "examples", "__line__"}
_EXAMPLE_KEYS = {"text", "dct", "span", "type", "value", "mod", "__line__"}


class ResourceError(ValueError):
    """A resource file is malformed; the message names the file and line."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file = file
        self.line = line


# libyaml's parser when PyYAML was built with it (its wheels are): the grammar loads in a
# fraction of the pure-Python parser's time, which every process pays at start-up.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# A time expression never starts or ends inside a word.
_LEFT = r"(?<![\w'’-])"
_RIGHT = r"(?!\w|-[^\W\d])"


class _LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader that records the 1-based line of every mapping under ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# Dates stay text until checked, so that a bad one is reported with its line.
def _construct_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_text)


def load_yaml(text: str, file: str) -> Any:
    """Parse YAML ``text``; a syntax error becomes a ResourceError naming ``file`` and line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise ResourceError(file, line, f"YAML error: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ResourceError(file, 1, f"YAML error: {exc}") from None


def _strip(value: Any) -> Any:
    """Drop the ``__line__`` bookkeeping from a loaded structure."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


@dataclass(frozen=True)
class Example:
    """One documented input of a rule and what the tagger must produce for it."""

    text: str
    dct: dt.date
    span: str | None  # None: the rule must not fire on this text
    type: str | None
    value: str | None
    mod: str | None
    line: int


@dataclass(frozen=True)
class Rule:
    """A pattern, the normalizer that turns its match into a value, and its examples."""

    name: str
    pattern: str  # macros expanded, group names still rule-local
    normalize: str
    type: str | None
    args: dict[str, Any]
    examples: tuple[Example, ...]
    file: str
    line: int
    regex: re.Pattern[str]  # the pattern as matched: whole words, case-insensitive


@dataclass
class Vocabulary:
    """Word tables used both to build macros and to normalize matched words."""

    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    case_sensitive: set[str] = field(default_factory=set)
    numbers: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    plurals: dict[str, str] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    holidays: dict[str, dict[str, int]] = field(default_factory=dict)
    frequencies: dict[str, str] = field(default_factory=dict)
    shifts: dict[str, int] = field(default_factory=dict)
    period_mods: dict[str, str | None] = field(default_factory=dict)
    quantity_mods: dict[str, str] = field(default_factory=dict)
    deictic_days: dict[str, int] = field(default_factory=dict)
    vague_quantities: set[str] = field(default_factory=set)
    future_cues: list[str] = field(default_factory=list)
    game_words: list[str] = field(default_factory=list)


@dataclass
class Grammar:
    """Everything the engine needs: vocabulary, expanded macros and ordered rules."""

    vocab: Vocabulary
    macros: dict[str, str]
    rules: list[Rule]


def _spelled(word: str) -> str:
    """``word`` as a regex: spaces stand for any whitespace, an apostrophe for either kind."""
    return re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")


def _alternation(words: list[str], case_sensitive: set[str], dot: bool = False) -> str:
    """A regex alternation of ``words``, longest first; abbreviations may take a period."""
    parts = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        body = _spelled(w)
        if w in case_sensitive:
            cap = w[0].upper() + body[1:]
            body = f"(?-i:{cap}|{body.upper()})"
        # Only an abbreviation ("Jan", "Sept", "Tues") takes a period: in "10 April." or
        # "in May." the period ends the sentence.
        if dot and any(o != w and o.startswith(w) for o in words):
            body += r"\.?"
        parts.append(body)
    return "(?:" + "|".join(parts) + ")"


def _proper_alternation(names: list[str]) -> str:
    """A regex alternation of proper names, longest first, each word with its capital:
    "Earth Day" and "EARTH DAY", but not "an Earth day" (a day on Earth) nor "a service of
    thanksgiving"."""
    parts = []
    for name in sorted(set(names), key=lambda s: (-len(s), s)):
        words = [f"(?=(?-i:[A-Z])){_spelled(w)}" for w in name.split(" ")]
        parts.append(r"\s+".join(words))
    return "(?:" + "|".join(parts) + ")"


def _grouped_alternation(words: list[str]) -> str:
    """``_alternation(words, set())`` with the words grouped by their first character
    ("e(?:xpected|xpects)|p(?:lanning|lans\\s+to)|..."), for a pattern searched along whole
    sentences: a place is compared with a few first characters instead of a hundred words.
    The matches are the same, since each group keeps the words' order and words that begin
    with different characters never match at one place: the vocabulary's words are lower-case,
    and two lower-case ASCII characters are never one letter in two cases (other first
    characters may be, so words that begin with one are left ungrouped)."""
    ordered = sorted(set(words), key=lambda s: (-len(s), s))
    if not all(w and w[0].isascii() and not w[0].isupper() for w in ordered):
        return _alternation(words, set())
    groups: dict[str, list[str]] = {}
    for w in ordered:
        groups.setdefault(w[0], []).append(_spelled(w[1:]))
    return "(?:" + "|".join(f"{_spelled(c)}(?:{'|'.join(g)})" for c, g in groups.items()) + ")"


def _load_vocabulary(text: str, file: str) -> Vocabulary:
    data = load_yaml(text, file)
    if not isinstance(data, dict):
        raise ResourceError(file, 1, "expected a mapping of word lists")
    vocab = Vocabulary()
    for key, value in data.items():
        if key == "__line__":
            continue
        if not hasattr(vocab, key):
            raise ResourceError(file, _line_of(text, key), f"unknown word list {key!r}")
        current = getattr(vocab, key)
        clean = _strip(value)
        if isinstance(current, set):
            if not isinstance(clean, list):
                raise ResourceError(file, _line_of(text, key), f"{key} must be a list")
            setattr(vocab, key, {str(v).lower() for v in clean})
        elif isinstance(current, list):
            if not isinstance(clean, list):
                raise ResourceError(file, _line_of(text, key), f"{key} must be a list")
            setattr(vocab, key, [str(v).lower() for v in clean])
        else:
            if not isinstance(clean, dict):
                raise ResourceError(file, _line_of(text, key), f"{key} must be a mapping")
            setattr(vocab, key, {str(k).lower(): v for k, v in clean.items()})
    for table in ("months", "weekdays", "numbers", "ordinals", "shifts", "deictic_days"):
        for word, value in getattr(vocab, table).items():
            if not isinstance(value, int) or isinstance(value, bool):
                raise ResourceError(file, _line_of(text, word), f"{table}: {word!r} needs a number")
    for table in ("seasons", "parts_of_day", "frequencies", "quantity_mods"):
        for word, value in getattr(vocab, table).items():
            if not isinstance(value, str):
                raise ResourceError(file, _line_of(text, word), f"{table}: {word!r} needs a code")
    for name, spec in vocab.units.items():
        if not isinstance(spec, dict) or "code" not in spec:
            raise ResourceError(file, _line_of(text, name), f"unit {name!r} needs a code")
    for name, spec in vocab.holidays.items():
        if not isinstance(spec, dict) or not ({"month", "easter", "orthodox_easter"} & set(spec)):
            raise ResourceError(
                file,
                _line_of(text, name),
                f"holiday {name!r} needs month, easter or orthodox_easter",
            )
    return vocab


def _line_of(text: str, key: str) -> int:
    """The first line that defines ``key`` (for messages about values without marks)."""
    pat = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*:", re.M | re.I)
    m = pat.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _vocab_macros(v: Vocabulary) -> dict[str, str]:
    units = list(v.units) + [u + "s" for u in v.units if u + "s" not in v.plurals] + list(v.plurals)
    digits_num = r"\d+(?:[.,]\d+)?"
    tens = [w for w, n in v.numbers.items() if n in (20, 30, 40, 50, 60, 70, 80, 90)]
    ones = [w for w, n in v.numbers.items() if 1 <= n <= 9 and w not in ("a", "an")]
    word_num = (
        "(?:"
        + _alternation(tens, set())
        + r"(?:[\s-]+"
        + _alternation(ones, set())
        + ")?|"
        + _alternation([w for w in v.numbers if w not in ("a", "an")], set())
        + ")"
    )
    # "two hundred", "2 million": a count times a round number
    times = r"(?:[\s-]+(?:hundred|thousand|million|billion)(?![\w-]))?"
    word_num = f"(?:{word_num}{times})"
    digits_num = f"(?:{digits_num}{times})"
    # "a Long March 5 rocket", "the Long March of 1934": a name, no month.
    not_a_name = r"(?<!\bLong\s)"
    return {
        "MONTH": not_a_name + _alternation(list(v.months), v.case_sensitive, dot=True),
        # Bare month names only in full: "Jan." alone is too often something else.
        "MONTHNAME": not_a_name
        + _alternation(
            [m for m in v.months if len(m) > 4 or m in ("may", "june", "july")], v.case_sensitive
        ),
        "WEEKDAY": _alternation(list(v.weekdays), v.case_sensitive, dot=True),
        "NUMWORD": word_num,
        "NUM": rf"(?:{digits_num}|{word_num})",
        "ORD": _alternation(list(v.ordinals), set()),
        "UNIT": _alternation(list(v.units), set()),
        "UNITS": _alternation(units, set()),
        "SEASON": _alternation(list(v.seasons), set()),
        "PART": _alternation(list(v.parts_of_day), set()),
        "HOLIDAY": _proper_alternation(list(v.holidays)),
        "FREQ": _alternation(list(v.frequencies), set()),
        # Searched along whole sentences, not tried at an anchor as the others are.
        "FUTURE_CUE": _grouped_alternation(v.future_cues),
        "GAME_WORD": _grouped_alternation(v.game_words),
    }


def _expand(pattern: str, macros: dict[str, str], file: str, line: int) -> str:
    for _ in range(10):  # macros may use macros; ten levels is far more than any needs
        if not _MACRO.search(pattern):
            return pattern

        def sub(m: re.Match[str]) -> str:
            if m.group(1) not in macros:
                raise ResourceError(file, line, f"unknown macro {{{m.group(1)}}}")
            return macros[m.group(1)]

        pattern = _MACRO.sub(sub, pattern)
    raise ResourceError(file, line, "macros nest too deeply")


def _parse_example(raw: Any, file: str, rule_line: int) -> Example:
    line = raw.get("__line__", rule_line) if isinstance(raw, dict) else rule_line
    if not isinstance(raw, dict):
        raise ResourceError(file, line, "an example must be a mapping")
    unknown = set(raw) - _EXAMPLE_KEYS
    if unknown:
        raise ResourceError(file, line, f"unknown example key(s): {', '.join(sorted(unknown))}")
    if "text" not in raw or "dct" not in raw or "span" not in raw:
        raise ResourceError(file, line, "an example needs text, dct and span")
    dct = raw["dct"]
    if isinstance(dct, str):
        try:
            dct = dt.date.fromisoformat(dct)
        except ValueError:
            raise ResourceError(file, line, f"bad dct {dct!r}") from None
    if not isinstance(dct, dt.date):
        raise ResourceError(file, line, "dct must be a date")
    span = raw["span"]
    if span is not None:
        span = str(span)
        if span not in str(raw["text"]):
            raise ResourceError(file, line, f"span {span!r} is not in the text")
        if raw.get("type") not in TYPES or "value" not in raw:
            raise ResourceError(file, line, "an example with a span needs type and value")
    return Example(
        str(raw["text"]), dct, span, raw.get("type"),
        None if raw.get("value") is None else str(raw["value"]),
        raw.get("mod"), line,
    )  # fmt: skip


def _load_rules(
    text: str, file: str, macros: dict[str, str], normalizers: set[str]
) -> tuple[dict[str, str], list[Rule]]:
    data = load_yaml(text, file)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ResourceError(file, 1, "expected a mapping with a 'rules' list")
    macros = dict(macros)
    own = data.get("macros") or {}
    if not isinstance(own, dict):
        raise ResourceError(file, 1, "'macros' must be a mapping")
    for name, pat in own.items():
        if name == "__line__":
            continue
        line = _line_of(text, name)
        if not re.fullmatch(r"[A-Z][A-Z_0-9]*", str(name)) or not isinstance(pat, str):
            raise ResourceError(file, line, f"bad macro {name!r}")
        macros[name] = "(?:" + _expand(pat, macros, file, line) + ")"
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in data["rules"]:
        if not isinstance(raw, dict):
            raise ResourceError(file, 1, "each rule must be a mapping")
        line = raw["__line__"]
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise ResourceError(file, line, f"unknown rule key(s): {', '.join(sorted(unknown))}")
        for key in ("name", "pattern", "normalize", "examples"):
            if key not in raw:
                raise ResourceError(file, line, f"rule needs {key!r}")
        name = str(raw["name"])
        if name in seen:
            raise ResourceError(file, line, f"duplicate rule name {name!r}")
        seen.add(name)
        if raw["normalize"] not in normalizers:
            raise ResourceError(file, line, f"unknown normalizer {raw['normalize']!r}")
        rtype = raw.get("type")
        if rtype is not None and rtype not in TYPES:
            raise ResourceError(file, line, f"unknown type {rtype!r}")
        pattern = _expand(str(raw["pattern"]), macros, file, line)
        try:
            regex = re.compile(f"{_LEFT}(?:{pattern}){_RIGHT}", re.I)
        except re.error as exc:
            raise ResourceError(file, line, f"bad pattern: {exc}") from None
        examples = raw["examples"]
        if not isinstance(examples, list) or not examples:
            raise ResourceError(file, line, "a rule needs at least one example")
        args = _strip(raw.get("args") or {})
        if not isinstance(args, dict):
            raise ResourceError(file, line, "args must be a mapping")
        rules.append(Rule(
            name, pattern, str(raw["normalize"]), rtype, args,
            tuple(_parse_example(e, file, line) for e in examples), file, line, regex,
        ))  # fmt: skip
    return macros, rules


def load_grammar(
    normalizers: set[str],
    vocabulary_text: str | None = None,
    rules_text: str | None = None,
    files: tuple[str, str] = ("vocabulary.yaml", "rules.yaml"),
) -> Grammar:
    """Load the packaged grammar, or one given as text (for tests of bad resources)."""
    base = resources.files(RESOURCE_PACKAGE) / "resources"
    if vocabulary_text is None:
        vocabulary_text = (base / files[0]).read_text(encoding="utf-8")
    if rules_text is None:
        rules_text = (base / files[1]).read_text(encoding="utf-8")
    vocab = _load_vocabulary(vocabulary_text, files[0])
    macros, rules = _load_rules(rules_text, files[1], _vocab_macros(vocab), normalizers)
    return Grammar(vocab, macros, rules)
