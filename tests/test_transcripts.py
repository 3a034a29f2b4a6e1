"""Transcripts: three formats (one in Chinese) read into known questions, answers and
measured speaking times; the preview's edits; hostile files refused with one sentence.

The fixtures in tests/fixtures/transcripts were written for this project: a Zoom-style
WebVTT call with two interviewers, an SRT export, and a Tencent Meeting-style plain
text transcript in Chinese. Each one's expected rows are written out below from its
cue times by hand.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from coach.errors import InvalidInput
from coach.transcripts import files
from coach.transcripts.preview import build_preview
from coach.transcripts.turns import read_transcript

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


def rows_of(name: str, candidate: str | None = None):
    transcript = read_transcript((FIXTURES / name).read_bytes())
    preview = build_preview(transcript, candidate or transcript.guess_candidate())
    return transcript, preview


def summary(preview) -> list[tuple[str, int | None, bool]]:
    return [(r.question, r.answer_ms, r.interrupted) for r in preview.rows]


# -- the three formats ------------------------------------------------------------------


def test_a_zoom_webvtt_call_gives_each_question_its_answer_and_measured_time():
    transcript, preview = rows_of("northwind-zoom.vtt")
    assert transcript.format == "vtt" and transcript.cue_count == 20
    assert [s.name for s in transcript.speakers] == ["Li Wei", "Dana Smith", "Raj Patel"]
    assert preview.candidate == "Li Wei"  # asked least, spoke most
    assert summary(preview) == [
        ("Tell me about yourself.", 56_000, False),  # "So, to start," is left out
        ("How did you handle consolidation eliminations for the subsidiaries?", 80_000, False),
        ("Walk me through the migration project on your CV", 130_000, True),
        ("Why do you want to leave Northwind?", 40_000, False),
        ("Do you have any questions for us?", 25_000, False),
    ]
    first = preview.rows[0]
    # "Mm-hmm" from the interviewer is not part of the answer; both answer turns are.
    assert first.answer == (
        "Sure. I'm a financial accountant with six years in group reporting, most recently "
        "leading the consolidation of twelve subsidiaries at Northwind.\n\n"
        "Before that I spent three years in audit at a Big Four firm."
    )
    assert first.asked_ms == 5_500 and first.interviewer == "Dana Smith"
    # "Why?" is a probe within the answer, not a question for the bank.
    assert preview.rows[1].answer.endswith("took weeks to resolve.")
    assert preview.rows[1].interviewer == "Raj Patel"
    # The interviewer who cut in is not part of the question kept for the bank.
    assert preview.left_out == 2  # the greeting and the thanks


def test_an_srt_export_joins_a_question_spoken_over_two_captions():
    transcript, preview = rows_of("globex-meet.srt")
    assert transcript.format == "srt"
    assert preview.candidate == "Maria Garcia"
    assert summary(preview) == [
        ("What does a typical week look like for you?", 50_000, False),
        ("How would you measure the success of a product launch?", 90_000, False),
        ("Can you give me an example? What was the last launch you measured?", 45_000, False),
        ("What are your salary expectations?", 15_000, False),
    ]
    assert preview.rows[1].answer == (
        "I would agree the goal with the team first, then pick one north-star metric and "
        "two guardrails."
    )


def test_a_chinese_plain_text_transcript_with_start_times_is_read_too():
    transcript, preview = rows_of("tencent-meeting-zh.txt")
    assert transcript.format == "text"
    assert [s.name for s in transcript.speakers] == ["李伟", "张敏", "王强"]
    assert preview.candidate == "李伟"
    assert summary(preview) == [
        ("请先简单介绍一下你自己。", 95_000, False),
        ("你为什么想离开现在的公司？", 42_000, False),
        ("你平时怎么处理内部往来对账", 70_000, False),  # no question mark: 怎么 asks
    ]
    # A wrapped line continues its speaker's words, with no space between Chinese ones.
    assert preview.rows[0].answer.startswith(
        "我做了六年财务会计，最近三年负责集团合并报表，管理十二家子公司的合并。"
    )
    assert "王强" not in preview.rows[-1].answer  # the closing words are an interviewer's


def test_plain_name_colon_lines_without_times_give_rows_without_a_measured_time():
    text = (
        "Interviewer: Hello and welcome.\n"
        "Me: Thanks!\n"
        "Interviewer: Tell me about a time you disagreed with your manager\n"
        "Me: At Contoso my manager wanted to skip the pilot.\n"
        "The point is: we ran it anyway and found two bugs.\n"
        "Interviewer: What did you learn?\n"
        "Me: To bring data, not opinions.\n"
    )
    transcript = read_transcript(text.encode())
    preview = build_preview(transcript, "Me")
    assert not transcript.timed
    assert summary(preview) == [
        ("Tell me about a time you disagreed with your manager", None, False),
        ("What did you learn?", None, False),
    ]
    # A one-off "name" in lower-case words is words that hold a colon, not a speaker.
    assert preview.rows[0].answer.endswith("The point is: we ran it anyway and found two bugs.")


@pytest.mark.parametrize(
    "line",
    [
        "[00:01:02] Dana: Why this role?",
        "00:01:02 Dana: Why this role?",
        "00:01:02 - Dana: Why this role?",
        "Dana (00:01:02): Why this role?",
        "Dana（00:01:02）：Why this role?",
    ],
)
def test_plain_lines_carry_their_time_before_or_after_the_name(line):
    text = f"{line}\nLi: Because of the team.\n[00:01:32] Dana: And then?\nLi: Thanks.\n"
    transcript = read_transcript(text.encode())
    assert transcript.turns[0].start_ms == 62_000
    assert transcript.turns[0].speaker == "Dana"


def test_heading_lines_with_a_name_and_a_time_start_the_words_below_them():
    # Otter and Google Meet write the name and time on a line of their own.
    text = (
        "Dana Smith  0:04\nWhat brings you here today?\n\n"
        "Li Wei  0:09\nI want to work closer to the business.\nThat is all.\n\n"
        "Dana Smith  0:39\nThank you.\n"
    )
    transcript = read_transcript(text.encode())
    preview = build_preview(transcript, "Li Wei")
    assert summary(preview) == [("What brings you here today?", 30_000, False)]
    assert preview.rows[0].answer == "I want to work closer to the business. That is all."


def test_teams_voice_tags_name_the_speakers():
    text = (
        "WEBVTT\n\n"
        "0a1b/1-0\n00:00:01.000 --> 00:00:04.000\n<v Dana Smith>Why do you want this job?</v>\n\n"
        "0a1b/2-0\n00:00:04.500 --> 00:00:34.500\n<v Li Wei>Because of the team.</v>\n\n"
        "0a1b/3-0\n00:00:35.000 --> 00:00:36.000\n<v Dana Smith>Great, thanks.</v>\n"
    )
    preview = build_preview(read_transcript(text.encode()), "Li Wei")
    assert summary(preview) == [("Why do you want this job?", 30_000, False)]


def test_a_byte_order_mark_and_windows_line_ends_are_read_as_usual():
    data = (FIXTURES / "globex-meet.srt").read_bytes().replace(b"\n", b"\r\n")
    transcript = read_transcript(codecs.BOM_UTF8 + data)
    assert transcript.format == "srt" and len(build_preview(transcript, "Maria Garcia").rows) == 4


def test_the_candidate_is_guessed_from_a_name_chosen_before():
    transcript = read_transcript((FIXTURES / "northwind-zoom.vtt").read_bytes())
    assert transcript.guess_candidate(("Someone else", "Dana Smith")) == "Dana Smith"


def test_a_name_that_does_not_speak_is_refused():
    transcript = read_transcript((FIXTURES / "northwind-zoom.vtt").read_bytes())
    with pytest.raises(InvalidInput, match="No one called “Lee Way” speaks"):
        build_preview(transcript, "Lee Way")


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("Tell me about yourself", True),
        ("So, walk me through the migration project on your CV.", True),
        ("How did you handle consolidation eliminations for the subsidiaries", True),
        ("What tools did you use for that", True),
        ("For your last role, what was the team size.", True),
        ("How many people reported to you", True),
        ("Okay and could you give me a number for that", True),
        ("Is there anything else you want to add", True),
        ("Let's start with your background.", True),
        ("What made you apply", True),
        ("I'd like to hear about a time you failed.", True),
        ("请先做一下自我介绍。", True),
        ("你为什么想离开现在的公司", True),
        ("你有用过Python吗", True),
        ("那你的团队呢？", True),
        ("Why?", False),  # a probe within the answer
        ("Sorry?", False),
        ("Great, thanks.", False),
        ("What a great answer.", False),
        ("What we need is someone who can own the close.", False),
        ("When I was at Google, we did the same.", False),
        ("I reported to the CFO every week, which taught me a lot.", False),
        ("Let's go to the next one.", False),
        ("好的，谢谢。", False),
        ("我们团队有十二个人。", False),
    ],
)
def test_a_sentence_asks_by_its_mark_its_opening_or_its_chinese_particle(sentence, asks):
    from coach.transcripts.asking import is_question

    assert is_question(sentence) is asks


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        ("So, to start, tell me about yourself.", "Tell me about yourself."),
        ("Okay, first of all, why did you apply?", "Why did you apply?"),
        ("To get us started, walk me through your CV.", "Walk me through your CV."),
        ("Sorry to interrupt, why did you leave?", "Why did you leave?"),
        ("好的，请介绍一下你的项目。", "请介绍一下你的项目。"),
        # Words that only look like a lead-in stay.
        ("To start a company, what would you need?", "To start a company, what would you need?"),
    ],
)
def test_the_words_before_a_question_are_left_out_of_it(sentence, question):
    from coach.transcripts.asking import tidy

    assert tidy(sentence) == question


# -- interrupted ------------------------------------------------------------------------


def _call(answer_end: str, next_start: str, answer_text: str, next_text: str) -> bytes:
    return (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:05.000\nDana: Walk me through your last project.\n\n"
        f"00:00:05.000 --> {answer_end}\nLi: {answer_text}\n\n"
        f"{next_start} --> 00:05:00.000\nDana: {next_text}\n"
    ).encode()


@pytest.mark.parametrize(
    ("answer_end", "next_start", "answer_text", "next_text", "interrupted"),
    [
        # Long, and the interviewer spoke over the last words.
        ("00:03:00.000", "00:02:59.000", "and then we", "Why did you leave?", True),
        # Long, and an unfinished sentence met at once.
        ("00:03:00.000", "00:03:00.500", "and the next step was to", "Why did you leave?", True),
        # Long, and words that stop a speaker, after a pause.
        ("00:03:00.000", "00:03:04.000", "It went well.", "Sorry to interrupt, why leave?", True),
        # Long, but finished, with a pause: not cut short.
        ("00:03:00.000", "00:03:02.000", "It went well.", "Why did you leave?", False),
        # Cut in on, but short: an interviewer moving on, not an answer running long.
        ("00:01:00.000", "00:00:59.000", "and then we", "Why did you leave?", False),
    ],
)
def test_an_answer_cut_short_after_running_long_is_offered_as_interrupted(
    answer_end, next_start, answer_text, next_text, interrupted
):
    preview = build_preview(read_transcript(_call(answer_end, next_start, answer_text,
                                                  next_text)), "Li")  # fmt: skip
    assert preview.rows[0].interrupted is interrupted
    assert preview.rows[0].signal == ("interrupted" if interrupted else None)


# -- the candidate's changes ------------------------------------------------------------


def test_merging_two_rows_joins_questions_answers_and_times():
    _, preview = rows_of("northwind-zoom.vtt")
    merged = preview.merge_with_next(3)
    assert len(merged.rows) == 4
    row = merged.rows[3]
    assert row.question == "Why do you want to leave Northwind? Do you have any questions for us?"
    assert row.answer_ms == 65_000
    assert row.answer.startswith("I want to move closer") and row.answer.endswith("helpful.")
    assert preview.rows[3].answer_ms == 40_000  # the preview it came from is unchanged


def test_splitting_a_row_at_an_interviewers_words_makes_them_a_question():
    _, preview = rows_of("northwind-zoom.vtt")
    edited = preview.edit(0, question="Tell me about yourself")
    points = edited.split_points(0)
    assert [text for _, text in points] == ["Mm-hmm."]
    split = edited.split(0, points[0][0])
    assert [r.question for r in split.rows[:2]] == ["Tell me about yourself", "Mm-hmm."]
    assert [r.answer_ms for r in split.rows[:2]] == [40_000, 16_000]
    with pytest.raises(InvalidInput, match="splits only where an interviewer spoke"):
        edited.split(0, 3)  # the candidate's own turn


def test_rows_are_edited_and_dropped_one_field_at_a_time():
    _, preview = rows_of("globex-meet.srt")
    edited = preview.edit(2, question="Give an example of a launch you measured.").edit(
        3, keep=False
    )
    assert [r.question for r in edited.kept] == [
        "What does a typical week look like for you?",
        "How would you measure the success of a product launch?",
        "Give an example of a launch you measured.",
    ]
    with pytest.raises(InvalidInput, match="has no field"):
        preview.edit(0, answer_ms=0)
    with pytest.raises(InvalidInput, match="no row 9"):
        preview.merge_with_next(8)


def test_a_ninety_minute_call_of_fifteen_hundred_cues_is_read_whole(long_call):
    transcript = read_transcript(long_call)
    # Long answers full of relative clauses ("…, which taught me a lot") ask nothing.
    assert transcript.guess_candidate() == "Candidate"
    preview = build_preview(transcript, "Candidate")
    assert transcript.cue_count == 1_500
    assert len(preview.rows) == 50
    assert preview.rows[-1].asked_ms == 49 * 108_000


@pytest.fixture
def long_call() -> bytes:
    from bench.transcripts import long_call

    return long_call()


# -- hostile files: one sentence, nothing read --------------------------------------------

HOSTILE_FILES = {
    "empty": (b"", "That file is empty"),
    "only blank lines": (b"\n\n  \n", "That file is empty"),
    "50 MB": (b"WEBVTT\n\n" + b"x" * (50 * 1024 * 1024), "That file is 50.0 MB"),
    "a PNG image": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "That file is an image"),
    "a Word document": (b"PK\x03\x04" + bytes(200), "a Word document or a zip archive"),
    "a PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "That file is a PDF document"),
    "random bytes": (bytes(range(256)) * 4, "holds binary data"),
    "UTF-16 with a byte-order mark": (
        "Dana: Why us?\nLi: The team.\n".encode("utf-16"),
        "saved as UTF-16 text",
    ),
    "UTF-16 without one": ("Dana: Why us?\nLi: The team.\n".encode("utf-16-le"), "UTF-16"),
    "GB18030 Chinese": (
        (FIXTURES / "tencent-meeting-zh.txt").read_text().encode("gb18030"),
        "Chinese text saved as GB18030",
    ),
    "Windows-1252": (
        "Dana: Où étiez-vous ? Café…\nLi: À Genève.\n".encode("cp1252"),
        "not UTF-8 text",
    ),  # fmt: skip
    "no speakers": (b"Tell me about yourself.\nI am an accountant.\n", "No speakers are named"),
    "a VTT without speakers": (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there\n",
        "No speakers are named",
    ),
    "one speaker": (b"Dana: Hello?\nDana: Anyone there?\n", "Only one speaker (Dana)"),
    "a WebVTT header and nothing else": (b"WEBVTT\n", "holds no captions"),
    "a damaged WebVTT file": (b"WEBVTT\n\n00:00:01.000 -> nonsense\nDana: hi\n", "holds no"),
    "a damaged SRT file": (
        b"1\n00:00:01,000 --> 00:00:02,000\nDana: Hi\n\n2\n00:00:0x,000 --> oops\nLi: Hi\n",
        "That SRT file is damaged",
    ),
}


@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_a_bad_file_is_refused_with_one_clear_sentence(name):
    data, expected = HOSTILE_FILES[name]
    with pytest.raises(InvalidInput) as refused:
        read_transcript(data)
    message = str(refused.value)
    assert expected in message
    assert "Traceback" not in message and len(message) < 400
    assert message[0].isupper() and message.endswith(".")


def test_hostile_words_in_a_transcript_are_kept_exactly_as_said():
    said = [
        '<script>alert("x")</script> and ![img](http://example.com/x.png)',
        "'); DROP TABLE asks; --",
        "Led the launch 🚀🎯 — team of 5 👩‍💻",
        "我负责合并报表，把月结时间从五天缩短到三天。",
        "A" * 100_000,
    ]
    lines = ["Dana: Walk me through your project?"]
    lines += [f"Li: {text}" for text in said]
    preview = build_preview(read_transcript("\n".join(lines).encode()), "Li")
    assert preview.rows[0].answer == " ".join(said)


def test_the_file_limit_is_generous_for_a_whole_day_of_calls():
    assert files.FILE_LIMIT >= 5 * 1024 * 1024
