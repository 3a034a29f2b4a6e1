"""The Anki export, opened by Anki's own library."""

from __future__ import annotations

import time

import pytest

from coach import anki, i18n, scheduling


@pytest.fixture
def anki_collection(tmp_path):
    from anki.collection import Collection

    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_deck(collection, path) -> None:
    from anki.collection import ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageOptions

    collection.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    )


def add_card(journal, now, text: str, *, answer: str | None = None, status: str = "active"):
    def work(cur):
        question_id = cur.execute(
            "INSERT INTO questions (text) VALUES (?) RETURNING id", [text]
        ).fetchone()[0]
        card_id, _ = scheduling.ensure_card(cur, question_id, origin="manual", now=now)
        cur.execute("UPDATE cards SET status = ? WHERE id = ?", [status, card_id])
        if answer:
            cur.execute(
                "INSERT INTO answers (question_id, text) VALUES (?, ?)", [question_id, answer]
            )

    journal.write(work)


def test_anki_opens_the_deck_with_one_note_per_card_not_retired(
    journal, cur, now, tmp_path, anki_collection
):
    add_card(journal, now, "Why this company?", answer="Because of its mission.\nAnd people.")
    add_card(journal, now, "你为什么离开上一家公司？", answer="为了更大的挑战。")
    add_card(journal, now, "<script>alert(1)</script> Tell me about a failure")
    add_card(journal, now, "A retired question", status="retired")
    (tmp_path / "deck.apkg").write_bytes(anki.anki_deck(cur))

    import_deck(anki_collection, tmp_path / "deck.apkg")
    assert anki_collection.note_count() == 3
    fronts = {}
    for note_id in anki_collection.find_notes(""):
        note = anki_collection.get_note(note_id)
        fronts[note["Question"]] = note["Answer"]
    assert fronts == {
        "Why this company?": "Because of its mission.<br>And people.",
        "你为什么离开上一家公司？": "为了更大的挑战。",
        "&lt;script&gt;alert(1)&lt;/script&gt; Tell me about a failure": (
            "No answer version kept yet."
        ),
    }
    assert "Interview Coach" in [d.name for d in anki_collection.decks.all_names_and_ids()]


def test_a_newer_deck_updates_the_same_notes_instead_of_adding_copies(
    journal, cur, now, tmp_path, anki_collection
):
    add_card(journal, now, "Why this company?")
    (tmp_path / "first.apkg").write_bytes(anki.anki_deck(cur))
    time.sleep(1.1)  # Anki updates a note only when the file's copy is newer, in seconds
    journal.write(
        lambda c: c.execute("INSERT INTO answers (question_id, text) VALUES (1, 'Its mission.')")
    )
    (tmp_path / "second.apkg").write_bytes(anki.anki_deck(cur))

    import_deck(anki_collection, tmp_path / "first.apkg")
    import_deck(anki_collection, tmp_path / "second.apkg")
    assert anki_collection.note_count() == 1
    note = anki_collection.get_note(anki_collection.find_notes("")[0])
    assert note["Answer"] == "Its mission."


def test_a_deck_exported_in_chinese_names_its_fields_and_words_in_chinese(
    journal, cur, now, tmp_path, anki_collection
):
    add_card(journal, now, "你为什么离开上一家公司？", answer="为了更大的挑战。")
    add_card(journal, now, "Walk me through a SQL query")
    with i18n.speaking(i18n.CHINESE):
        (tmp_path / "deck.apkg").write_bytes(anki.anki_deck(cur))

    import_deck(anki_collection, tmp_path / "deck.apkg")
    assert "面试教练" in [d.name for d in anki_collection.decks.all_names_and_ids()]
    notes = [anki_collection.get_note(i) for i in anki_collection.find_notes("")]
    assert [note.keys() for note in notes] == [["问题", "背景", "答案", "改进方法"]] * 2
    assert {note["问题"]: (note["背景"], note["答案"], note["改进方法"]) for note in notes} == {
        "你为什么离开上一家公司？": ("其他", "为了更大的挑战。", "准备一个答案。"),
        "Walk me through a SQL query": ("其他", "还没有保存任何答案版本。", "准备一个答案。"),
    }
    note_type = notes[0].note_type()
    assert note_type["name"] == "面试教练问题"
    template = note_type["tmpls"][0]
    assert template["name"] == "练习"
    assert "{{问题}}" in template["qfmt"] and "{{背景}}" in template["qfmt"]
    assert "<b>要练习的改进：</b> {{改进方法}}" in template["afmt"]


def test_the_chinese_deck_has_a_note_type_of_its_own(journal, cur, now):
    add_card(journal, now, "Why this company?")
    english = anki.deck_notes(cur)[0].model
    with i18n.speaking(i18n.CHINESE):
        chinese = anki.deck_notes(cur)[0].model
    # One note type per language: Anki never sees one type with two sets of field names.
    assert english.model_id == anki.MODEL_ID
    assert chinese.model_id != english.model_id
    assert [f["name"] for f in english.fields] == ["Question", "Context", "Answer", "Fix"]
