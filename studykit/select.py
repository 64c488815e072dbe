"""Selection: one card per fact, ranking, a cap per article, and distractors."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from studykit import resources as res
from studykit.generate import (
    HOLDER,
    NATION,
    NATION_SEP,
    ORG_KIND,
    PAST,
    PLACE_KIND,
    POOL_KINDS,
    ROLE,
    SEX,
    ArticleResult,
    has_words,
)
from studykit.mentions import number_value, surname
from studykit.model import Question, replace
from studykit.text import FIGURE, plain_words
from studykit.timex import calendar as cal
from studykit.timex.phrase import MONTHS

KIND_BASE = {"short": 1.0, "mcq": 1.0, "truefalse": 0.6, "cloze": 0.5}


def score(q: Question) -> float:
    """Rank a question: specific, non-trivial, not too long; templates add their own bonus."""
    s = KIND_BASE.get(q.kind, 0.5) + q.score
    words = len(q.question.split())
    if words > 40:
        s -= 0.3
    if len(q.answer.split()) > 6:
        s -= 0.3
    if q.answer_kind in ("person", "date", "number", "quantity", "place", "org"):
        s += 0.2
    if q.kind == "cloze" and q.answer_kind == "country":
        s -= 0.3  # country names are guessable from context
    return round(s, 3)


def _rng(seed: int, key: str) -> random.Random:
    h = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


@dataclass(slots=True)
class _Candidate:
    """A question in the running, with the rank and the other sources selection gives it.

    The question is copied once, when it is chosen, with these and its distractors: copying
    it at each step cost as much as the rest of selection.
    """

    q: Question  # without its cloze text, which is held in ``cloze`` until it is chosen
    score: float
    also_in: tuple[str, ...]
    # The answer's normalized words, made once: an archive has more answers than any cache
    # of them holds, and selection compares each several times.
    norm: str
    # The cloze text in UTF-8. Selection never reads it, and every candidate of an archive
    # waits here at once: as bytes it takes half the memory of a text with one character
    # past Latin-1 (a curly quotation mark), which CPython stores at two bytes a character.
    cloze: bytes | None = None


def select(
    results: Iterable[ArticleResult], seed: int = 0, max_per_article: int | None = None
) -> list[Question]:
    """Deduplicate, rank, cap and add distractors, in a deterministic order.

    ``results`` is consumed once, as it streams: an article's result is dropped as soon as
    its questions and names are taken in.
    """
    merged: dict[bytes, _Candidate] = {}
    seen: dict[str, dict[str, int]] = defaultdict(dict)  # kind -> name -> its place in pool
    # Each article's own names, as places in the corpus pool: the people, places and bodies
    # of the same story make the most plausible wrong answers. One array of small integers
    # an article (kind and place in one number) keeps this to a few bytes a name.
    local: dict[str, array[int]] = {}
    for r in results:
        mine = array("q")
        for kind, value in r.pool:
            names = seen[kind]
            place = names.setdefault(value, len(names))
            if kind in _NAME_KINDS:
                mine.append(_KIND_NO[kind] << 32 | place)
        if mine:
            local.setdefault(r.article.id, mine)
        for q in r.questions:
            # The same fact stated by two articles is one question citing both.
            key = _fact_key(q)
            first = merged.get(key)
            if first is None:
                cloze = None
                if q.cloze is not None:
                    cloze = q.cloze.encode("utf-8")
                    q = replace(q, cloze=None)
                merged[key] = _Candidate(q, score(q), q.also_in, _normalize(q.answer), cloze)
            elif q.article not in first.also_in and q.article != first.q.article:
                first.also_in = (*first.also_in, q.article)
    candidates = list(merged.values())  # insertion order: the order the facts were first met
    merged.clear()
    candidates = _one_saying_per_speaker(_one_per_fact(candidates))
    candidates = _one_answer_per_question(_one_toll_per_count(_one_cloze_per_answer(candidates)))
    roles: dict[str, str] = {}
    role_words: dict[str, set[str]] = defaultdict(set)
    for v in seen.get(ROLE, ()):
        name, role, word = v.split(NATION_SEP, 2)
        roles.setdefault(name, role)  # the sort a person was first named as
        role_words[name].add(word)
    candidates = [c for c in candidates if not _a_commentators_saying(c.q, roles)]
    if max_per_article is not None:
        by_article: dict[str, list[_Candidate]] = defaultdict(list)
        for c in candidates:
            by_article[c.q.article_id].append(c)
        keep: set[str] = set()
        for cs in by_article.values():
            best = sorted(cs, key=lambda c: (-c.score, c.q.start, c.q.id))[:max_per_article]
            keep.update(c.q.id for c in best)
        candidates = [c for c in candidates if c.q.id in keep]
    pool = {kind: [(v, _norm(v)) for v in values] for kind, values in seen.items()}
    holders = frozenset(seen.get(HOLDER, ()))
    past = frozenset(seen.get(PAST, ()))
    nations = dict(v.split(NATION_SEP, 1) for v in seen.get(NATION, ()))
    sexes = dict(v.split(NATION_SEP, 1) for v in seen.get(SEX, ()))
    org_kinds: dict[str, str] = {}
    for v in seen.get(ORG_KIND, ()):
        name, org_kind = v.split(NATION_SEP, 1)
        org_kinds.setdefault(name, org_kind)
    place_kinds: dict[str, str] = {}
    for v in seen.get(PLACE_KIND, ()):
        name, word = v.split(NATION_SEP, 1)
        place_kinds.setdefault(name, word)
    # People of each country, as places in the pool: drawn first with the story's own names,
    # so that three of the answer's country are found without looking at every name.
    compatriots: dict[str, list[int]] = defaultdict(list)
    for name, place in seen.get("person", {}).items():
        if name in nations:
            compatriots[nations[name]].append(place)
    seen.clear()
    questions = []
    for c in candidates:
        own = local.get(c.q.article_id)
        kind_no = _KIND_NO.get(c.q.answer_kind, -1)
        near = [code & 0xFFFFFFFF for code in own if code >> 32 == kind_no] if own else []
        if c.q.answer_kind == "person" and c.q.answer in nations:
            near = list(dict.fromkeys([*near, *compatriots[nations[c.q.answer]]]))
        choices = distractors(
            c.q, pool, seed, local=near, answer=c.norm, holders=holders, nations=nations,
            own_only=True, sexes=sexes, roles=roles, org_kinds=org_kinds,
            place_kinds=place_kinds, role_words=role_words, past=past,
        )  # fmt: skip
        text = None if c.cloze is None else c.cloze.decode("utf-8")
        questions.append(
            replace(c.q, score=c.score, also_in=c.also_in, choices=choices, cloze=text)
        )
    return questions


# Those who comment on the news or pass it on, rather than make it.
_COMMENTATORS = frozenset(("expert", "spokesperson", "press"))
_SAID_BESIDE_BLANK = re.compile(
    r"\b(?:said|says|told|according\s+to)\s+(?:[\w-]+\s+){0,3}?_____"
    r"|_____(?:,[^,]{0,80},)?\s+(?:said|says|told|added|wrote|warned)\b"
)


def _a_commentators_saying(q: Question, roles: dict[str, str]) -> bool:
    """Whether a card asks who said something, or blanks the one who said it, when the story
    names that person as an analyst, a spokesperson or a reporter ("'It is a bold bet,' said
    Brent Thill, an analyst at Jefferies"): who commented is no fact of the news."""
    if roles.get(q.answer) not in _COMMENTATORS:
        return False
    if "quote" in q.tags:
        return True  # "Who said ...?" (a template's answer, of no kind)
    return q.answer_kind == "person" and bool(_SAID_BESIDE_BLANK.search(q.question))


def _fact_key(q: Question) -> bytes:
    """What makes two questions the same card, as a digest: an archive's worth of questions
    would otherwise be held twice, once more as lower-cased keys."""
    text = f"{q.kind}\x1f{q.question.lower()}\x1f{q.answer.lower()}"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


# Words that say how exact a count is, not what it counts: "at least 23" is the fact "23".
_HEDGE = re.compile(
    r"(?i)(?:(?:at least|at most|more than|fewer than|less than|up to|about|around|nearly|"
    r"almost|approximately|roughly|some|over|under|another|only|just)\s+)+"
)


_FIGURE_THEN_NOUN = re.compile(
    r"(\d[\d,.]*(?:\s+(?:hundred|thousand|million|billion|trillion))?)\s+[a-z]"
)


def _answer_fact(q: Question) -> str:
    """What an answer states, whatever its wording: a count by its value ("at least 23" and
    "23"), a day as a day ("Wednesday, 16 August 2023" and "yesterday (16 August 2023)"),
    anything else by its words."""
    if q.answer_kind in ("number", "quantity", ""):  # a template's own answer may be a count
        hedge = _HEDGE.match(q.answer)
        said = q.answer[hedge.end() :] if hedge else q.answer
        value = number_value(said)
        if value is None and (figure := _FIGURE_THEN_NOUN.match(said)):
            value = number_value(figure.group(1))  # "78 percent" is the fact "78"
        if value is not None:
            return str(value)
    return _date_key(q.answer)


@lru_cache(maxsize=1)
def _office_blank() -> re.Pattern[str]:
    """A state office right before a blank: "Prime Minister _____"."""
    names = sorted(res.state_offices(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\s+_____")


def _one_per_fact(candidates: list[_Candidate]) -> list[_Candidate]:
    """Of the questions of one kind from one sentence with the same answer, keep the best;
    and of a question and a cloze card from one sentence that ask the same count, date or
    person, keep the better: "According to the report of 17 August 2023, how many miners
    were killed?" (at least 23) and "At least _____ miners were killed" ask one fact, as do
    "Who was the President of the United States in March 2011?" and "U.S. President _____
    said"."""
    best: dict[tuple[str, int, str, bool], _Candidate] = {}
    for c in candidates:
        q = c.q
        key = (q.article_id, q.start, _answer_fact(q), q.kind == "cloze")
        if key not in best or c.score > best[key].score:
            best[key] = c
    keep = {id(c) for c in best.values()}
    for (article, start, fact, cloze), c in best.items():
        if not cloze:
            continue
        asked = best.get((article, start, fact, False))
        if asked is None:
            continue
        if c.q.answer_kind == "person":
            # The speaker of a saying that "Who said ...?" asks about, or the holder of the
            # office that "Who was the President of ...?" asks about.
            if "quote" not in asked.q.tags and "office" not in asked.q.tags:
                continue
            if "quote" in asked.q.tags and _office_blank().search(c.q.question):
                # "demanded the resignation of Prime Minister _____, who described ... as
                # '…'": the card with the office teaches the saying too.
                keep.discard(id(asked))
                continue
        elif c.q.answer_kind in ("place", "org", "country"):
            # "Which town did Azerbaijani forces capture?" and "The truce came as Azerbaijani
            # forces captured the strategic town of _____" ask one fact: the card that tells
            # it in the article's own words stays.
            keep.discard(id(asked))
            continue
        elif c.q.answer_kind not in ("number", "quantity", "date"):
            continue
        keep.discard(id(c) if c.score <= asked.score else id(asked))
    seen_ids: set[str] = set()
    out = []
    for c in candidates:
        if id(c) in keep and c.q.id not in seen_ids:
            seen_ids.add(c.q.id)
            out.append(c)
    return out


# A blank that is who spoke: "Hibernian head coach _____ said his side had been ...".
# (Each alternative starts with a letter, the word's start tested after it: the regex engine
# skips to the letters "_", "s" and "t" instead of trying the pattern at every position.)
_SPEAKER_BLANK = re.compile(
    r"_____(?:,[^,]{1,80},)?\s+(?:said|says|told|added|warned|argued|insisted|admitted)\b"
    r"|s(?<!\ws)a(?:id|ys)\s+(?:[A-Z][\w.-]*\s+){0,4}_____"
    r"|t(?<!\wt)old\s+(?:[A-Z][\w.-]*\s+){0,4}_____"
)


def _one_saying_per_speaker(candidates: list[_Candidate]) -> list[_Candidate]:
    """Of a "Who said ...?" card and a cloze card close by whose blank is who said something
    ("Hibernian head coach _____ said his side had been ..."), on one person of one story,
    keep the better: both ask who said what, a sentence or two apart."""
    clozes: dict[tuple[str, str], list[_Candidate]] = {}
    for c in candidates:
        if (
            c.q.kind == "cloze"
            and c.q.answer_kind == "person"
            and _SPEAKER_BLANK.search(c.q.question)
        ):
            clozes.setdefault((c.q.article_id, c.q.answer), []).append(c)
    drop: set[int] = set()
    for c in candidates:
        if "quote" not in c.q.tags:
            continue
        near = [o for o in clozes.get((c.q.article_id, c.q.answer), ())
                if abs(o.q.start - c.q.start) <= _NEARBY and id(o) not in drop]  # fmt: skip
        if near:
            other = max(near, key=lambda o: o.score)
            drop.add(id(other) if other.score < c.score else id(c))
    return [c for c in candidates if id(c) not in drop]


# Characters between two sentences a sentence or two apart.
_NEARBY = 400


def _cloze_rank(c: _Candidate) -> tuple[bool, float, int]:
    """Of the cards that blank one name, the one that says the office held comes first
    ("the resignation of Prime Minister _____" over "Aliyev said _____ had been left with
    no choice"), then the better scored, then the shorter."""
    office = c.q.answer_kind == "person" and bool(_office_blank().search(c.q.question))
    return office, c.score, -len(c.q.question)


def _one_cloze_per_answer(candidates: list[_Candidate]) -> list[_Candidate]:
    """Blank the same name, day or figure once per article: the best card, not four of them."""
    best: dict[tuple[str, str], _Candidate] = {}
    keyed = [(c, _blank_key(c)) for c in candidates]
    for c, key in keyed:
        if key is None:
            continue
        q, cur = c.q, best.get(key)
        if q.answer_kind in ("person", "org", "place", "country"):
            if cur is None or _cloze_rank(c) > _cloze_rank(cur):
                best[key] = c
        elif cur is None or (q.start, _part_of_day(q.answer)) < (
            cur.q.start,
            _part_of_day(cur.q.answer),
        ):
            # The same day or figure told twice is usually the same event: keep the first
            # telling, which in news is the lead, and in one sentence the date over a part
            # of the day.
            best[key] = c
    keep = {c.q.id for c in best.values()}
    return [c for c, key in keyed if key is None or c.q.id in keep]


def _blank_key(c: _Candidate) -> tuple[str, str] | None:
    """What a cloze card blanks, as one key an article: a name by its words, a day by its
    date, and a figure by its value when the figure is specific (450.3 million, 42,000).
    A small count repeated is usually another fact ("three" wounded, "three" helicopters):
    no key."""
    q = c.q
    if q.kind != "cloze":
        return None
    if q.answer_kind in ("person", "org", "place", "country"):
        return q.article_id, c.norm
    if q.answer_kind == "date":
        return q.article_id, _date_key(q.answer)
    if q.answer_kind in ("number", "quantity"):
        value = _answer_fact(q)
        try:
            figure = float(value)
        except ValueError:
            return None
        if abs(figure) >= 100 or not figure.is_integer():
            return q.article_id, f"#{value}"
    return None


# What a count near the blank is a toll of: the dead, or the hurt.
_TOLL_WORDS = (
    ("dead", re.compile(r"\b(?:kill(?:ed|ing|s)?|dead|died|deaths?|toll|lives)\b")),
    ("hurt", re.compile(r"\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt)\b")),
)


_CLAUSE_GOES_ON = re.compile(r"[,;]|\b(?:and|or|but)\b")


def _toll_of(q: Question) -> str | None:
    """ "dead" or "hurt" when a count card asks a toll: the words around its blank (or a
    question's own words) say so."""
    if "casualties" in q.tags and q.kind != "cloze":
        return "hurt" if _TOLL_WORDS[1][1].search(q.question) else "dead"
    if q.kind != "cloze" or q.answer_kind not in ("number", "quantity", ""):
        return None
    at = q.question.find("_____")
    # The word the blank counts first: "reported 2,012 deaths and _____ injuries" is hurt.
    after = _CLAUSE_GOES_ON.split(q.question[at + 5 : at + 25], 1)[0]
    # ... then the words right before it: "killing 2,012 people and injuring _____ others"
    before = _CLAUSE_GOES_ON.split(q.question[max(0, at - 25) : at])[-1]
    for near in (after, before, q.question[max(0, at - 60) : at + 60]):
        for toll, words in _TOLL_WORDS:
            if words.search(near):
                return toll
    return None


def _one_answer_per_question(candidates: list[_Candidate]) -> list[_Candidate]:
    """One card for one question: the same words asked twice with two answers ("how many
    people were killed in Turkey?", from the lead's whole toll and a later sentence's count)
    would leave a student one right answer and one marked wrong. The first telling stays."""
    first: dict[str, _Candidate] = {}
    for c in candidates:
        cur = first.get(c.q.question)
        if cur is None or (c.q.article_id, c.q.start) < (cur.q.article_id, cur.q.start):
            first[c.q.question] = c
    return [c for c in candidates if first[c.q.question] is c]


def _one_toll_per_count(candidates: list[_Candidate]) -> list[_Candidate]:
    """A toll told twice in a story is one fact: "killing at least _____ people" in the lead
    and "the minister said at least _____ people had died" later both ask 22. The first
    telling is kept (in news, the lead), the better card of one sentence."""
    best: dict[tuple[str, str, str], _Candidate] = {}
    tolls: dict[int, tuple[str, str, str]] = {}
    for c in candidates:
        toll = _toll_of(c.q)
        if toll is None:
            continue
        key = (c.q.article_id, toll, _answer_fact(c.q))
        tolls[id(c)] = key
        cur = best.get(key)
        if cur is None or (c.q.start, -c.score) < (cur.q.start, -cur.score):
            best[key] = c
    # "more than 2,000 people were killed" in the lead and "reported 2,012 deaths" later:
    # a round figure and the exact one close to it are one toll too, asked where first told.
    kept: dict[tuple[str, str], list[tuple[float, bool, int]]] = {}
    for key, c in sorted(best.items(), key=lambda kc: kc[1].q.start):
        value = float(key[2]) if _A_FIGURE.fullmatch(key[2]) else None
        if value is None or value < 100:
            continue
        told = kept.setdefault(key[:2], [])
        rounded = _rounded(c.q.answer, value)
        if any(
            abs(value - v) <= 0.1 * max(value, v) and (r or rounded) and at != c.q.start
            for v, r, at in told
        ):
            del best[key]  # (two figures of one sentence are two facts)
        else:
            told.append((value, rounded, c.q.start))
    return [c for c in candidates if id(c) not in tolls or best.get(tolls[id(c)]) is c]


_A_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def _rounded(answer: str, value: float) -> bool:
    """Whether a count is told roughly: hedged ("more than 2,000") or a round hundred."""
    return bool(_HEDGE.match(answer)) or value % 100 == 0


_A_DAY = re.compile(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b")


def _date_key(answer: str) -> str:
    """The day an answer names: "yesterday afternoon (the afternoon of 11 September 2015)" and
    "yesterday (11 September 2015)" both name 11 September 2015. Coarser answers (a year, a
    month) stay as they are: two events in one year are two facts."""
    day = _A_DAY.search(answer)
    return day.group(0).lower() if day else _norm(answer)


_PART_OF_DAY = re.compile(r"\bthe (?:morning|afternoon|evening|night) of\b")
_WORD = re.compile(r"[A-Za-z][\w-]*")


def _part_of_day(answer: str) -> bool:
    return bool(_PART_OF_DAY.search(answer))


def _initials(text: str) -> str:
    return "".join(w[0] for w in _WORD.findall(text) if w[0].isupper()).upper()


# A body named by its field and its kind, either way round: "the Justice Department", "the
# Department of Justice"; "Defence Ministry", "Ministry of Defence".
_HEAD_OF_FIELD = re.compile(
    r"(?:the\s+)?(?:(?P<c1>[A-Z][\w.]*\s+)?(?P<h1>{heads})"
    r"\s+(?:of|for)\s+(?:the\s+)?(?P<f1>[A-Z][\w ]*?)"
    r"|(?P<c2>[A-Z][\w.]*\s+)??(?P<f2>[A-Z][\w ]*?)\s+(?P<h2>{heads}))".format(
        heads="Department|Ministry|Office|Agency|Bureau"
    )
)


@lru_cache(maxsize=8192)
def _body_of_head_and_field(name: str) -> str:
    """ "department:justice" for both ways of naming the body, "" for other names."""
    m = _HEAD_OF_FIELD.fullmatch(name)
    if m is None:
        return ""
    head, field = (
        (m.group("h1"), m.group("f1")) if m.group("h1") else (m.group("h2"), m.group("f2"))
    )
    return f"{head.lower()}:{field.lower()}"


def _same_thing(a: str, b: str) -> bool:
    """ "NPT" and "Nuclear Non-Proliferation Treaty" name the same thing, and so do "ASEAN" and
    "Association of Southeast Asian Nations", or "IAEA" and a story's misspelt "IAFA"
    (acronyms of four letters or more, one letter apart)."""
    a, b = a.strip(), b.strip()
    if _body_of_head_and_field(a) == _body_of_head_and_field(b) != "":
        return True  # "Justice Department" and "Department of Justice"
    if len(a) == len(b) >= 4 and a.isupper() and b.isupper():
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    for short, long in ((a, b), (b, a)):
        if short.isupper() and len(short) >= 2 and " " in long:
            letters = _initials(long.replace("-", " "))
            if letters[:1] == short[:1] and _subsequence(short, letters):
                return True
            # "ASEAN": more letters than words ("Southeast" gives S and E), the words'
            # initials all in it, in order, first and last alike.
            if len(letters) >= 3 and letters[-1:] == short[-1:] and _subsequence(letters, short):
                return True
    return False


# Acronyms and runs of capitalized words a card shows.
_NAMES_SHOWN = re.compile(r"\b[A-Z][A-Z&]{1,6}\b|\b[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+)+")


def _shown_by_another_name(value: str, shown: list[str]) -> bool:
    """Whether a card shows the body ``value`` names by its acronym or its expansion."""
    return any(_same_thing(value, name) for name in shown)


def _subsequence(short: str, letters: str) -> bool:
    it = iter(letters)
    return all(ch in it for ch in short)


def _normalize(text: str) -> str:
    """Lower-cased words."""
    return plain_words(text.lower())


# The same names and distractors are compared again and again.
_norm = lru_cache(maxsize=8192)(_normalize)


@lru_cache(maxsize=8192)
def _surname_norm(name: str) -> str:
    return _normalize(surname(name))


_KIND_NO = {kind: i for i, kind in enumerate(POOL_KINDS)}
_NAME_KINDS = frozenset(("person", "country", "place", "org", "title"))  # drawn from the pool
SAMPLE = 40  # pool entries looked at per question: enough for three, and not the whole corpus


_MONTHS = "|".join(MONTHS)
_A_MONTH_WORD = re.compile(rf"\b({_MONTHS})\b")
_MONTH_YEAR = re.compile(rf"({_MONTHS}) \d{{4}}")


def distractors(
    q: Question,
    pool: dict[str, list[tuple[str, str]]],
    seed: int,
    n: int = 3,
    local: list[int] | None = None,
    answer: str | None = None,
    holders: frozenset[str] = frozenset(),
    nations: dict[str, str] | None = None,
    own_only: bool = False,
    sexes: dict[str, str] | None = None,
    roles: dict[str, str] | None = None,
    org_kinds: dict[str, str] | None = None,
    place_kinds: dict[str, str] | None = None,
    role_words: dict[str, set[str]] | None = None,
    past: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """Three plausible wrong answers of the same type as ``q``'s answer, never the answer
    nor a name the question itself shows.

    ``pool`` maps a kind to (value, normalized value) pairs from the whole corpus; ``local``
    lists the places in ``pool[q.answer_kind]`` of the names from ``q``'s own article, which
    are offered first; ``answer`` is the answer's normalized words, when already made;
    ``holders`` names the people named anywhere with a country's office, who are offered
    for one another, and others for everyone else, while there are enough; ``nations`` maps
    people to the country the corpus names them with. With ``own_only``, a name is offered
    only from ``local``: a reader knows which story each name belongs to, and rules out a
    name from another. ``sexes`` maps people to "M" or "F" where their story says: a woman
    is not offered men, nor a man women. ``roles`` maps people to the sort of person their
    story names them as (``res.role_class``): a judge is not offered defendants, nor a
    striker the coach. ``org_kinds`` gives the kind of bodies whose names do not tell it,
    as their stories do ("the CGT union").
    """
    kind = q.answer_kind
    answer = _norm(q.answer) if answer is None else answer
    # Candidates are made and tested one at a time: the first few that pass are all that
    # is taken.
    cands: Iterator[tuple[str, str]] = iter(())  # (value, normalized value)
    if kind in ("number", "quantity"):
        # A share moves in points, not multiples: "widened to _____ percent" (34) gets 31 or
        # 39, not 63.
        # Each search below is made only where the words it needs are: most questions have
        # none of them, and a failing search tries its pattern at every position.
        question, lowered = q.question, q.question.lower()
        close = bool(
            _PERCENT_BLANK.search(question)
            or (q.kind != "cloze" and q.answer.endswith(("percent", "%")))
            or (("age" in question or "turn" in question) and _AGE_BLANK.search(question))
        )
        cands = ((c, _norm(c)) for c in _numbers_near(q.answer, _rng(seed, q.id), close))
        if (_SHARE_OF_BLANK.search(question) and _A_SHARE.search(question)) or (
            _PERCENT_BLANK.search(question) and not _A_CHANGE_BLANK.search(question)
        ):
            # "about _____ percent of ad revenue": a share is no more than the whole.
            # Nor the whole, unless it is the answer: "Ethnic Albanians comprise _____
            # percent of the population" (90) is not offered 100.
            whole = _number_of(q.answer) == 100
            cands = ((c, n) for c, n in cands if _number_at_most(c, 100 if whole else 99.99))
        elif q.answer.endswith(("percent", "%")) and "_____" not in question:
            # "What was the turnout?" (78 percent): a share the answer itself says is one.
            top = 100 if (_number_of(q.answer) or 0) <= 100 else None
            if top is not None:
                cands = ((c, n) for c, n in cands if _number_at_most(c, top))
        elif "magn" in lowered and _MAGNITUDE.search(question):
            cands = ((c, n) for c, n in cands if _number_at_most(c, 9.5))  # no quake is 10.7
        if " of " in question and (part := _PART_OF_A_WHOLE.search(question)):
            # "killing _____ of the six crew members" (five): a part is less than its whole.
            all_of, asked = number_value(part.group("whole")), number_value(q.answer)
            if all_of is not None and asked is not None and asked < all_of:
                if all_of - asked < max(3, asked * 0.15):
                    # With little room above it, the answer would be the largest choice:
                    # asked outright.
                    cands = iter(())
                else:
                    cands = (
                        (c, n) for c, n in cands if (v := number_value(c)) is None or v < all_of
                    )
        if q.answer.endswith(")") and (conv := _MEASURE_CONVERTED.fullmatch(q.answer)):
            # "1,008 metres (3,307 feet)": each wrong answer converted alike ("1,200 metres
            # (3,937 feet)"), or its brackets would give the right one away.
            cands = (
                (w, _norm(w)) for c, _ in cands if (w := _converted_alike(c, conv)) is not None
            )
        if any(w in lowered for w in _BOUND_WORDS) and _BOUND_BEFORE.search(question):
            # "more than _____ scientists" (1,000): 900 would be true as well, and with only
            # larger counts offered the smallest is the answer. It is asked outright.
            cands = iter(())
    elif kind == "date":
        step = 4 if _every_four_years(q.question) else 1
        rng = _rng(seed, q.id)
        cands = ((c, _norm(c)) for c in _dates_near(q.answer, q.article_date, rng, step))
        day = _day_written(q.answer) if "month" in q.question else None
        if day and _NAMED_MONTH.search(q.question):
            # "follow next month, from _____ to 15" (6 March): a day of that month.
            within = day[1:]
            cands = (
                (c, n) for c, n in cands
                if (d := _day_written(c)) is not None and d[1:] == within
            )  # fmt: skip
        if _TRADING_WORDS.search(q.question):
            # "Monsanto's closing share price on _____": no market trades at the weekend.
            cands = ((c, n) for c, n in cands if not _a_weekend_day(c))
        if ("since" in q.question or "latest" in q.question) and _OPEN_DATE.search(q.question):
            # "the highest since _____" (1993): a later year is as true; "killed since _____",
            # "decide by _____ at the latest": an earlier or a later date may be. Asked
            # outright.
            cands = iter(())
    if (
        kind in ("number", "quantity")
        and ("rate" in q.question or "basis point" in q.question)
        and _RATE.search(q.question)
    ):
        # Policy rates move in quarter points: "raised its main rate to _____ percent" (7.25)
        # gets 7.00 or 7.50, not 8.70; "a move of _____ basis points" (50) gets 25 or 75.
        step_size = 25.0 if _BASIS_POINTS_AFTER.search(q.question) else 0.25
        rate = _number_of(q.answer)
        if rate is not None and (rate / step_size).is_integer():
            cands = (
                (c, _norm(c)) for c in _steps_near(q.answer, rate, step_size, _rng(seed, q.id))
            )
    if kind in ("number", "quantity") or (kind == "date" and _A_YEAR_ONLY.fullmatch(q.answer)):
        low, high = _order_bounds(q.question)
        seats = _SEATS_OF_A_HOUSE.search(q.question) if "majority" in q.question else None
        if seats and kind in ("number", "quantity"):
            # "won _____ of the 338 seats", in a story of a majority won (or missed): more
            # (or fewer) than half of them.
            half = float(seats.group(1).replace(",", "")) / 2
            if _MAJORITY_MISSED.search(q.question):
                high = half if high is None else min(high, half)
            else:
                low = half if low is None else max(low, half)
        if low is not None or high is not None:
            cands = ((c, n) for c, n in cands if _within(c, low, high))
    if kind in ("number", "quantity", "date"):
        # "in 2015 and _____": a value the question shows is no choice.
        shown_values = _normalize(q.question)
        cands = ((c, n) for c, n in cands if not has_words(shown_values, n))
    if kind == "date":
        # "fell 10 percent in _____ and November": no November either, of any year.
        months = {m.lower() for m in _A_MONTH_WORD.findall(q.question)}
        if months:
            cands = (
                (c, n) for c, n in cands
                if not ((mm := _MONTH_YEAR.fullmatch(c)) and mm.group(1).lower() in months)
            )  # fmt: skip
    elif kind in _NAME_KINDS:
        entries = pool.get(kind, [])
        rng = _rng(seed, q.id)
        own = list(local or ())
        rng.shuffle(own)
        picks: Iterable[int] = (
            own
            if own_only
            else chain(own, _sample_lazily(rng, len(entries), min(len(entries), SAMPLE)))
        )
        shown = _normalize(q.question)  # each question once: no use caching it
        # "the CDU, the CSU and the _____": not "Christian Democratic Union" either.
        shown_names = _NAMES_SHOWN.findall(q.question) if kind == "org" else []
        # A full name among bare surnames ("Vaclav Havel" beside "Clinton") stands out.
        full_names = kind == "person" and " " in q.answer.strip()
        # A capital city gets other capitals, not "the Black Sea".
        capitals = res.capitals() if kind == "place" else {}
        cities = capitals if q.answer in capitals else None
        # A town gets other towns, a river other rivers: not "the Yellow Sea" or "Church
        # Square" for the city of _____, nor a town for "the _____ River".
        # (What its story calls a place counts too: "the Karabakh region" is no town.)
        told_places = place_kinds or {}

        def sort_of(name: str) -> str | None:
            return res.place_sort(name) or res.place_sort_of_word(told_places.get(name, ""))

        sort = sort_of(q.answer) if kind == "place" else None
        cands = (
            (value, norm)
            for value, norm in (entries[i] for i in picks)
            if (not full_names or " " in norm)
            and (cities is None or value in cities)
            and (kind != "place" or sort_of(value) == sort)
            and norm != answer
            and norm not in answer
            and answer not in norm
            and not has_words(shown, norm)
            # "Jonathan telephoned _____": not "Goodluck Jonathan" either.
            and not (kind == "person" and has_words(shown, _surname_norm(value)))
            and not _same_thing(value, q.answer)
            and not (kind == "org" and _shown_by_another_name(value, shown_names))
        )
        known_sex = sexes or {}

        def sex_of(name: str) -> str | None:
            # as the story calls them, or else as their given name says ("Margaret Allen")
            return known_sex.get(name) or res.sex_of_name(name)

        sex = sex_of(q.answer) if kind == "person" else None
        said = _sex_the_card_says(q.question) if kind == "person" else None
        if said == "F" and sex in (None, "F"):
            # "_____, Britain's first female defence secretary, said that she": only women
            # the story calls so (most people in the news are men, and a man stands out).
            cands = ((v, n) for v, n in cands if sex_of(v) == "F")
        elif sex or said:
            # No one the story calls a woman for a man, nor the other way.
            sex = sex or said
            cands = ((v, n) for v, n in cands if (sex_of(v) or sex) == sex)
        role = roles.get(q.answer) if kind == "person" and roles else None
        if kind == "person" and "office" not in q.tags and roles is not None:
            # A person is offered only for someone of the same known sort: one of no known
            # sort, or of another, is a guess a reader rules out at sight ("Mayor _____"
            # offered the first officer; the opposition leader for a minister's post). A
            # holder of a country's office is a politician.
            known_roles = roles

            def sort_of(name: str) -> str | None:
                return known_roles.get(name) or ("politics" if name in holders else None)

            role = sort_of(q.answer)
            cands = ((v, n) for v, n in cands if role and sort_of(v) == role)
            if past:
                # Someone of long ago for someone in today's news, or the other way.
                then = q.answer in past
                cands = ((v, n) for v, n in cands if (v in past) == then)
            word = _role_word_before_blank(q.question) if role_words is not None else ""
            if word:
                # "Chief Justice _____", "Mayor _____": only someone the corpus names so.
                words = role_words or {}
                if word == "minister":  # "interior minister", "foreign minister" too
                    cands = (
                        (v, n)
                        for v, n in cands
                        if any(w.endswith("minister") for w in words.get(v, ()))
                    )
                else:
                    cands = ((v, n) for v, n in cands if word in words.get(v, ()))
        elif role:
            # Someone named as another sort of person is wrong at sight; one named as none
            # may still be of the answer's sort.
            known_roles = roles or {}
            cands = ((v, n) for v, n in cands if known_roles.get(v, role) == role)
        shown_nation = _nation_before_blank(q.question) if kind == "person" else None
        if shown_nation is None and kind == "person" and "office" in q.tags:
            # "Who was the Secretary of State of the United States?": a foreign leader is
            # wrong at sight, so only the answer's compatriots are offered, and when the
            # story does not say whose the answer is, those of the country the question
            # names ("Who was the Emperor of Japan?": not Joe Biden).
            shown_nation = (nations or {}).get(q.answer) or _office_country(q.question)
        if shown_nation:
            # "Canada's _____ claimed bronze": only another Canadian would do.
            known = nations or {}
            cands = ((v, n) for v, n in cands if known.get(v) == shown_nation)
    # A company gets other companies, a party other parties, a president other holders of
    # office, while there are enough.
    # A body of no known kind ("UEFA") gets other bodies of no known kind.
    told = org_kinds or {}

    def org_kind(name: str) -> str:
        return res.org_kind(name) or told.get(name, "")

    org = org_kind(q.answer) if kind == "org" else None
    if org == "":
        # A body of no known kind gets no choices: others of no known kind are of any kind
        # (a stock index and a news agency offered for a party, a palace for a channel).
        return ()
    holder = q.answer in holders if kind == "person" and holders else None
    # A city that is no capital ("Sendai") gets other such places first, not "London".
    all_capitals = res.capitals()
    towns = kind == "place" and q.answer not in all_capitals
    out: list[str] = []
    # A person of the answer's country comes before one of another ("Who was the President
    # of Russia?": Medvedev's foreign minister before Obama), within each of the above.
    nations = nations or {}
    nation = nations.get(q.answer) if kind == "person" else None
    # The story's own names come before those of other stories: a reader of the story knows
    # them, and they belong to its time and place ("Finance Minister _____": the story's
    # other politicians before another country's president).
    own_story = {entries[i][0] for i in local} if kind in _NAME_KINDS and local else None
    # Ranked by what sets each apart, the least telling first: no holder of office beside one
    # (or the other way); another country; not of the story; another kind of body or place.
    later: list[list[str]] = [[] for _ in range(15)]
    for c, norm in cands:
        if norm == answer or c in out:
            continue
        rank = (
            8 * ((org is not None and org_kind(c) != org) or (towns and c in all_capitals))
            + 4 * (own_story is not None and c not in own_story)
            + 2 * (nation is not None and nations.get(c) != nation)
            + (holder is not None and (c in holders) != holder)
        )
        if rank:
            later[rank - 1].append(c)  # tested against the choices below, if it is needed
            if rank & 4 and rank < 8 and sum(map(len, later[:4])) + len(out) > n:
                # The story's own names come first and are all drawn: no later candidate can
                # rank above those kept (a spare one for two that name one thing).
                break
            continue
        # Two choices must not name one thing: "IAEA" and "International Atomic Energy Agency".
        if not any(_same_thing(c, o) for o in out):
            out.append(c)
            if len(out) == n:
                break
    # A body of another kind is no choice at all: a university for a party, a court for a
    # bank (a reader rules it out at sight).
    # Nor is a capital for a town ("the resort town of _____": not Washington).
    usable = later[:7] if kind in ("org", "place") else later
    for c in chain.from_iterable(usable):
        if len(out) == n:
            break
        if c not in out and not any(_same_thing(c, o) for o in out):
            out.append(c)
    return tuple(out) if len(out) == n else ()


_WORDS_BEFORE_BLANK = re.compile(r"(?:([A-Za-z][\w-]*)\s+)?([A-Za-z][\w-]*),?\s+_____")


def _role_word_before_blank(question: str) -> str:
    """The office a card names its blank with, in lower case ("Chief Justice _____": "chief
    justice"; "Mayor _____": "mayor"), or "". (A role word says too little: "Acting Cuban
    leader _____" may be any Cuban politician.)"""
    i = question.find("_____")
    if i < 0:
        return ""
    # A match holds at most two runs of spaces before its blank, so it starts after the
    # fourth run back from the first blank: searched from there, not at every word of the
    # card (the same match, without trying the two words at every letter before it).
    parts = question[:i].rsplit(None, 3)
    m = _WORDS_BEFORE_BLANK.search(question, len(parts[0]) if len(parts) == 4 else 0)
    if m is None:
        return ""
    first, last = m.group(1), m.group(2)
    titles = _lower_titles()
    if first and f"{first} {last}".lower() in titles:
        return f"{first} {last}".lower()
    if last == "Minister":
        return "minister"  # "Culture Minister _____": any minister, but no queen nor president
    return last.lower() if last.lower() in titles else ""


# Offices held by one person at a time in their place, besides a country's: "Mayor _____"
# is no captain, coach or minister, of whom a story may name several.
_SINGLE_OFFICES = ("Mayor", "Governor", "Senator", "Chief Justice", "Attorney General",
                   "Attorney-General", "Pope", "Secretary-General", "Secretary General",
                   "Speaker")  # fmt: skip


@lru_cache(maxsize=1)
def _lower_titles() -> frozenset[str]:
    """The offices a card's blank is named with that only another holder fits, in lower case."""
    return frozenset(t.lower() for t in (*res.state_offices(), *_SINGLE_OFFICES))


# Each word is found by its first letter and the rest, its start tested after the letter:
# the regex engine then skips to those letters instead of trying every position. (Only
# whether a card holds one is asked, not which.)
_FEMALE_WORDS = re.compile(
    r"s(?<!\ws)(?:he|pokeswoman|portswoman)\b|h(?<!\wh)er(?:s|self)?\b|w(?<!\ww)oman\b"
    r"|f(?<!\wf)emale\b|a(?<!\wa)ctress\b|b(?<!\wb)usinesswoman\b|c(?<!\wc)(?:hair|ongress)woman\b"
    r"|M(?<!\wM)(?:rs|s|iss)\b|Q(?<!\wQ)ueen\b|P(?<!\wP)rincess\b|D(?<!\wD)ame\b"
)
_MALE_WORDS = re.compile(
    r"h(?<!\wh)(?:e|im|is|imself)\b|M(?<!\wM)r\b|K(?<!\wK)ing\b|P(?<!\wP)rince\b|S(?<!\wS)ir\b"
)


def _sex_the_card_says(question: str) -> str | None:
    """ "F" or "M" where a card about a person says which ("the first woman to hold the
    post", "said he"), and nothing of the other; else None."""
    female, male = _FEMALE_WORDS.search(question), _MALE_WORDS.search(question)
    if female and not male:
        return "F"
    if male and not female:
        return "M"
    return None


_NATION_AFTER_BLANK = re.compile(r"_____\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\b")
_NATION_BEFORE_BLANK = re.compile(
    r"\b((?:[A-Z][\w.]*\s+){0,3}[A-Z][\w.]*)(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}_____"
)


_OF_A_COUNTRY = re.compile(
    r"\bof\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:in|on)\s"
)


def _office_country(question: str) -> str | None:
    """The country whose office a question asks about ("the Emperor of Japan in ...")."""
    m = _OF_A_COUNTRY.search(question)
    return res.countries().get(m.group(1).lower()) if m else None


def _nation_before_blank(question: str) -> str | None:
    """The country a card names its blank with: "Jamaica's _____", "Chinese _____", or
    after it: "_____ of Switzerland won"."""
    after = _NATION_AFTER_BLANK.search(question)
    if after:
        countries = res.countries()
        country = countries.get(after.group(1).lower())
        if country:
            return country
    i = question.find("_____")
    if i < 0:
        return None
    # A match holds at most six runs of spaces before its blank, so it starts after the
    # seventh run back from the first blank: searched from there (the same match).
    parts = question[:i].rsplit(None, 7)
    m = _NATION_BEFORE_BLANK.search(question, len(parts[0]) if len(parts) == 8 else 0)
    if m is None:
        return None
    between = question[m.end(1) : m.end()].split()[:-1]
    if between and between[0] in ("'s", "’s"):
        between = between[1:]
    if between and not res.is_person_role(between[-1]):
        return None  # "Canada's _____", "Sri Lanka bowler _____", not "France said _____"
    # The country, then perhaps a title: "Chinese Premier _____", "Sri Lanka captain _____".
    words = m.group(1).split()
    countries = res.countries()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            country = countries.get(" ".join(words[i:j]).lower())
            if country:
                return country
    return None


def _sample_lazily(rng: random.Random, n: int, k: int) -> Iterator[int]:
    """``rng.sample(range(n), k)`` one pick at a time: the same picks in the same order, but
    only as many as are taken (three distractors seldom need more than five of forty).

    The steps are those of CPython's ``Random.sample``, whose ``_randbelow(n)`` is what
    ``randrange(n)`` draws; a test checks that the two agree.
    """
    setsize = 21  # sample's threshold between its two ways of picking
    if k > 5:
        setsize += 4 ** math.ceil(math.log(k * 3, 4))
    if n <= setsize:
        unpicked = list(range(n))  # the first n - i entries, after i picks
        for i in range(k):
            j = rng.randrange(n - i)
            yield unpicked[j]
            unpicked[j] = unpicked[n - i - 1]
    else:
        picked: set[int] = set()
        for _ in range(k):
            j = rng.randrange(n)
            while j in picked:
                j = rng.randrange(n)
            picked.add(j)
            yield j


# An earthquake's magnitude: "the magnitude _____ quake".
_MAGNITUDE = re.compile(r"(?i)magnitude[\s-]+_____|_____[\s-]+magnitude")
# A percentage that is no change is a share of a whole: "Turnout was _____%" (no 134%).
_AGE_BLANK = re.compile(
    r"\bages?\s+(?:[a-z]+\s+){0,5}?(?:to|at|of|from)\s+_____|\baged\s+_____|\bturns?\s+_____"
    r"|_____-year-old"
)
_PERCENT_BLANK = re.compile(r"_____\s*(?:%|percent\b|per\s+cent\b)")
_A_CHANGE_BLANK = re.compile(
    r"\b(?:rose|fell|grew|jumped|climbed|increased|decreased|gained|lost|up|down|by|surged|"
    r"soared|dropped|declined|plunged|slipped|slid|a|an)\s+(?:about\s+|nearly\s+|almost\s+|"
    r"some\s+|more\s+than\s+)?_____"
)
# A blank that is a share of a whole, or a fall, not a rise: "_____ percent of", "plunged
# _____ percent" (nothing loses more than all of itself).
_A_SHARE = re.compile(
    r"_____\s*(?:%|percent|per\s+cent)\s+of\b|\b(?:fell|dropped|plunged|slumped|tumbled|"
    r"declined|sank|lost|shed)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+)?"
    r"_____\s*(?:%|percent|per\s+cent)"
)


_BOUND_BEFORE = re.compile(
    r"(?i)\b(more than|at least|over|upwards of|fewer than|less than|under|up to)\s+_____"
)
# A date that opens or closes a stretch of time, which other dates would do as truly.
_OPEN_DATE = re.compile(r"\bsince\s+_____|\bby\s+_____\s+at\s+the\s+latest")
# Parts of those words in lower case, one of which a question must hold for ``_BOUND_BEFORE``
# to match it: without "i", "k" and "s", which alone IGNORECASE also matches beyond ASCII
# ("ſ"), so that ``str.lower`` finds them wherever the pattern does.
_BOUND_WORDS = ("than", "at le", "over", "upwa", "under", "up to")
# Seats "of the 338 seats" in a story of a majority won or missed.
_SEATS_OF_A_HOUSE = re.compile(
    r"_____\s+(?:seats\s+)?(?:out\s+)?of\s+(?:the|its|all)\s+(\d[\d,]*)\s+seats"
)
_MAJORITY_MISSED = re.compile(
    r"\b(?:short\s+of|without|no|lacks?|lacking|lost|losing|shy\s+of|minority)\s+"
    r"(?:[\w-]+\s+){0,2}majority|\bminority\b"
)
# A month the card names from its day ("next month"), and words of a market's day.
_NAMED_MONTH = re.compile(r"\b(?:next|last|this|that|the\s+same)\s+month\b")
_TRADING_WORDS = re.compile(
    r"\b(?:closing\s+(?:share\s+)?price|closed\s+(?:at|up|down)|trading\s+(?:day|session)|"
    r"regular\s+session)\b"
)


def _day_written(text: str) -> tuple[int, str, int] | None:
    """The day, month and year of the first day written "8 May 2016" in ``text`` (see
    ``_A_DAY``), or None."""
    m = _A_DAY.search(text)
    if m is None:
        return None
    day, month, year = m.group(0).split()
    return (int(day), month, int(year)) if month in MONTHS else None


def _a_weekend_day(choice: str) -> bool:
    """Whether a choice written "8 May 2016" falls on a Saturday or a Sunday."""
    written = _day_written(choice)
    if written is None:
        return False
    day = cal.safe_date(written[2], MONTHS.index(written[1]) + 1, written[0])
    return day is not None and day.weekday() >= 5


# What both of ``_A_SHARE``'s alternatives hold: a share's sign or word after the blank.
_SHARE_OF_BLANK = re.compile(r"_____\s*(?:%|per)")
# A count of part of a whole the sentence numbers: "_____ of the six crew members", "_____ of
# its 650 seats".
_PART_OF_A_WHOLE = re.compile(
    r"_____\s+(?:out\s+)?of\s+(?:the|its|their|all|about|some)?\s*"
    r"(?P<whole>\d[\d,.]*(?:\s+(?:thousand|million|billion|trillion))?|[a-z]+(?:-[a-z]+)?)\b"
    r"(?!\s*(?:%|percent|per\s+cent))"
)


# What the sentence says of the blank beside another number, which a choice must respect:
# "improved to _____ percent from 57" (more than 57), "eased to _____ from 7.4" (less),
# "ranked 143rd out of _____" (more than 143), "between _____ and 2014" (less than 2014).
_NUM = r"[$€£]?(\d[\d,]*(?:\.\d+)?)"
_UP = (
    r"(?:rose|risen|increased|increases|improved|climbed|grew|jumped|gained|surged|soared|raised"
    r"|raises|raising|raise|increase|lifted|lifts|lift|widened|expanded|up)"
)
_DOWN = (
    r"(?:fell|fallen|eased|declined|dropped|slipped|slowed|sank|shrank|cut|lowered|reduced"
    r"|lower|reduce|narrowed|contracted|down)"
)


# Words between the two numbers of a change, within the sentence ("billion in the quarter
# ended Sept. 30"): a period only before a digit.
_GAP = r"(?:[^.;]|\.(?=\s*\d)){0,80}?"
# "earned $_____ a share, above estimates of $2.42": the blank beats the forecast.
_FORECAST = (
    r"(?:analysts['’]\s+)?(?:average\s+)?(?:(?:the\s+)?company['’]s\s+(?:own\s+)?)?"
    r"(?:estimates?|expectations?|forecasts?|consensus|guidance|targets?|outlook)"
)
# Whose forecast: "above Wall Street estimates of", "below the LSEG consensus of".
_WHOSE = r"(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}?"


def _changes(rise: str, fall: str) -> tuple[re.Pattern[str], ...]:
    """The ways a change puts the blank above the other number ("rose to _____ from 57",
    "rose to $4 million, or _____ cents a share, from $3 million, or 66 cents", "fell to 7.4
    from _____", "fell from _____ to", "rose from 57 to _____"); with the verbs of rising and
    falling swapped, below it."""
    # "rose to $412 million, or _____ cents a share, ... from $307 million, or 66 cents":
    # the figure after "or" moves with the one before it.
    figure = r"[$€£]?\d[\d,]*(?:\.\d+)?[^.;,]{0,20},\s+or\s+"
    return (
        re.compile(rf"(?i)\b{rise}\s+(?:\S+\s+){{0,5}}?to\s+[$€£]?_____{_GAP}\bfrom\s+{_NUM}"),
        # (in the same unit: "_____ cents" beside "66 cents", not beside "$1.03")
        re.compile(
            rf"(?i)\b{rise}\s+(?:\S+\s+){{0,5}}?to\s+{figure}_____\s+cents{_GAP}\bfrom\s+"
            rf"{figure}{_NUM}\s+cents"
        ),
        re.compile(
            rf"(?i)\b{rise}\s+(?:\S+\s+){{0,5}}?to\s+{figure}[$€£]_____{_GAP}\bfrom\s+"
            rf"{figure}[$€£]{_NUM}"
        ),
        re.compile(rf"(?i)\b{fall}\s+(?:\S+\s+){{0,5}}?to\s+{_NUM}{_GAP}\bfrom\s+[$€£]?_____"),
        # "a cut in the company tax rate for small businesses from _____ percent to 26"
        re.compile(rf"(?i)\b{fall}\s+(?:[^\s.;]+\s+){{0,8}}?from\s+[$€£]?_____{_GAP}\bto\s+{_NUM}"),
        re.compile(rf"(?i)\b{rise}\s+from\s+{_NUM}{_GAP}\bto\s+[$€£]?_____"),
    )


# "down from an earlier estimate of 2.9 percent": the figure the change is measured from.
_EARLIER = (
    r"(?:(?:an?|the|its|their)\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:(?:estimate|forecast|projection|reading|figure|level)s?\s+of\s+)?"
)
# "Apple held _____ percent, followed by China's Xiaomi with 14 percent": the next is less.
_FOLLOWED_BY = r"\s*(?:%|percent)?,?\s+followed\s+by\s+[^.;]{0,40}?\bwith\s+"
# A vote won by a tally: "carried by 21 votes to 19", "passed by a vote of 52 to 48".
_CARRIED = (
    r"\b(?:carried|passed|approved|adopted|won|backed|endorsed|upheld)\s+"
    r"(?:by\s+)?(?:a\s+(?:vote|margin)\s+of\s+)?"
)
_VOTES_WORDS = ("carried", "passed", "approved", "adopted", "won", "backed", "endorsed", "upheld")
# "_____ valid signatures, well above the 151,000 required by law"
_REQUIRED = r"\s+(?:required|needed|necessary)"
_UNDER = r"(?:below|under|short\s+of|missing)"
_OVER = r"(?:above|over|beating|topping|ahead\s+of)"
_THE_BLANK = r"(?:the\s+|an?\s+)?(?:[a-z]+['’]?\s+){0,2}?[$€£]?_____"


# Each pattern with the words its window must hold for it to be worth trying: most windows
# hold none, and trying twenty patterns on every one of them was a tenth of selection.
_FROM, _OF = ("from",), (" of ",)
_ABOVE_ONE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    *((_FROM, p) for p in _changes(_UP, _DOWN)),
    (_OF, re.compile(r"(?i)\b(\d+)(?:st|nd|rd|th)\s+(?:out\s+)?of\s+(?:the\s+)?_____")),
    # "took 52 of the _____ seats": the whole is more than its part.
    (_OF, re.compile(
        rf"(?i)\b{_NUM}\s+(?:out\s+)?of\s+(?:the|its|their|all)\s+(?:[\w-]+['’]s?\s+)?_____"
    )),
    (("between",), re.compile(rf"(?i)\bbetween\s+{_NUM}\s+and\s+_____")),
    # "Turnout was _____%, up from 63.6%"; "won 33.1%, narrowly behind the Tories' _____%".
    (("up from",), re.compile(rf"(?i)_____[^.;]{{0,40}}?\bup\s+from\s+{_EARLIER}[$€£]?{_NUM}")),
    (("behind",), re.compile(rf"(?i){_NUM}%?,?\s+(?:\w+\s+)?behind\s+[^.;]{{0,30}}?_____")),
    (("above", "beating", "topping", "ahead"), re.compile(
        rf"(?i)_____{_GAP}\b(?:above|beating|topping|ahead\s+of)\s+{_WHOSE}{_FORECAST}\s+of\s+"
        rf"[$€£]?{_NUM}"
    )),
    # "slowed to 6.7 percent, well below the _____ percent forecast": the forecast is higher.
    (("below", "under", "short", "missing"), re.compile(
        rf"(?i){_NUM}\s*(?:%|percent)?,?\s+(?:[\w,]+\s+){{0,4}}?{_UNDER}\s+{_THE_BLANK}"
    )),
    (("followed by",), re.compile(rf"(?i)_____{_FOLLOWED_BY}[$€£]?{_NUM}")),
    # "The motion was carried by _____ votes to 19": the winning side had more.
    (_VOTES_WORDS, re.compile(rf"(?i){_CARRIED}_____\s+(?:votes?\s+)?to\s+{_NUM}")),
    (("required", "needed", "necessary"), re.compile(
        rf"(?i)_____{_GAP}\b(?:above|over|more\s+than|exceeding)\s+the\s+[$€£]?{_NUM}{_REQUIRED}"
    )),
)  # fmt: skip
_BELOW_ONE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    *((_FROM, p) for p in _changes(_DOWN, _UP)),
    (("between",), re.compile(rf"(?i)\bbetween\s+[$€£]?_____\s+and\s+{_NUM}")),
    (_OF, re.compile(rf"(?i)_____\s+(?:out\s+)?of\s+(?:the|its|their|all)\s+{_NUM}")),
    # "Inflation was _____% in January, down from 6.5%"; "won 34.3%, narrowly ahead of the
    # Liberals' _____%".
    (("down from",), re.compile(
        rf"(?i)_____[^.;]{{0,40}}?\bdown\s+from\s+{_EARLIER}[$€£]?{_NUM}"
    )),
    (("ahead",), re.compile(rf"(?i){_NUM}%?,?\s+(?:\w+\s+)?ahead\s+of\s+[^.;]{{0,30}}?_____")),
    (("below", "missing", "short", "under"), re.compile(
        rf"(?i)_____{_GAP}\b(?:below|missing|short\s+of|under)\s+{_WHOSE}{_FORECAST}\s+of\s+"
        rf"[$€£]?{_NUM}"
    )),
    (("above", "over", "beating", "topping", "ahead"), re.compile(
        rf"(?i){_NUM}\s*(?:%|percent)?,?\s+(?:[\w,]+\s+){{0,4}}?{_OVER}\s+{_THE_BLANK}"
    )),
    (("followed by",), re.compile(rf"(?i){_NUM}{_FOLLOWED_BY}[$€£]?_____")),
    (_VOTES_WORDS, re.compile(rf"(?i){_CARRIED}{_NUM}\s+(?:votes?\s+)?to\s+_____")),
    (("required", "needed", "necessary"), re.compile(
        rf"(?i)_____{_GAP}\b(?:below|under|short\s+of|fewer\s+than|less\s+than)\s+the\s+"
        rf"[$€£]?{_NUM}{_REQUIRED}"
    )),
)  # fmt: skip


def _case_fixed(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without its "(?i)", to search a lower-cased ASCII text in, where it finds
    the same matches as the original in the text itself, about three times as fast (see
    ``_ORDER_WORD_LOWER``); None for a pattern with a capital letter, which must stay as it is."""
    rest = pattern.pattern.removeprefix("(?i)")
    if rest == pattern.pattern or re.search(r"(?<!\\)[A-Z]", rest):
        return None
    return re.compile(rest)


_ABOVE_ONE_LOWER = tuple(_case_fixed(p) for _, p in _ABOVE_ONE)
_BELOW_ONE_LOWER = tuple(_case_fixed(p) for _, p in _BELOW_ONE)


# A window around the blank that holds none of these holds no order bound.
_WINDOW_WORDS = (
    "from",
    " of ",
    "between",
    "behind",
    "below",
    "above",
    "followed",
    "than",
    *_VOTES_WORDS,
)
_ORDER_WORDS = (
    rf"\b(?:{_UP}|{_DOWN}|between|ahead|behind|above|below|beating|topping|missing|short"
    r"|followed\s+by|required|needed|necessary"
    r"|carried|passed|approved|adopted|won|backed|endorsed|upheld)\b"
    r"|\d(?:st|nd|rd|th)\s|\bof\s+(?:the|its|their|all)\s"
)
_ORDER_WORD = re.compile("(?i)" + _ORDER_WORDS)
# The same in a lower-cased ASCII text (most windows), three times as fast: with the case
# fixed, the regex engine turns down each word at its first letter.
_ORDER_WORD_LOWER = re.compile(_ORDER_WORDS)


def _order_bounds(question: str) -> tuple[float | None, float | None]:
    """The bounds (above, below) the sentence puts on the blank's value, or None."""
    above = below = None
    i = question.find("_____")
    if i < 0:
        return None, None
    # Each pattern runs from the change's verb to the other number: a window around the
    # blank holds it, and one without "from", "of" or "between" holds none.
    question = question[max(0, i - 60) : i + 100]
    if not any(w in question for w in _WINDOW_WORDS):
        return None, None
    low = question.lower()
    fixed = question.isascii()
    if not (_ORDER_WORD_LOWER.search(low) if fixed else _ORDER_WORD.search(question)):
        return None, None  # no verb of change, no "between", no rank: none applies
    # (A pattern's match in the lower-cased ASCII window has the same span as in the window.)
    for (needs, pattern), lower in zip(_ABOVE_ONE, _ABOVE_ONE_LOWER, strict=True):
        if any(w in low for w in needs) and (
            m := lower.search(low) if fixed and lower else pattern.search(question)
        ):
            above = float(question[m.start(1) : m.end(1)].replace(",", ""))
            break
    for (needs, pattern), lower in zip(_BELOW_ONE, _BELOW_ONE_LOWER, strict=True):
        if any(w in low for w in needs) and (
            m := lower.search(low) if fixed and lower else pattern.search(question)
        ):
            below = float(question[m.start(1) : m.end(1)].replace(",", ""))
            break
    return above, below


_RATE = re.compile(
    r"(?i)\b(?:interest|lending|repo|policy|benchmark|base|key|main)\s+(?:\w+\s+)?rate|"
    r"basis\s+points?"
)
_BASIS_POINTS_AFTER = re.compile(r"_____\s*-?\s*basis[\s-]+points?")


def _steps_near(answer: str, value: float, step: float, rng: random.Random) -> Iterator[str]:
    """The answer moved by a few whole steps either way, written as the answer is."""
    m = FIGURE.search(answer)
    if m is None:
        return
    decimals = len(m.group(0).partition(".")[2])
    offsets = [-3, -2, -1, 1, 2, 3, 4, -4]
    rng.shuffle(offsets)
    for k in offsets:
        v = value + k * step
        if v > 0:
            yield answer[: m.start()] + f"{v:.{decimals}f}" + answer[m.end() :]


# A measure and the same in other units: "1,008 metres (3,307 feet)", "150 mph (240 kph)".
_MEASURE_CONVERTED = re.compile(
    r"(?P<value>\d[\d,]*(?:\.\d+)?)[^()\d]+\((?P<lead>[^()\d]*)(?P<other>\d[\d,]*(?:\.\d+)?)"
    r"(?P<unit>[^()\d]+)\)"
)


def _converted_alike(choice: str, conv: re.Match[str]) -> str | None:
    """``choice`` (the answer with another first figure: "1,200 metres (3,307 feet)") with
    the figure in brackets scaled as the first was, written as precisely as the answer's."""
    value, other = float(conv["value"].replace(",", "")), conv["other"]
    m = _MEASURE_CONVERTED.fullmatch(choice)
    if m is None or value == 0:
        return None
    scaled = float(other.replace(",", "")) * float(m["value"].replace(",", "")) / value
    places = len(other.partition(".")[2])
    text = f"{scaled:,.{places}f}" if "," in other or scaled >= 10000 else f"{scaled:.{places}f}"
    if float(text.replace(",", "")) <= 0:
        return None
    return choice[: m.start("other")] + text + choice[m.end("other") :]


def _within(text: str, above: float | None, below: float | None) -> bool:
    v = _number_of(text)
    if v is None:
        return above is None and below is None
    return (above is None or v > above) and (below is None or v < below)


def _number_of(text: str) -> float | None:
    m = FIGURE.search(text)
    return float(m.group(0).replace(",", "")) if m else None


def _number_at_most(text: str, most: float) -> bool:
    value = _number_of(text)
    return value is None or value <= most


def _numbers_near(answer: str, rng: random.Random, close: bool = False) -> Iterator[str]:
    """Other counts of the same size, made one at a time as they are taken.

    As many fall below the answer as a fair die says (none to three), so that its rank
    among the four options tells nothing; none is a simple multiple of it (2,300 and 9,200
    beside 4,600 point at 4,600), and each is written as precisely as the answer is."""
    m = FIGURE.search(answer)
    word_form = not m
    if m:
        raw = m.group(0)
        value = float(raw.replace(",", ""))
    else:
        parsed = number_value(answer)
        if parsed is None:
            return
        raw, value = answer, float(parsed)
    if value == 0:
        return
    # "7.8" gets "6.2" and "9.4", not "6" and "16": as many decimals as the answer.
    places = len(raw.rpartition(".")[2]) if m and "." in raw else 0
    # A figure with decimals is mostly a measure on a scale (a magnitude of 7.8, a rate of
    # 2.5 percent), where a double is no plausible alternative: it gets nearer ones.
    if (places or (close and value >= 15)) and not word_form:
        yield from _on_a_grid(answer, raw, value, places, rng)
        return
    if not places and 3 <= value <= 12 and value.is_integer():
        # "won _____ golds" (seven): a few more or fewer, the answer at a rank a fair die
        # picks; ten, eleven and twelve beside seven point at seven.
        yield from _small_counts_near(answer, raw, int(value), word_form, rng)
        return
    lower, upper = [0.55, 0.62, 0.7, 0.78, 0.86], [1.15, 1.3, 1.4, 1.6, 1.7, 1.85]
    rng.shuffle(lower)
    rng.shuffle(upper)
    below = rng.randrange(4)
    width = len(str(int(value)))
    if below in (0, 3) and all(
        len(str(int(value * f))) != width for f in (lower[:3] if below else upper[:3])
    ):
        # 11,000 among 6,000, 8,000 and 7,000 stands out by its length: with a power of ten
        # just below or above the answer, one choice comes from its other side.
        below = 2 if below else 1
    factors = lower[:below] + upper[: 3 - below] + lower[below:] + upper[3 - below :]
    # "4,600" gets hundreds and "370" tens, as written, but at least two figures: "1,000,000"
    # gets "700,000", not "1,000,000" again.
    digits = len(str(int(value)))
    zeros = len(str(int(value))) - len(str(int(value)).rstrip("0"))
    unit = 10 ** max(0, min(zeros, digits - 2)) if not places else 1
    if not places and zeros >= digits - 1 >= 1:
        # "5,000" among "2,800" and "3,900" is the one round figure: one figure of
        # precision, as the answer has, when that still leaves three others.
        coarse = 10 ** (digits - 1)
        if len({round(value * f / coarse) * coarse for f in factors} - {value, 0}) >= 3:
            unit = coarse
    # "$499": a price set just below a round sum gets others so set ($399, $699), not $574.
    charm = not places and not word_form and value >= 99 and int(value) % 100 == 99
    seen = {value}
    for f in factors:
        v = round(value * f, places) if places else round(value * f / unit) * unit
        if charm:
            v = round((value + 1) * f / 100) * 100 - 1
        if v in seen or v <= 0:
            continue
        if value < 1000 <= v and answer.endswith(f"{raw} million"):
            continue  # "1,155 million" beside "825 million": a billion is written so
        seen.add(v)
        if places:
            yield answer.replace(raw, f"{v:.{places}f}", 1)
            continue
        if word_form:
            # "seven" is offered beside "five" and "ten", not beside "5" and "10".
            spelled = _spelled(int(v))
            if spelled is None:
                continue
            text = spelled.capitalize() if raw[:1].isupper() else spelled
        else:
            # "1,350 million" beside "900 million"; "4200" beside "5268" as written
            grouped = "," in raw or v >= 10000 or (v >= 1000 and value < 1000)
            text = f"{int(v):,}" if grouped else str(int(v))
        yield answer.replace(raw, text, 1) if m else text


def _steps_at_a_fair_rank(rng: random.Random) -> list[int]:
    """Whole steps from an answer, three first with the answer at a rank a fair die picks
    (none to three below it), then the others out to four either way, for when the first
    fall out of bounds. Three on one side are not evenly spaced: 10 after 11, 12 and 13 ends
    a run, and readers take the end of a run for the answer."""
    below = rng.randrange(4)
    if below in (0, 3):
        steps = list(rng.choice(((1, 2, 4), (1, 3, 4))))
        window = [-k for k in steps] if below else steps
    else:
        window = [-k for k in rng.sample((1, 2, 3), below)]
        window += rng.sample((1, 2, 3), 3 - below)
    return window + [k for k in (-4, 4, -3, 3, -2, 2, -1, 1) if k not in window]


def _small_counts_near(
    answer: str, raw: str, value: int, word_form: bool, rng: random.Random
) -> Iterator[str]:
    """Counts one to three away from a small count, written as the answer is."""
    for k in _steps_at_a_fair_rank(rng):
        v = value + k
        if v <= 1:
            continue  # "one grandchildren": a count of a plural noun is two or more
        if word_form:
            spelled = _spelled(v)
            if spelled is None:
                continue
            yield spelled.capitalize() if raw[:1].isupper() else spelled
        else:
            yield answer.replace(raw, str(v), 1)


def _on_a_grid(
    answer: str, raw: str, value: float, places: int, rng: random.Random
) -> Iterator[str]:
    """Figures a few evenly spaced steps from the answer, with the answer at a rank a fair
    die picks: 2.3 gets 2.1, 2.2 and 2.4 or 2.4, 2.5 and 2.6, never a run of three with the
    answer standing apart. A round answer ("about 30 percent") gets round steps (25, 35)."""
    unit = 10.0**-places
    step = unit
    if places == 2 and round(value * 100) % 25 == 0:
        # "held Bank Rate at 0.75%": a rate set in quarter points moves in them (0.50, 1.00),
        # not to 0.70 or 0.85.
        yield from _quarter_steps(answer, raw, value, rng)
        return
    for nice in _NICE_STEPS:
        size = nice * unit
        if places == 0 and value % size == 0 and size <= value * 0.17:
            step = size  # the roundest step the answer is a multiple of
    if step == unit:
        target = value * rng.choice((0.04, 0.06, 0.08))
        step = max([unit] + [n * unit for n in _NICE_STEPS if n * unit <= target])
    for k in _steps_at_a_fair_rank(rng):
        v = round(value + k * step, places)
        if v <= 0:
            continue
        text = f"{v:.{places}f}" if places else (f"{int(v):,}" if "," in raw else str(int(v)))
        if v < 1 and answer.endswith(f"{raw} billion"):
            # "0.9 billion" is written "900 million"
            yield answer.replace(f"{raw} billion", f"{round(v * 1000):,} million", 1)
            continue
        yield answer.replace(raw, text, 1)


_NICE_STEPS = tuple(n * 10**e for e in range(7) for n in (1, 2, 5))


def _quarter_steps(answer: str, raw: str, value: float, rng: random.Random) -> Iterator[str]:
    """Quarter points either side of a figure written in them, at a rank a fair die picks."""
    for k in _steps_at_a_fair_rank(rng):
        v = value + k * 0.25
        if v > 0:
            yield answer.replace(raw, f"{v:.2f}", 1)


# Number words, so that "seven" gets word-form distractors.
_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip

_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _spelled(n: int) -> str | None:
    """``n`` in words, below a hundred ("twenty-four"); None above."""
    if n < len(_WORDS):
        return _WORDS[n]
    if n >= 100:
        return None
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_WORDS[ones]}" if ones else "")


_DAY = re.compile(
    r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), )?"
    r"(?P<d>\d{1,2}) (?P<m>January|February|March|April|May|June|July|August|September|"
    r"October|November|December) (?P<y>\d{4})"
    # or as American copy writes it: "March 4, 2011"
    r"|(?P<us_m>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.) (?P<us_d>\d{1,2}), "
    r"(?P<us_y>\d{4})"
)
# Months as news agencies shorten them ("Oct. 14, 2023"); the short ones stay whole.
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")  # fmt: skip


# What ``strftime("%A")`` gives (Python leaves the C locale alone), without its cost.
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CLOCK = re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?!\d)")
_ORDINALS = ("first", "second", "third", "fourth")
_QUARTER_OF_YEAR = re.compile(r"the (?P<q>first|second|third|fourth) quarter of (?P<y>\d{4})")
_H_MM_SS = re.compile(r"(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)")
# The same time told again in brackets: "13:00 local time (09:00 GMT)", "(0117 GMT)".
_CONVERTED = re.compile(r"\((?P<h>[01]?\d|2[0-3])(?P<colon>:?)(?P<m>[0-5]\d)(?P<rest>\s[^()]*)\)$")


