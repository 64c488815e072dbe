"""``studykit explain``: what studykit sees in an article, and why it asks what it asks."""

from __future__ import annotations

from studykit.articles import load_article
from studykit.errors import StudykitError
from studykit.generate import build_question
from studykit.mentions import annotate
from studykit.templates import encode_sentence, find_matches, load_templates


def explain_article(
    path: str,
    template_dirs: list[str] | None = None,
    problems: list[StudykitError] | None = None,
) -> str:
    """A readable report, sentence by sentence: mentions, matches, questions, near misses.
    With ``problems``, a bad template is left out and its problem added there."""
    article = load_article(path)
    templates = load_templates(template_dirs, problems)
    lines = [f"{article.path}: {article.title} ({article.date.isoformat()})", ""]
    for sent in annotate(article):
        lines.append(f"[{sent.sentence.index}] {sent.sentence.text}")
        for m in sent.mentions:
            extra = "".join(f" {k}={v}" for k, v in m.attrs if v)
            lines.append(f"    {m.kind:8} {m.text!r} = {m.value}{extra}")
        kinds = {m.kind for m in sent.mentions} | (
            {"quantity"}
            if any(m.kind == "number" and m.attr("noun") for m in sent.mentions)
            else set()
        )
        encoded = encode_sentence(sent)
        for t in templates:
            matches = find_matches(t, sent, encoded)
            for match in matches:
                why: list[str] = []
                q = build_question(t, match, sent, article, why=why)
                if q is None:
                    lines.append(f"    ~ {t.id}: matched, but no question: {why[0]}")
                else:
                    lines.append(f"    + {t.id}: {q.question}  →  {q.answer}")
            if not matches:
                needed = {typ for _, typ in t.slots}
                needed = {"date" if n == "duration" else n for n in needed}
                if needed and needed <= kinds and t.kind != "cloze":
                    lines.append(
                        f"    - {t.id}: has the slots {sorted(needed)}, "
                        "but the words between them differ"
                    )
        lines.append("")
    return "\n".join(lines)
