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


def import_counts(response) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """How many notes an import added, updated, or found unchanged ("duplicate")."""
    log = response.log
    return {
        "new": len(log.new),
        "updated": len(log.updated),
        "duplicate": len(log.duplicate),
        "conflicting": len(log.conflicting),
        "first_field_match": len(log.first_field_match),
        "missing_notetype": len(log.missing_notetype),
        "missing_deck": len(log.missing_deck),
        "empty_first_field": len(log.empty_first_field),
        "found": log.found_notes,
    }


def import_tsv(col: Collection, path: Path):  # type: ignore[no-untyped-def]
    """Import a text file like Anki's File > Import, with the settings its header lines give."""
    from anki.collection import ImportCsvRequest

    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))


def answer_first_card(col: Collection, deck: str) -> int:
    """Study the first new card of ``deck`` and answer it "Good"; return the card id."""
    from anki.scheduler.v3 import CardAnswer

    col.decks.select(col.decks.id_for_name(deck))
    queued = col.sched.get_queued_cards(fetch_limit=1).cards[0]
    card = col.get_card(queued.card.id)
    card.start_timer()
    col.sched.answer_card(
        col.sched.build_answer(card=card, states=queued.states, rating=CardAnswer.GOOD)
    )
    return card.id
