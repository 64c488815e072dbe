"""Package resource files (YAML vocabularies), loaded once and cached."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

try:
    # libyaml's parser reads the vocabularies about ten times faster than PyYAML's own, and
    # gives the same data for them (a test checks); they are read by every run.
    from yaml import CSafeLoader as _Loader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@cache
def load(name: str, package: str = "studykit") -> Any:
    """Load ``resources/<name>.yaml`` from ``package``."""
    text = (resources.files(package) / "resources" / f"{name}.yaml").read_text("utf-8")
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


@cache
def countries() -> dict[str, str]:
    """Every way to name a country (name, demonym, alias), lower-cased → canonical name."""
    out: dict[str, str] = {}
    for name, aliases in load("countries").items():
        out[name.lower()] = name
        for a in aliases or []:
            out[str(a).lower()] = name
    return out


@cache
def demonym(country: str) -> str:
    """The adjective for a country ("Russia" → "Russian"), or the name itself."""
    aliases = load("countries").get(country) or []
    return str(aliases[0]) if aliases else country


@cache
def capitals() -> dict[str, str]:
    return {str(k): str(v) for k, v in load("capitals").items()}


@cache
def cities() -> dict[str, str]:
    """Large cities that are no capitals, and their countries."""
    return {str(k): str(v) for k, v in load("words")["cities"].items()}


@cache
def offices() -> list[str]:
    """Titles of office, longest first so that "Prime Minister" wins over "Minister"."""
    data = load("offices")
    titles = (str(t) for group in ("state", "other") for t in data[group])
    return sorted(titles, key=len, reverse=True)


@cache
def state_offices() -> frozenset[str]:
    """Offices that belong to a country (President, Prime Minister, Foreign Minister...)."""
    return frozenset(str(t) for t in load("offices")["state"])


@cache
def local_offices() -> dict[tuple[str, str], str]:
    """(country, general title) to the office's name in that country: ("United Kingdom",
    "Chancellor") is the Chancellor of the Exchequer."""
    local = load("offices")["local"]
    return {(str(c), str(t)): str(n) for c, names in local.items() for t, n in names.items()}


@cache
def words(key: str) -> frozenset[str]:
    return frozenset(str(w) for w in load("words")[key])


# Words for what people do that the list need not spell out: "-ist" and "-ician" nouns
# ("geophysicist", "glaciologist", "technician") and "-grapher" ones ("oceanographer").
_ROLE_ENDING = re.compile(r"[a-z-]{3,}(?:ists?|icians?|graphers?)")
# Words with those endings that name no one: verbs ("insist", "assist") and lists.
_NOT_ROLES = re.compile(r".*(?:list|lists|xist|sist|sists|twist|wrist|whist)|[a-z]{0,3}")


def is_person_role(word: str) -> bool:
    """Whether a word in lower case names what a person does, so that a name right after it
    is a person's: "referee Howard Webb", "said geophysicist Pall Einarsson"."""
    if word in words("person_roles"):
        return True
    return bool(_ROLE_ENDING.fullmatch(word)) and not _NOT_ROLES.fullmatch(word)


@cache
def _place_sorts() -> dict[str, str]:
    return {str(w): str(sort) for sort, ws in load("words")["place_sorts"].items() for w in ws}


@cache
def place_sort(name: str) -> str | None:
    """What sort of place a name says it is by its words ("Guan River": water, "Franso
    Hariri Stadium": a site, "Lake Baikal" and "Mount Etna" too), or None for the towns,
    cities and countries whose names say nothing of it."""
    words = name.lower().removeprefix("the ").split()
    if len(words) < 2:
        return None
    sorts = _place_sorts()
    return sorts.get(words[-1]) or (sorts.get(words[0]) if words[0] in _OPENING_SORTS else None)


_OPENING_SORTS = frozenset(("lake", "mount", "isle"))


def place_sort_of_word(word: str) -> str | None:
    """The sort of place a word for one says ("region", "river"), or None ("town", "")."""
    return _place_sorts().get(word.lower()) if word else None


@cache
def given_names() -> frozenset[str]:
    """Common given names, men's and women's."""
    return words("given_names_male") | words("given_names_female")


def sex_of_name(name: str) -> str | None:
    """ "M" or "F" when a full name opens with a given name borne by one sex only, else None."""
    first = name.split(None, 1)[0] if " " in name else ""
    male, female = first in words("given_names_male"), first in words("given_names_female")
    return "M" if male and not female else "F" if female and not male else None


@cache
def role_classes() -> dict[str, str]:
    """A word naming what a person does, to the sort of person it makes ("striker": player)."""
    return {str(w): str(k) for k, ws in load("words")["role_classes"].items() for w in ws}


def role_class(role: str) -> str:
    """The sort of person a role or title names, by its last telling word ("Foreign
    Minister": politics, "Attorney General": lawyer), or "" when it says too little."""
    classes = role_classes()
    whole = classes.get(role.lower())
    if whole:
        return whole  # "Attorney General": a member of the government, not a lawyer
    words = role.replace("-", " ").split()
    if len(words) > 1 and words[-1].lower() == "general":
        words.pop()  # "Attorney General", "Secretary-General": no soldier
    for w in reversed(words):
        found = classes.get(w) or classes.get(w.lower())
        if found:
            return found
    return ""


@cache
def org_kinds() -> dict[str, str]:
    """The word that ends an organization's name, to the kind it makes ("Corp." a company)."""
    return {str(w): str(k) for k, ws in load("words")["org_kinds"].items() for w in ws}


@cache
def org_kind_nouns() -> dict[str, str]:
    """A noun beside a body's name to the kind it says the body is ("union": union)."""
    return {str(w): str(k) for k, ws in load("words")["org_kind_nouns"].items() for w in ws}


def org_kind(name: str) -> str:
    """The kind of an organization by its last word ("Microsoft Corp." is a company), or by
    the word before "of" ("the Free University of Berlin" is a university), or ""."""
    words = name.split()
    if not words:
        return ""
    kind = org_kinds().get(words[-1].rstrip(".,").removesuffix("'s"), "")
    if not kind and "of" in words[1:]:
        kind = org_kinds().get(words[words.index("of", 1) - 1], "")
    return kind
