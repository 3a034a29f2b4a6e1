"""Insights, the readiness brief (coach.readiness) on the same small journal."""

from __future__ import annotations

import pytest

from coach import i18n, readiness
from coach.likely import SCORE_EXPLANATION
from coach.recall import recall_text
from tests.insights.journal import NOW, at, recall


def test_the_default_brief_is_for_the_next_target_interview(small):
    small.execute("INSERT INTO companies (id, name, kind) VALUES (3, 'Gamma', 'practice')")
    small.execute(
        "INSERT INTO interviews (id, company_id, scheduled_at) VALUES (6, 3, ?)", [at(18)]
    )
    upcoming = readiness.upcoming_interviews(small, NOW)
    assert [u.interview_id for u in upcoming] == [6, 5]
    assert readiness.default_interview(upcoming).interview_id == 5


def test_the_brief_for_the_acme_final(small):
    brief = readiness.readiness_brief(small, 5, NOW)
    r1, r2 = recall(small, 1, at(20)), recall(small, 2, at(20))
    assert r1 < 0.9 <= r2  # "Tell me about yourself" needs rehearsal; the variance holds
    assert brief.days_left == 4
    likely = brief.likely
    # Rehearse first (cards below 90% on the day), then keep fresh; most points first.
    assert [(q.question_id, q.score, q.to_rehearse) for q in likely.questions] == [
        (1, 9, True),
        (3, 6, True),  # never rehearsed
        (2, 7, False),
        (4, 6, False),  # answered well: no card
    ]
    assert [q.recall_on_day for q in likely.questions] == pytest.approx(
        [r1, 0.0, r2, None], abs=1e-12
    )
    assert [q.recall_text for q in likely.questions] == [recall_text(r1), "new",
                                                          recall_text(r2), "no card"]  # fmt: skip
    assert likely.questions[0].reasons == (
        "asked here in 2 earlier rounds",
        "asked for the same role (latest at Beta, 2 interviews)",
        "asked in 4 of 4 interviews so far",
        "a common opener (self-introduction)",
    )
    assert likely.questions[3].reasons == (
        "asked here before (First, 5 March)",
        "asked in 1 of 4 interviews so far",
        "a common closer (salary)",
    )
    assert (likely.count, likely.earlier, likely.card_ids) == (4, 4, [1, 3])
    assert [(a.text, a.here) for a in brief.open_actions] == [
        ("Prepare a variance bridge.", True),
        ("Rehearse five days a week.", False),
        ("Bridge to the Forecast story.", False),
    ]
    assert [(s.title, s.where) for s in brief.told_here] == [("Forecast", "told in First, 5 March")]
    assert [(s.title, s.reason) for s in brief.fitting_stories] == [
        ("Mentoring", "missed at Acme, where it was relevant")
    ]
    assert [a.advice for a in brief.advice] == ["Lead with the answer.", "Quantify impact."]
    parts = {p.name: p.value for p in brief.readiness.parts}
    assert parts == pytest.approx({"recall": (r1 + r2) / 3, "actions": 0.4, "stories": 1 / 3})
    assert brief.readiness.score == pytest.approx(
        0.5 * (r1 + r2) / 3 + 0.25 * 0.4 + 0.25 / 3, abs=1e-12
    )
    assert brief.readiness.score_text == (
        f"{brief.readiness.score:.0%} (based on 4 earlier interviews: an early estimate)"
    )


def test_the_readiness_formula_in_words_leaves_out_parts_without_data():
    parts = [
        readiness.Part("recall", 0.5, 1.0, 2),
        readiness.Part("actions", None, 0, 0),
        readiness.Part("stories", 1.0, 2, 2),
    ]
    score = readiness.Readiness(parts, evidence="based on 1 earlier interview: a first guess")
    assert score.score == pytest.approx((0.5 * 0.5 + 0.25 * 1.0) / 0.75)
    assert score.score_text == "67% (based on 1 earlier interview: a first guess)"
    assert score.explanation() == (
        "Readiness is half your average predicted recall on the day of the 2 likely "
        "questions with a rehearsal card: 50%; plus a quarter the share of improvement "
        "actions you have done (0 of 0): no data yet, so left out; plus a quarter the share "
        "of your stories told in full at least once (2 of 2): 100%. The parts with data are "
        "weighted up in proportion."
    )
    nothing = readiness.Readiness([readiness.Part("recall", None, 0, 0)])
    assert nothing.score is None
    assert nothing.score_text == "not enough data yet"
    assert nothing.explanation() == (
        "Readiness needs rehearsal cards for the likely questions, improvement actions or "
        "stories; there are none yet."
    )


