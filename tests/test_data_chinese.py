"""Your data, its safety messages, the field rules and the `coach` command in Chinese.

A Chinese-speaking candidate meets no English word the app wrote: on *Your data*
(empty, holding data, after an import, a refused restore, a failed backup), in every
failure sentence, in the import's refusals and summary, and in the terminal. English
stays as it was (the English tests elsewhere are unchanged).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from coach import (
    backups,
    cli,
    companies,
    db,
    failures,
    fields,
    i18n,
    interviews,
    restore,
    reviews,
    settings,
    transfer,
)
from coach.edits import EditConflict, changes
from coach.errors import DiskFull, InvalidInput, JournalCorrupt, JournalLocked, RestoreRefused
from coach_ui import calendar_import
from tests.chinese import english_words, speak_chinese
from tests.test_backups import unwritable_backups  # noqa: F401 - a fixture
from tests.test_failures import damage
from tests.test_pages import app  # noqa: F401 - the AppTest factory fixture

NOW = datetime(2026, 3, 16, 18, 30, tzinfo=UTC)
# Written in Latin letters in a Chinese interface too: formats, the local address, and
# the sidebar's language choice, which names each language in its own language.
FORMATS = ("zip", "Parquet", "localhost", *i18n.LANGUAGES.values())
# Any Latin letter: what a Chinese sentence of ours must not hold beyond names and paths.
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


def path_words(*paths: Path | str) -> list[str]:
    """The words of file paths the page shows as they are."""
    return [word for path in paths for word in LATIN_WORD.findall(str(path))]


def data_words(journal: Path, *more: Path | str) -> list[str]:
    """What *Your data* shows as it is: the journal's path, its backups', formats."""
    copies = [b.path for b in backups.list_backups(str(journal))]
    return [*path_words(journal, *copies, *more), *FORMATS]


def words_left(text: str, *allowed: str) -> list[str]:
    """The Latin words of `text` other than `allowed` ones (paths, names, commands)."""
    known = {w.casefold() for w in allowed}
    return [w for w in LATIN_WORD.findall(text) if w.casefold() not in known]


@pytest.fixture
def without_calendar(monkeypatch):
    """The page without its calendar section, which area D translates and tests."""
    monkeypatch.setattr(calendar_import, "section", lambda ctx: None)


def data_page(app_factory, path: Path) -> AppTest:  # noqa: F811
    at = app_factory(path).run()
    at.switch_page("pages/data.py").run()
    assert not at.exception
    return at


def mixed_journal(path: Path) -> db.Journal:
    """One company, and two interviews at the same time holding a Chinese and an
    English question."""
    journal = db.open_journal(str(path))
    journal.wait_for_backup()
    company = companies.add_company(journal, "字节跳动 ByteDance", "target")
    for role, question in (("数据分析师", "请介绍一下你自己"), ("Analyst", "Why this role?")):
        interview = interviews.add_interview(
            journal,
            interviews.InterviewFields(company_id=company, scheduled_at=NOW, role=role),
        )
        reviews.start_review(journal, interview, NOW)
        reviews.add_asks(journal, interview, [reviews.NewAsk(question)], NOW)
    return journal


# -- the page -------------------------------------------------------------------------


def test_your_data_on_an_empty_journal_speaks_chinese(app, tmp_path, without_calendar):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    speak_chinese(path)
    db.open_journal(str(path)).wait_for_backup()
    at = data_page(app, path)
    assert at.title[0].value == "你的数据"
    assert english_words(at, data_words=data_words(path)) == []


def test_your_data_on_a_journal_holding_chinese_and_english_speaks_chinese(
    app,  # noqa: F811
    tmp_path,
    without_calendar,
):
    path = tmp_path / "journal.duckdb"
    mixed_journal(path).backup(now=NOW)
    speak_chinese(path)
    at = data_page(app, path)
    shown = " ".join(m.value for m in at.markdown)
    assert "| 时间 | 类型 | 大小（MB） | 文件 |" in shown
    assert "手动" in shown and "每日" in shown  # the kinds of the two backups
    assert "2026年3月16日 周一" in shown  # the manual backup's time, in Chinese
    assert english_words(at, data_words=data_words(path)) == []


def test_your_data_after_an_import_of_chinese_and_english_rows_speaks_chinese(
    app,  # noqa: F811
    tmp_path,
    without_calendar,
):
    exported = transfer.export_json(mixed_journal(tmp_path / "source.duckdb").cursor(), now=NOW)
    path = tmp_path / "journal.duckdb"
    speak_chinese(path)
    journal = db.open_journal(str(path))
    journal.wait_for_backup()
    summary = transfer.import_json(journal, exported)
    with i18n.speaking("zh_CN"):  # the summary is worded when it is said
        assert (
            summary.describe() == "已添加：1 家公司、2 场面试、2 次复盘、2 个问题、2 条问题记录。"
        )
    at = data_page(app, path)
    assert english_words(at, data_words=data_words(path)) == []


def test_a_refused_restore_is_said_in_chinese_on_your_data(app, tmp_path, without_calendar):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path))
    journal.wait_for_backup()
    copy = journal.backup(now=NOW)
    copy.write_bytes(b"not a journal")  # the copy is damaged since
    speak_chinese(path)
    at = data_page(app, path)
    newest_first = [b.path for b in backups.list_backups(str(path))]
    # AppTest words the choice with the page's format_func in the test's own thread:
    # in the page's language too, or it finds no such option.
    with i18n.speaking("zh_CN"):
        at.selectbox(key="data_restore_choice").select_index(newest_first.index(copy)).run()
        at.button(key="data_restore_start").click().run()
        assert any(w.value.startswith("要用 2026年3月16日 周一") for w in at.warning)
        at.button(key="data_restore_yes").click().run()
    assert not at.exception
    [refusal] = [e.value for e in at.error]
    assert refusal.startswith("没有恢复任何内容：")
    assert "无法作为日志打开" in refusal and "请选择其他备份。" in refusal
    # DuckDB's own reason is quoted in brackets as it gave it: the rest is Chinese.
    ours = refusal.split("（", 1)[0] + refusal.rsplit("）", 1)[1]
    assert words_left(ours, *path_words(copy)) == []


def test_a_failed_backup_is_said_in_chinese_on_your_data(
    app,  # noqa: F811
    tmp_path,
    unwritable_backups,  # noqa: F811
    without_calendar,
):
    path = tmp_path / "journal.duckdb"
    speak_chinese(path)
    db.open_journal(str(path)).wait_for_backup()  # fails in the background, in no language
    at = data_page(app, path)
    at.button(key="data_backup_now").click().run()
    assert not at.exception
    [shown] = [e.value for e in at.error]
    assert "的手动备份失败了。" in shown
    assert "当前账户无权写入那个文件夹（权限不足）" in shown
    assert english_words(at, data_words=data_words(path, unwritable_backups)) == []


def test_a_daily_backup_that_failed_in_english_is_said_again_in_chinese(
    app,  # noqa: F811
    tmp_path,
    unwritable_backups,  # noqa: F811
    without_calendar,
):
    path = tmp_path / "journal.duckdb"
    with i18n.speaking("en"):
        db.open_journal(str(path)).wait_for_backup()  # recorded while English was spoken
    speak_chinese(path)
    at = data_page(app, path)
    [shown] = [e.value for e in at.error]
    assert "的每日备份失败了。" in shown and "权限不足" in shown


def test_your_data_in_english_is_unchanged(app, tmp_path):  # noqa: F811
    path = tmp_path / "journal.duckdb"
    at = data_page(app, path)
    assert at.title[0].value == "Your data"
    assert [s.value for s in at.subheader][:2] == ["Export", "Import"]
    assert any(b.label == "Back up now" for b in at.button)


# -- failure sentences through the domain ---------------------------------------------


def test_a_full_disk_is_said_in_chinese(tmp_path):
    with i18n.speaking("zh_CN"):
        message = str(failures.disk_full(str(tmp_path / "journal.duckdb")))
        saved = str(failures.disk_full(str(tmp_path / "journal.duckdb"), saved=True))
    assert message.startswith(f"什么也没保存：存放日志的磁盘（{tmp_path}）空间不足（现在剩余 ")
    assert "请在上面至少腾出 64 MB，然后再试一次；之前保存的内容都安然无恙。" in message
    assert saved.startswith(f"已保存，但存放日志的磁盘（{tmp_path}）现在满了")
    assert isinstance(failures.disk_full(str(tmp_path / "j.duckdb")), DiskFull)


def test_a_damaged_journal_is_said_in_chinese_with_its_command(tmp_path):
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path), now=NOW)
    journal.wait_for_backup()
    db.close_journal(str(path))
    damage(path)
    with i18n.speaking("zh_CN"), pytest.raises(JournalCorrupt) as refused:
        db.open_journal(str(path))
    summary = refused.value.summary
    assert summary.startswith(f"日志 {path} 已损坏，无法读取（文件没有通过 DuckDB 的校验）。")
    assert "备份于 UTC 2026-03-16 18:30（" in summary and "中共有 1 份备份）" in summary
    assert " restore " in refused.value.command  # the command itself stays a command


def test_a_locked_journal_is_said_in_chinese(tmp_path):
    path = tmp_path / "journal.duckdb"
    # DuckDB's words when another process holds the file (a process that is gone now).
    error = duckdb.IOException(
        f'Could not set lock on file "{path}": Conflicting lock is held in /usr/bin/x '
        "(PID 999999999) by user root."
    )
    with i18n.speaking("zh_CN"):
        locked = JournalLocked(db._locked_message(str(path), str(error)))
    assert str(locked).startswith(f"日志 {path} 正被另一个程序（PID 999999999）打开。")
    assert "DuckDB 同一时间只允许一个程序使用日志文件。" in str(locked)


def test_an_unwritable_folder_is_said_in_chinese(tmp_path):
    with i18n.speaking("zh_CN"):
        error = failures.unwritable(str(tmp_path / "j.duckdb"), failures.READ_ONLY)
    assert str(error).startswith(f"Interview Coach 无法写入文件夹 {tmp_path}（只读文件系统）")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "文件没有导入，你的日志没有任何改动。它不是有效的 JSON：缺少用双引号括起的属性名"),
        (b"\xff\xfe{", "它不是有效的 JSON：位置 2 处的字节不是 UTF-8 文本。"),
        ('{"format": "x"}', "它不是 Interview Coach 的导出文件"),
        (
            json.dumps({"format": "interview-coach-journal", "format_version": 9}),
            "它使用的导出格式版本是 9；当前版本只能读取版本 1和2。",
        ),
    ],
    ids=["not JSON", "not UTF-8", "another format", "a newer format"],
)
def test_a_malformed_import_is_refused_in_chinese(tmp_path, text, expected):
    journal = db.open_journal(str(tmp_path / "journal.duckdb"))
    with i18n.speaking("zh_CN"), pytest.raises(InvalidInput) as refused:
        transfer.import_json(journal, text)
    assert expected in str(refused.value)


def test_an_import_whose_rows_break_field_rules_names_the_fields_in_chinese(
    tmp_path, sample_export
):
    document = json.loads(sample_export)
    document["tables"]["companies"][0]["name"] = "  "
    document["tables"]["companies"][1]["kind"] = "rival"
    journal = db.open_journal(str(tmp_path / "journal.duckdb"))
    with i18n.speaking("zh_CN"), pytest.raises(InvalidInput) as refused:
        transfer.import_json(journal, json.dumps(document))
    message = str(refused.value)
    # The file's own keys (tables.companies[0], “name”) stay as the file writes them.
    assert message.startswith("文件没有导入，你的日志没有任何改动。问题：")
    assert "tables.companies[0]：“name”：公司名称不能为空" in message
    assert "tables.companies[1]：“kind”：公司类型不能是 'rival'；只能是 " in message


# -- field rules, clashes and deletions -------------------------------------------------


def test_field_rules_refuse_in_chinese_naming_the_field():
    with i18n.speaking("zh_CN"):
        with pytest.raises(InvalidInput) as long_name:
            fields.check("companies", "name", "长" * 201)
        with pytest.raises(InvalidInput) as year:
            fields.check("interviews", "scheduled_at", datetime(1800, 1, 1, tzinfo=UTC))
        with pytest.raises(InvalidInput) as number:
            fields.check_setting("leech_threshold", 50)
    assert str(long_name.value) == "公司名称有 201 个字符；上限是 200。请缩短后再保存。"
    assert str(year.value) == "1800 不是面试可能的年份（应在 1900 到 2200 之间）。"
    assert str(number.value) == "顽固卡片阈值必须在 2 到 20 次遗忘之间，而不是 50。"


def test_field_rules_refuse_in_english_as_before():
    with i18n.speaking("en"), pytest.raises(InvalidInput) as year:
        fields.check("interviews", "scheduled_at", datetime(1800, 1, 1, tzinfo=UTC))
    assert (
        str(year.value) == "1800 is not a plausible year for an interview (between 1900 and 2200)."
    )


def test_a_language_setting_other_than_english_or_chinese_is_refused():
    with pytest.raises(InvalidInput):
        fields.check_setting("language", "fr")
    assert fields.check_setting("language", "zh_CN") == "zh_CN"


def test_a_clash_with_another_tab_is_said_in_chinese():
    with i18n.speaking("zh_CN"), pytest.raises(EditConflict) as clash:
        changes({"advice": "A", "pace": "x"}, {"advice": "C", "pace": "y"},
                {"advice": "B", "pace": "z"}, {"advice": "The interviewer's advice",
                                               "pace": "Pace"})  # fmt: skip
    assert str(clash.value).startswith("未保存：在这个标签页显示之后，“面试官的建议”、“节奏”已在")


def test_what_a_deletion_takes_with_it_is_counted_in_chinese():
    from coach.deletion import DeletionImpact

    with i18n.speaking("zh_CN"):
        said = DeletionImpact(interviews=2, asks=1, transcripts=1).describe()
    assert said == ["2 场面试", "1 条问答记录", "1 份保存的文字记录"]


def test_a_restore_refused_for_a_missing_backup_is_said_in_chinese(tmp_path):
    with i18n.speaking("zh_CN"), pytest.raises(RestoreRefused) as refused:
        restore.restore(str(tmp_path / "j.duckdb"), tmp_path / "nothing.duckdb", now=NOW)
    assert str(refused.value) == f"没有恢复任何内容：{tmp_path / 'nothing.duckdb'} 处没有备份文件。"


# -- the command --------------------------------------------------------------------------


def test_coach_lang_zh_cn_prints_chinese(tmp_path, capsys):
    path = tmp_path / "journal.duckdb"
    assert cli.main(["--lang", "zh_CN", "backup", str(path)]) == 0
    [copy] = [b.path for b in backups.list_backups(str(path)) if b.reason == "manual"]
    assert capsys.readouterr().out == f"已将 {path} 备份到 {copy}\n"


def test_coach_speaks_the_language_the_journal_keeps(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    path = tmp_path / "journal.duckdb"
    speak_chinese(path)
    db.close_journal(str(path))
    assert cli.main(["restore", str(tmp_path / "nothing.duckdb"), "--db", str(path)]) == 1
    expected = f"coach restore: 没有恢复任何内容：{tmp_path / 'nothing.duckdb'} 处没有备份文件。\n"
    assert capsys.readouterr().err == expected
    # --lang overrides the journal's choice.
    assert cli.main(["--lang", "en", "backup", "--list", str(path)]) == 0
    assert "UTC  daily        " in capsys.readouterr().out


def test_coach_follows_the_terminal_when_the_journal_has_no_choice(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_MESSAGES", "zh_CN.UTF-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert cli.main(["backup", "--list", str(tmp_path / "new.duckdb")]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'new.duckdb'} 还没有备份。\n"


def test_coach_help_is_chinese_with_lang_zh_cn(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--lang", "zh_CN", "backup", "--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("用法：coach backup [-h]")
    assert "把日志文件复制到它旁边的 backups/ 文件夹" in shown
    assert "显示这条帮助信息并退出" in shown


def test_coach_import_says_its_summary_in_chinese(tmp_path, capsys):
    source = mixed_journal(tmp_path / "source.duckdb")
    export = tmp_path / "export.json"
    export.write_text(transfer.export_json(source.cursor(), now=NOW))
    target = tmp_path / "journal.duckdb"
    assert cli.main(["--lang", "zh_CN", "import", str(export), "--db", str(target)]) == 0
    said = capsys.readouterr().out
    assert said == "已添加：1 家公司、2 场面试、2 次复盘、2 个问题、2 条问题记录。\n"


def test_the_journal_language_is_read_without_taking_the_journal(tmp_path):
    path = tmp_path / "journal.duckdb"
    assert cli.journal_language(str(path)) is None  # no file: not created either
    assert not path.exists()
    journal = db.open_journal(str(path))
    journal.write(lambda cur: settings.set_setting(cur, "language", "zh_CN"))
    # Held open (by the app, say): the command cannot read it, and falls back quietly.
    assert cli.journal_language(str(path)) is None
    db.close_journal(str(path))
    assert cli.journal_language(str(path)) == "zh_CN"


def test_backups_listed_in_chinese_keep_their_columns_lined_up(tmp_path, capsys):
    path = tmp_path / "journal.duckdb"
    journal = db.open_journal(str(path), now=NOW)
    journal.wait_for_backup()
    journal.backup(now=NOW + timedelta(minutes=1))
    db.close_journal(str(path))
    assert cli.main(["--lang", "zh_CN", "backup", "--list", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[1].strip() for line in lines] == ["手动", "每日"]
    assert len({cli._columns(line.rsplit(" ", 1)[0]) for line in lines}) == 1


# -- two tabs -----------------------------------------------------------------------------


def test_a_clash_with_another_tab_is_drawn_in_chinese_keeping_what_was_typed(app_journal):
    from tests.test_two_tabs import review_on

    speak_chinese(app_journal)
    at, interview_id = review_on(app_journal, "relationship")
    journal = db.open_journal(str(app_journal))
    reviews.save_review(journal, interview_id, NOW, advice="他们的：学 dbt")  # the other tab
    [advice] = [t for t in at.text_area if str(t.key).endswith("advice")]
    advice.input("我的：多讲业务影响").run()
    assert not at.exception
    assert any(w.value.startswith("未保存：") and "已在另一个标签页或窗口中被修改" in w.value
               for w in at.warning)  # fmt: skip
    panel = [b for b in at.button if str(b.key).startswith("edit_")]
    assert sorted(b.label for b in panel) == ["使用另一个标签页的", "保留我的"]
    captions = [c.value for c in at.caption]
    assert "在另一个标签页中保存的" in captions and "你的版本，尚未保存" in captions
    assert [t.value for t in at.text_area if str(t.key).endswith("advice")] == [
        "我的：多讲业务影响"
    ]
    next(b for b in panel if b.label == "保留我的").click().run()
    assert reviews.get_review(journal.cursor(), interview_id).advice == "我的：多讲业务影响"
