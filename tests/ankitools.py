"""Importing decks into the real Anki library (the ``anki`` package) for tests."""

from __future__ import annotations

from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition


def new_collection(folder: Path) -> Collection:
    return Collection(str(folder / "collection.anki2"))


def import_apkg(col: Collection, apkg: Path):  # type: ignore[no-untyped-def]
    """Import like Anki's File > Import: update notes when the incoming one is newer."""
    req = ImportAnkiPackageRequest(
        package_path=str(apkg),
        options=ImportAnkiPackageOptions(
            merge_notetypes=True,
            update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            update_notetypes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            with_scheduling=False,
            with_deck_configs=False,
        ),
    )
    return col.import_anki_package(req)


def rendered_cards(col: Collection) -> list[tuple[str, str]]:
    """(front, back) HTML of every card in the collection."""
    out = []
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        out.append((card.question(), card.answer()))
    return out