def test_the_brief_as_markdown(small):
    brief = readiness.readiness_brief(small, 5, NOW)
    r1, r2 = recall(small, 1, at(20)), recall(small, 2, at(20))
    score = brief.readiness.score
    assert readiness.brief_markdown(brief, NOW) == (
        "# Readiness brief: Acme · Analyst · Final\n"
        "\n"
        "- Interview: Fri 20 March 2026, 10:00 (in 4 days)\n"
        "- Company kind: Target\n"
        f"- Readiness: {score:.0%} (based on 4 earlier interviews: an early estimate)\n"
        "- Prepared on 16 March 2026\n"
        "\n"
        "Readiness is half your average predicted recall on the day of the 3 likely "
        f"questions with a rehearsal card: {(r1 + r2) / 3:.0%}; plus a quarter the share of "
        "improvement actions you have done (2 of 5): 40%; plus a quarter the share of your "
        "stories told in full at least once (1 of 3): 33%.\n"
        "\n"
        "Before Acme (in 4 days), rehearse 2 likely questions below 90% recall on the day, "
        "first “Tell me about yourself.”, “Describe a conflict.”.\n"
        "\n"
        "## Questions most likely to come up\n"
        "\n"
        f"{SCORE_EXPLANATION} The likely questions are based on 4 earlier interviews: an "
        "early estimate.\n"
        "\n"
        "### Rehearse first (below 90% recall on the day)\n"
        "\n"
        "| Question | Dimension | Why likely | Points | Recall on the day |\n"
        "|---|---|---|--:|---|\n"
        "| Tell me about yourself. | Career planning | asked here in 2 earlier rounds; asked "
        "for the same role (latest at Beta, 2 interviews); asked in 4 of 4 interviews so far; "
        f"a common opener (self-introduction) | 9 | {recall_text(r1)} |\n"
        "| Describe a conflict. | Behavioural | asked here before (Second, 12 March); asked for "
        "the same role (at Beta); asked in 2 of 4 interviews so far | 6 | new |\n"
        "\n"
        "### Keep fresh (answered well, or rehearsed up to the target)\n"
        "\n"
        "| Question | Dimension | Why likely | Points | Recall on the day |\n"
        "|---|---|---|--:|---|\n"
        "| Explain a variance. | Professional ability | asked here in 2 earlier rounds; asked "
        "for the same role (at Beta); asked in 3 of 4 interviews so far | 7 | "
        f"{recall_text(r2)} |\n"
        "| Salary? | Logistics and pay | asked here before (First, 5 March); asked in 1 of 4 "
        "interviews so far; a common closer (salary) | 6 | no card |\n"
        "\n"
        "## Open actions\n"
        "\n"
        "- [ ] Prepare a variance bridge. — Questions and answers (Acme · Second)\n"
        "- [ ] Rehearse five days a week. — Overall performance (general)\n"
        "- [ ] Bridge to the Forecast story. — Strengths told or missed (Beta · Second)\n"
        "\n"
        "## Stories already told at Acme\n"
        "\n"
        "- Forecast (told in First, 5 March)\n"
        "\n"
        "## Stories never told that fit this interview\n"
        "\n"
        "- Mentoring: missed at Acme, where it was relevant\n"
        "\n"
        "## Advice from earlier interviewers at Acme\n"
        "\n"
        "- 12 March, Dana Lee: Lead with the answer.\n"
        "- 5 March, Sam Roe: Quantify impact.\n"
    )


def test_hostile_text_in_the_brief_stays_text(small):
    small.execute(
        "UPDATE reviews SET advice = ? WHERE interview_id = 4",
        ["<script>alert(1)</script> | *bold* [link](x)\n# heading"],
    )
    text = readiness.brief_markdown(readiness.readiness_brief(small, 5, NOW), NOW)
    assert (
        "- 12 March, Dana Lee: \\<script\\>alert(1)\\</script\\> \\| \\*bold\\* "
        "\\[link\\](x) \\# heading\n"
    ) in text
    assert "<script>" not in text


def test_the_brief_as_markdown_in_chinese(small):
    with i18n.speaking(i18n.CHINESE):
        brief = readiness.readiness_brief(small, 5, NOW)
        text = readiness.brief_markdown(brief, NOW)
    lines = text.splitlines()
    assert lines[:6] == [
        "# 准备简报：Acme · Analyst · Final",
        "",
        "- 面试时间：2026年3月20日 周五 10:00（4 天后）",
        "- 公司类型：目标公司",
        "- 准备度：48%（基于之前的 4 场面试：早期估计）",
        "- 生成于 2026年3月16日",
    ]
    assert lines[7].startswith(
        "准备度：一半来自 3 道有练习卡片的可能问题在面试当天的平均预计记忆率："
    )
    assert lines[7].endswith(
        "；另有四分之一来自你已完成的改进行动占比（5 项中完成 2 项）：40%；另有四分之一"
        "来自至少完整讲过一次的故事占比（3 个中有 1 个）：33%。"
    )
    for line in [
        "在 Acme 的面试（4 天后）之前，练习 2 道面试当天记忆率低于 90% 的可能问题，"
        "先练“Tell me about yourself.”、“Describe a conflict.”。",
        "## 最可能被问到的问题",
        "### 优先练习（面试当天记忆率低于 90%）",
        "| 问题 | 维度 | 可能被问的原因 | 分数 | 当天记忆率 |",
        "| Describe a conflict. | 行为面试 | 这家公司以前问过（Second，3月12日）；同一岗位问过"
        "（在 Beta）；到目前为止 4 场面试中有 2 场问过 | 6 | 新卡片 |",
        "| Salary? | 入职安排与薪资 | 这家公司以前问过（First，3月5日）；到目前为止 4 场面试中"
        "有 1 场问过；常见的收尾问题（薪资） | 6 | 没有卡片 |",
        "### 保持熟练（已经答得好，或练习已达到目标）",
        "- [ ] Prepare a variance bridge. — 问题与回答（Acme · Second）",
        "- [ ] Rehearse five days a week. — 整体表现（通用）",
        "## 已在 Acme 讲过的故事",
        "- Forecast（在 First 讲过，3月5日）",
        "- Mentoring：在 Acme 本该讲却漏掉了",
        "## Acme 以前的面试官给过的建议",
        "- 3月12日，Dana Lee：Lead with the answer.",
    ]:
        assert line in lines
    with i18n.speaking(i18n.CHINESE):
        r1 = recall_text(recall(small, 1, at(20)))
    assert (
        "| Tell me about yourself. | 职业规划 | 这家公司之前 2 轮都问过；同一岗位问过（最近一次"
        "在 Beta，共 2 场面试）；到目前为止 4 场面试中有 4 场问过；常见的开场问题（自我介绍）"
        f" | 9 | {r1} |"
    ) in lines