def _shifted(c: re.Match[str], hours: int) -> str | None:
    """A bracketed time moved by as many hours as the time before it, on its own clock
    ("9:03 p.m." becomes "11:03 p.m."); None when it would cross into another day, which
    the words beside it ("EST Wednesday") would then misname."""
    half = _HALF_DAY.match(c["rest"])
    h = _hour_of_day(int(c["h"]), half) + hours
    if not 0 <= h <= 23:
        return None
    if not half:
        return f"({h:02d}{c['colon']}{c['m']}{c['rest']})"
    hour, marker = _on_twelve_hour_clock(h, half)
    return f"({hour}{c['colon']}{c['m']}{marker}{c['rest'][half.end() :]})"


def _hour_of_day(hour: int, half: re.Match[str] | None) -> int:
    """The hour on a 24-hour clock of a time written with "a.m." or "p.m." (``half``)."""
    return hour % 12 + (12 if half["p"] in "pP" else 0) if half else hour


def _on_twelve_hour_clock(h: int, half: re.Match[str]) -> tuple[int, str]:
    """Hour ``h`` (0-23) written as ``half`` writes its time: (9, " p.m.") for 21."""
    letter = "p" if h >= 12 else "a"
    letter = letter.upper() if half["p"].isupper() else letter
    return (h - 1) % 12 + 1, half.group(1) + letter + half.group(0)[len(half.group(1)) + 1 :]


