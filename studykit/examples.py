"""Running the examples that every template carries."""

from __future__ import annotations

from studykit.articles import parse_article
from studykit.errors import StudykitError
from studykit.generate import build_question
from studykit.mentions import annotate
from studykit.templates import Template, find_matches


def example_outputs(
    t: Template,
    sentence: str,
    date: str,
    text: str | None = None,
    why: list[str] | None = None,
) -> list[tuple[str, str]]:
    """The (question, answer) pairs template ``t`` makes from ``sentence``; with ``why``, the
    reasons its matches made no question are appended to it."""
    body = text if text is not None else sentence
    article = parse_article(f"date {date} {body}", f"{t.id}-example.txt")
    out = []
    for sent in annotate(article):
        if sentence not in sent.sentence.text and sent.sentence.text not in sentence:
            continue
        for m in find_matches(t, sent):
            q = build_question(t, m, sent, article, why=why)
            if q is not None:
                out.append((q.question, q.answer))
    return out


_KIND_OF_SLOT = {"duration": "date", "quantity": "number"}


def missing_slots(t: Template, sentence: str, date: str, text: str | None = None) -> str:
    """Why ``t`` may have found nothing in ``sentence``: the slots of its ``match`` with
    nothing of their type there, and what was found instead ("" when every slot's type is
    there, or the template has a ``regex``)."""
    if not t.slots or t.regex is not None:
        return ""
    body = text if text is not None else sentence
    article = parse_article(f"date {date} {body}", f"{t.id}-example.txt")
    found: list[tuple[str, str]] = []
    for sent in annotate(article):
        if sentence in sent.sentence.text or sent.sentence.text in sentence:
            found += [(m.kind, m.text) for m in sent.mentions]
    kinds = {kind for kind, _ in found}
    missing = [
        f"{{{typ}}}" if name == typ else f"{{{typ}:{name}}}"
        for name, typ in t.slots
        if typ != "text" and _KIND_OF_SLOT.get(typ, typ) not in kinds
    ]
    if not missing:
        return ""
    has = ", ".join(f"{kind} {shown!r}" for kind, shown in found) or "nothing studykit knows"
    return f"no {' or '.join(missing)} found in the example sentence (it has: {has})"


def run_examples(templates: list[Template]) -> list[StudykitError]:
    """Every failing example, as ``file:line: message``."""
    failures = []
    for t in templates:
        for ex in t.examples:
            why: list[str] = []
            got = example_outputs(t, ex.sentence, ex.date.isoformat(), ex.text, why)
            if ex.no_match:
                if got:
                    failures.append(StudykitError(
                        f"{t.id}: expected no question, got {got[0][0]!r} → {got[0][1]!r}",
                        t.path, ex.line))  # fmt: skip
                continue
            if (ex.question, ex.answer) not in got:
                shown = "; ".join(f"{q!r} → {a!r}" for q, a in got) or "no question"
                if not got:
                    missing = missing_slots(t, ex.sentence, ex.date.isoformat(), ex.text)
                    if missing:
                        shown += f": {missing}"
                    elif why:
                        shown += f": it matched, but {why[0]}"
                    else:
                        shown += ": its match does not fit the sentence's words"
                failures.append(StudykitError(
                    f"{t.id}: expected {ex.question!r} → {ex.answer!r}, got {shown}",
                    t.path, ex.line))  # fmt: skip
    return failures
