"""The quick ways to make and copy the pipeline's dataclasses give what the dataclass does."""

from __future__ import annotations

import dataclasses

import pytest

from studykit import model
from studykit.generate import ArticleResult
from studykit.model import builder, replace

CLASSES = [
    model.Article,
    model.Sentence,
    model.Timex,
    model.Mention,
    model.AnnotatedSentence,
    model.Fact,
    model.Question,
    ArticleResult,
]


def _distinct_values(cls: type) -> list[object]:
    # A value of its own for each field: a field given to the wrong slot cannot go unseen.
    return [f"{f.name}-value" for f in dataclasses.fields(cls)]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_builder_makes_what_the_constructor_makes(cls):
    values = _distinct_values(cls)
    made = builder(cls)(*values)
    expected = cls(*values)
    assert type(made) is cls
    assert made == expected
    assert [getattr(made, f.name) for f in dataclasses.fields(cls)] == values
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, dataclasses.fields(cls)[0].name, "changed")  # still frozen
    # Keywords and defaults as the constructor takes them.
    fs = dataclasses.fields(cls)
    assert builder(cls)(**{f.name: v for f, v in zip(fs, values, strict=True)}) == expected
    required = [v for f, v in zip(fs, values, strict=True) if f.default is dataclasses.MISSING]
    assert builder(cls)(*required) == cls(*required)
    with pytest.raises(TypeError):
        builder(cls)(*required[:-1])  # a field without a default must be given
    with pytest.raises(TypeError):
        builder(cls)(*values, "one too many")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_replace_copies_as_dataclasses_replace_does(cls):
    original = cls(*_distinct_values(cls))
    for f in dataclasses.fields(cls):
        changed = replace(original, **{f.name: "new"})
        assert type(changed) is cls
        assert changed == dataclasses.replace(original, **{f.name: "new"})
        assert changed != original
    assert replace(original) == original
    with pytest.raises(TypeError):
        replace(original, no_such_field=1)


def test_only_slotted_dataclasses_without_post_init():
    @dataclasses.dataclass(frozen=True)
    class NotSlotted:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            pass

    for cls in (NotSlotted, Checked):
        with pytest.raises(TypeError):
            builder(cls)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Clashing:
        obj_: int

    for cls in (Factory, Clashing):  # a default made per call; a name the builder uses
        with pytest.raises(TypeError):
            builder(cls)