_HALF_DAY = re.compile(r"(\s?)(?P<p>[aApP])\.?\s?[mM]\b\.?")
_DATE_IN_BRACKETS = re.compile(r"\(([^()]*\d{4}[^()]*)\)$")
_A_YEAR_ONLY = re.compile(r"(?:1\d{3}|20\d{2})")
_A_YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")
_MONTH_OF_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(?:1\d{3}|20\d{2})\b")


_SEASONS = ("spring", "summer", "autumn", "winter")
# (a winter is written with both its years: "winter 2014–15")
_SEASON_OF_YEAR = re.compile(r"\b(spring|summer|autumn|winter) (\d{4})(?:–\d\d)?\b")


def _season_side(k: int, report: dt.date) -> int:
    """-1 if season ``k`` (4 * year + its place in ``_SEASONS``) ended before ``report``, 1 if
    it starts after it, 0 if ``report`` falls in it (spring from March, winter to February)."""
    start = (k // 4) * 12 + 2 + 3 * (k % 4)  # months since year 0, January being 0
    month = report.year * 12 + report.month - 1
    return -1 if start + 3 <= month else 1 if start > month else 0


_WEEK_GONE = re.compile(r"(?i)(?:earlier|last|past|previous)\b")


# Games held every four years: "the 1972 Munich Games", "a first World Cup title in _____".
_EVERY_FOUR_YEARS = re.compile(r"\b(?:World\s+Cup|Olympics?|Olympic\s+Games|Games)\b")


def _every_four_years(question: str) -> bool:
    """Whether a card names such games (a string test first: most cards name none)."""
    return (
        "Cup" in question or "Olympic" in question or "Games" in question
    ) and _EVERY_FOUR_YEARS.search(question) is not None


def _dates_near(answer: str, article_date: str, rng: random.Random, step: int = 1) -> Iterator[str]:
    """Other days or years near the answer's, made one at a time as they are taken, on the
    same side of the article's date: a report of what happened last month is offered no
    month still to come, and a plan no date already past."""
    try:
        report = dt.date.fromisoformat(article_date)
    except ValueError:
        report = None
    race = _H_MM_SS.fullmatch(answer)
    if race:  # "2:09:56": other times a few seconds to minutes away, written alike
        total = int(race["h"]) * 3600 + int(race["m"]) * 60 + int(race["s"])
        seconds = [-151, -97, -64, -23, 19, 48, 83, 137]
        rng.shuffle(seconds)
        for delta in seconds:
            t = total + delta
            if t > 0:
                yield f"{t // 3600}:{t // 60 % 60:02d}:{t % 60:02d}"
        return
    said = answer  # as the article put it ("earlier this week (the week of ...)")
    inner = None if _CONVERTED.search(answer) else _DATE_IN_BRACKETS.search(answer)
    if inner:  # "yesterday (11 September 2015)": offer other dates, not other "yesterdays"
        answer = inner.group(1)
    clock = _CLOCK.search(answer)
    if clock:  # "noon (12:00, 25 April 2015)": other hours of the same day
        hour, minute = int(clock["h"]), clock["m"]
        half = _HALF_DAY.match(answer, clock.end())
        hour = _hour_of_day(hour, half)  # "11:47 p.m.": other hours on the same clock
        hours = [-3, -2, -1, 1, 2, 3, -6, 6]
        rng.shuffle(hours)
        for o in hours:
            h = hour + o
            if not 0 <= h <= 23:
                continue
            if half:
                twelve, marker = _on_twelve_hour_clock(h, half)
                choice = (
                    answer[: clock.start()] + f"{twelve}:{minute}{marker}" + answer[half.end() :]
                )
            else:
                choice = answer[: clock.start()] + f"{h:02d}:{minute}" + answer[clock.end() :]
            converted = _CONVERTED.search(choice)
            if converted:
                moved = _shifted(converted, o)
                if moved is None:
                    continue
                choice = choice[: converted.start()] + moved
            yield choice
        return
    day = _DAY.search(answer)
    if day:  # other days near it, each with its own weekday
        us = day["us_m"] is not None
        parts = ("us_y", "us_m", "us_d") if us else ("y", "m", "d")
        y, mon, d_ = (day[p] for p in parts)
        short = mon.endswith(".")
        number = _AP_MONTHS.index("Sept." if mon == "Sep." else mon) if short else MONTHS.index(mon)
        base = dt.date(int(y), number + 1, int(d_))
        offsets = [-3, -2, -1, 1, 2, 3, -7, 7]
        week = answer[: day.start()].endswith("the week of ")
        if week:
            offsets = [-21, -14, -7, 7, 14, 21]  # other weeks, each from its Monday
        # A week that holds the report's day is gone by or still to come as its words say
        # ("earlier this week", "by the end of the week"): its choices keep to that side.
        current = week and report is not None and base <= report <= base + dt.timedelta(days=6)
        ahead = current and not _WEEK_GONE.match(said)
        # The card's heading names the report's month: a day of that month is offered
        # days of it, or the heading points at the answer.
        same_month = report is not None and (base.year, base.month) == (report.year, report.month)
        # The day of the news, or the day before, gets no choices: with earlier days alone
        # the answer would always be the latest, and a later day is after the report.
        if not week and report is not None and 0 <= (report - base).days <= 1:
            return
        rng.shuffle(offsets)
        for o in offsets:
            d = base + dt.timedelta(days=o)
            if not week and d.month != base.month and same_month:
                continue  # "1 June" among three days of May stands out in a June report
            if current:
                if (o > 0) != ahead:
                    continue
            elif report and (d <= report) != (base <= report):
                continue
            if us:
                text = f"{(_AP_MONTHS if short else MONTHS)[d.month - 1]} {d.day}, {d.year}"
            else:
                text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
            if day["wd"]:
                text = f"{_WEEKDAYS[d.weekday()]}, {text}"
            yield answer[: day.start()] + text + answer[day.end() :]
        return
    m = _A_YEAR.search(answer)
    if not m:
        return
    year = int(m.group(1))
    quarter = _QUARTER_OF_YEAR.search(answer)
    if quarter:
        # "the second quarter of 2019": the quarters around it, on the same side of the
        # report (a year's other quarters, not the same quarter of other years).
        q = _ORDINALS.index(quarter["q"]) + 1
        at = (report.year, cal.quarter_of(report)) if report else None
        offsets = [-3, -2, -1, 1, 2, 3]
        rng.shuffle(offsets)
        for o in offsets:
            y, q2 = cal.shift_quarter(int(quarter["y"]), q, o)
            if at and ((y, q2) < at) != ((int(quarter["y"]), q) < at):
                continue
            text = f"the {_ORDINALS[q2 - 1]} quarter of {y}"
            yield answer[: quarter.start()] + text + answer[quarter.end() :]
        return
    month = _MONTH_OF_YEAR.search(answer)
    if month:
        # "November 2016": the months around it ("last month" is not a year ago), on the
        # same side of the report's month ("October 2016" in June 2016 lies ahead).
        mon = MONTHS.index(month.group(1)) + 1
        at = (report.year, report.month) if report else None
        offsets = [-3, -2, -1, 1, 2, 3, -4, 4, -6, 6]
        rng.shuffle(offsets)
        for o in offsets:
            y, mo = cal.shift_month(year, mon, o)
            if at and ((y, mo) <= at) != ((year, mon) <= at):
                continue
            text = f"{MONTHS[mo - 1]} {y}"
            yield answer[: month.start()] + text + answer[month.end() :]
        return
    season = _SEASON_OF_YEAR.search(answer)
    if season:
        # "the summer (summer 2024)": the seasons around it, on the same side of the report
        # ("by the summer", said in March 2024, is not offered summer 2023).
        here = _SEASONS.index(season[1]) + 4 * int(season[2])
        offsets = [-3, -2, -1, 1, 2, 3]
        rng.shuffle(offsets)
        for o in offsets:
            k = here + o
            if report is None or _season_side(here, report) * _season_side(k, report) >= 0:
                text = f"{_SEASONS[k % 4]} {k // 4}"
                if k % 4 == 3:
                    text += f"–{(k // 4 + 1) % 100:02d}"
                yield answer[: season.start()] + text + answer[season.end() :]
        return
    offsets = [-3, -2, -1, 1, 2, 3, -5, 4]
    rng.shuffle(offsets)
    for o in offsets:
        o *= step
        # A year gone by is offered no year to come, nor a plan one gone by; the report's
        # own year may lie on either side ("next year (2020)" in 2019 gets 2019, or it would
        # always be the earliest of its options).
        if report and (
            year + o > report.year
            if year == report.year
            else (year + o - report.year) * (year - report.year) < 0
        ):
            continue
        yield answer.replace(m.group(1), str(year + o), 1)
