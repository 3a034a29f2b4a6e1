"""The review method's rules (DESIGN.md, "The review method").

Pure functions over vocabulary keys: what an interviewer's signal means and how
to fix it, which asks are weak enough to rehearse, how deep a review should go,
which improvement actions a review suggests, and which bank question a newly
recorded question probably is. Nothing here reads the clock or the database.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from rapidfuzz import fuzz, process

from coach import i18n, wording
from coach.analysis import CJK_CHARS
from coach.i18n import N_, _, pgettext
from coach.vocabulary import (
    ASPECTS,
    CAUSES,
    INTERVIEWER_REACTIONS,
    MISSED_REASONS,
    NERVES,
    OVERALL_RATINGS,
    PACES,
    REVIEW_DEPTHS,
    SELF_SCORES,
    SIGNALS,
    STORY_USES,
)

# Signals that, on their own, show the answer needs work (DESIGN.md: "a question
# becomes a card automatically when ... signal interrupted / confused / probed").
WEAK_SIGNALS = frozenset({"interrupted", "confused", "probed"})
# The bottom two of the four self-score levels.
WEAK_SELF_SCORES = frozenset({1, 2})
STRONG_SELF_SCORES = frozenset({3, 4})

# The candidate's own line for bringing a missed story into the conversation.
BRIDGING_LINE = N_(
    "I have another experience that illustrates this even better — may I tell you about it?"
)


def _check(value: object, allowed: Iterable[object], what: str, *, optional: bool = True) -> None:
    # Keys come from the journal and the vocabulary; an unknown one is a bug upstream,
    # and guessing a diagnosis for it would mislead the candidate.
    if value is None and optional:
        return
    allowed = tuple(allowed)
    if isinstance(value, bool) or value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {allowed}")


# --- Diagnosis ----------------------------------------------------------------
@dataclass(frozen=True)
class Diagnosis:
    meaning: str
    fix: str
    strong: bool = False  # a strong answer: keep it
    weak: bool = False  # a weak answer: it becomes a rehearsal card
    doubted: bool = False  # a good answer the interviewer doubted: prepare evidence

    def said(self) -> Diagnosis:
        """The diagnosis in the language in use (the constants below hold N_ ids)."""
        return replace(self, meaning=_(self.meaning), fix=_(self.fix))


# What each signal says about the answer, and the fix to rehearse (the table in
# DESIGN.md). Positive and neutral have no fix of their own: their advice depends
# on how the candidate rated the answer.
SIGNAL_DIAGNOSES = {
    "interrupted": Diagnosis(
        meaning=N_("You were interrupted: you probably strayed from the topic or said too much."),
        fix=N_("Cut to the point, and rehearse the answer within a time limit."),
        weak=True,
    ),
    "confused": Diagnosis(
        meaning=N_("The interviewer looked confused: your answer was not clear to them."),
        fix=N_("Clarify the parts that raised doubts, and add concrete detail."),
        weak=True,
    ),
    "probed": Diagnosis(
        meaning=N_("The interviewer probed for details: they may doubt this experience."),
        fix=N_(
            "Prepare the background, the problem and what you did yourself, "
            "with evidence such as numbers or results."
        ),
        weak=True,
    ),
}

# Probed, though the candidate scored the answer Good or Strong: the content may be
# fine, the interviewer doubted that it happened as told.
DOUBTED_DIAGNOSIS = Diagnosis(
    meaning=N_(
        "The interviewer probed for details of an answer you were happy with: "
        "they may doubt the experience rather than the answer."
    ),
    fix=N_(
        "Prepare evidence: the background, the problem, what you did yourself, "
        "and proof such as numbers, results or who can confirm it."
    ),
    doubted=True,
)

STRONG_DIAGNOSIS = Diagnosis(
    meaning=N_("A strong answer: the interviewer responded well and you were satisfied."),
    fix=N_("Keep the idea, and say it more concisely."),
    strong=True,
)

POSITIVE_UNSURE = Diagnosis(
    meaning=N_("The interviewer responded well to this answer."),
    fix=N_("Keep the idea, and say it more concisely."),
)

POSITIVE_BUT_WEAK = Diagnosis(
    meaning=N_("The interviewer responded well, but you were not happy with your answer."),
    fix=N_("Write down what you wish you had said, and rehearse that version."),
    weak=True,
)

NEUTRAL = Diagnosis(
    meaning=N_("No clear reaction from the interviewer, and nothing you flagged as weak."),
    fix=N_("Nothing urgent: read your answer once more and check it makes its point quickly."),
)

NEUTRAL_BUT_WEAK = Diagnosis(
    meaning=N_("You felt this answer was weak, though the interviewer gave no clear sign."),
    fix=N_("Write down what you wish you had said, and rehearse that version."),
    weak=True,
)

CAUSE_DIAGNOSES = {
    "unprepared": Diagnosis(
        meaning=N_("You had not prepared for this question."),
        fix=N_("Prepare the content: note the points you want to make and an example for each."),
        weak=True,
    ),
    "wording": Diagnosis(
        meaning=N_("You knew what to say, but the wording was not refined."),
        fix=N_("Refine the wording: write the answer out, then tighten it until it flows."),
        weak=True,
    ),
    "did_not_know": Diagnosis(
        meaning=N_("You did not know the subject well enough."),
        fix=N_("Learn the subject, then write a short answer you could give next time."),
        weak=True,
    ),
}


# The candidate's score and the interviewer's signal are both respected (issue 13):
# - a cause of a poor answer ("why was it weak?") is asked, and counts, only of an
#   answer the candidate did not score Good or Strong;
# - an answer probed for details but scored Good or Strong is *doubted*, not weak:
#   the interviewer doubted the experience, not the answer, so its card prepares
#   evidence (background, problem, what I did, evidence) instead of a better answer.
# Interrupted and confused stay weak whatever the score: the interviewer's reaction
# says the answer itself needs work (too long, not clear).
def asks_cause(self_score: int | None) -> bool:
    """Whether the review asks "why was it weak?" of an answer scored `self_score`."""
    return self_score not in STRONG_SELF_SCORES


def is_doubted_ask(self_score: int | None, signal: str | None, cause: str | None = None) -> bool:
    """Probed for details, though the candidate scored the answer Good or Strong."""
    return signal == "probed" and self_score in STRONG_SELF_SCORES


def is_weak_ask(self_score: int | None, signal: str | None, cause: str | None) -> bool:
    """A weak ask becomes a rehearsal card (DESIGN.md, "Words")."""
    return (
        self_score in WEAK_SELF_SCORES
        or (signal in WEAK_SIGNALS and not is_doubted_ask(self_score, signal))
        or (bool(cause) and asks_cause(self_score))
    )


def _sql_list(values: Iterable[object]) -> str:
    return ", ".join(repr(v) for v in sorted(values))


# The same rules as SQL over an ask aliased `a`, for queries that count asks.
DOUBTED_ASK_SQL = f"(a.signal = 'probed' AND a.self_score IN ({_sql_list(STRONG_SELF_SCORES)}))"
WEAK_ASK_SQL = (
    f"(a.self_score IN ({_sql_list(WEAK_SELF_SCORES)}) "
    f"OR (a.signal IN ({_sql_list(WEAK_SIGNALS)}) AND NOT coalesce({DOUBTED_ASK_SQL}, false)) "
    f"OR (a.cause IS NOT NULL "
    f"AND coalesce(a.self_score NOT IN ({_sql_list(STRONG_SELF_SCORES)}), true)))"
)


def is_strong_answer(self_score: int | None, signal: str | None, cause: str | None = None) -> bool:
    """Positive signal and self score 3 or 4 (a cause is never asked of such an answer)."""
    return signal == "positive" and self_score in STRONG_SELF_SCORES


def diagnose(signal: str | None, self_score: int | None, cause: str | None) -> Diagnosis:
    """What the interviewer's signal (and the candidate's own view) says, and the fix,
    in the language in use.

    `signal` None means no signal was recorded; it reads like "neutral". When a
    signal and a cause both apply, the meanings and fixes are combined, signal first.
    """
    base, extra = _diagnoses(signal, self_score, cause)
    if extra is None:
        return base.said()
    base, extra = base.said(), extra.said()
    return Diagnosis(
        meaning=wording.sentences(base.meaning, extra.meaning),
        fix=wording.sentences(base.fix, extra.fix),
        weak=True,
    )


def _diagnoses(
    signal: str | None, self_score: int | None, cause: str | None
) -> tuple[Diagnosis, Diagnosis | None]:
    """The signal's diagnosis, and the cause's when both apply (as N_ message ids)."""
    _check(signal, SIGNALS, "signal")
    _check(self_score, SELF_SCORES, "self score")
    _check(cause, CAUSES, "cause")
    # A cause of a poor answer says nothing about an answer scored Good or Strong.
    cause = (cause or None) if asks_cause(self_score) else None

    if is_strong_answer(self_score, signal, cause):
        return STRONG_DIAGNOSIS, None
    if is_doubted_ask(self_score, signal, cause):
        return DOUBTED_DIAGNOSIS, None
    if signal in SIGNAL_DIAGNOSES:
        return SIGNAL_DIAGNOSES[signal], (CAUSE_DIAGNOSES[cause] if cause else None)
    if cause is not None:
        # The cause says all there is to say; a positive or neutral signal adds nothing.
        return CAUSE_DIAGNOSES[cause], None
    if signal == "positive":
        return (POSITIVE_BUT_WEAK if self_score in WEAK_SELF_SCORES else POSITIVE_UNSURE), None
    return (NEUTRAL_BUT_WEAK if self_score in WEAK_SELF_SCORES else NEUTRAL), None


# --- Review depth -------------------------------------------------------------
@dataclass(frozen=True)
class Depth:
    key: str  # "deep" or "refine"
    label: str
    minutes: int  # suggested time for the whole review
    reason: str
    prompts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # aspect key -> prompts


DEEP_MINUTES = 45
REFINE_MINUTES = 15

# Every prompt, per aspect. A deep review asks all of them; a refine review keeps
# only those marked REFINE: holding on to what worked and saying it more concisely.
DEEP_ONLY, REFINE = False, True
_PROMPTS: dict[str, tuple[tuple[bool, str], ...]] = {
    "overall": (
        (DEEP_ONLY, N_("Did you show your experience and abilities with confidence? "
                    "Where did you hold back?")),
        (REFINE, N_("How did the interviewer react: positive, or impatient or questioning? "
                 "At which moments?")),
        (DEEP_ONLY, N_("What went wrong, and why? Name the moment the interview turned.")),
        (REFINE, N_("What went well that you want to repeat next time?")),
    ),
    "questions": (
        (REFINE, N_("Write down every question you were asked, as completely as you can, "
                 "while it is fresh.")),
        (DEEP_ONLY, N_("For each answer, note the interviewer's signal: positive, neutral, "
                    "interrupted, confused or probed.")),
        (DEEP_ONLY, N_("For each weak answer, what went wrong and why: unprepared, wording "
                    "not refined, or did not know the subject?")),
        (REFINE, N_("For each strong answer, keep the idea: how could you say it more concisely?")),
    ),
    "relationship": (
        (DEEP_ONLY, N_("Was the conversation harmonious and two-way?")),
        (REFINE, N_("Was the pace right, too fast or too slow?")),
        (REFINE, N_("Which topics were you passionate about?")),
        (REFINE, N_("Did the interviewer give advice, or mention another role or department?")),
    ),
    "strengths": (
        (REFINE, N_("Which prepared stories did you tell fully, tell partly, or miss although "
                 "they were relevant?")),
        (DEEP_ONLY, N_("Were you led entirely by the interviewer, or did you steer towards "
                    "your strengths?")),
        (DEEP_ONLY, N_("Where could you have bridged to a story you missed?")),
        (REFINE, N_("Which story landed best? How could you tell it in fewer words?")),
    ),
}  # fmt: skip


def review_depth(overall_rating: int) -> Depth:
    """The rating sets the depth: look hard at a poor interview, refine a good one."""
    _check(overall_rating, OVERALL_RATINGS, "overall rating", optional=False)
    rating = OVERALL_RATINGS[overall_rating]
    if overall_rating <= 2:
        return Depth(
            key="deep",
            label=REVIEW_DEPTHS["deep"],
            minutes=DEEP_MINUTES,
            reason=_(
                "You rated this interview “{rating}”, so take your time: go through every "
                "aspect and look closely at what went wrong and why."
            ).format(rating=rating),
            prompts={aspect: tuple(_(p) for _keep, p in _PROMPTS[aspect]) for aspect in ASPECTS},
        )
    return Depth(
        key="refine",
        label=REVIEW_DEPTHS["refine"],
        minutes=REFINE_MINUTES,
        reason=_(
            "You rated this interview “{rating}”, so a short review is enough: keep what "
            "worked and find ways to say it more concisely."
        ).format(rating=rating),
        prompts={aspect: tuple(_(p) for keep, p in _PROMPTS[aspect] if keep) for aspect in ASPECTS},
    )


# --- Rehearsal time -----------------------------------------------------------
# Two minutes is the usual ceiling for a spoken STAR answer: long enough for
# situation, task, action and result, short enough to keep attention. An
# interrupted answer was too long for this interviewer already, so its rehearsal
# target is tighter, which forces cutting to the point.
TARGET_SECONDS = 120
INTERRUPTED_TARGET_SECONDS = 90


def target_seconds(signal: str | None) -> int:
    """Target speaking time for rehearsing an answer that received `signal`."""
    _check(signal, SIGNALS, "signal")
    return INTERRUPTED_TARGET_SECONDS if signal == "interrupted" else TARGET_SECONDS


# --- Suggested actions --------------------------------------------------------
class AskFacts(NamedTuple):
    question: str
    signal: str | None
    self_score: int | None
    cause: str | None


class StoryUseFacts(NamedTuple):
    title: str
    use: str  # a key of STORY_USES
    missed_reason: str | None = None  # a key of MISSED_REASONS, for a missed story
    bridge_question: str | None = None  # where the missed story could have been told


@dataclass(frozen=True)
class ReviewFacts:
    """The facts of one review that actions are suggested from.

    Plain tuples are accepted for asks and story uses, in the field order of
    AskFacts and StoryUseFacts.
    """

    overall_rating: int | None = None
    interviewer_reaction: str | None = None
    asks: Sequence[AskFacts | tuple[str, str | None, int | None, str | None]] = ()
    harmony: int | None = None  # 1 (strained) to 5 (harmonious)
    pace: str | None = None
    advice: str | None = ""
    referral: str | None = ""
    led_by_interviewer: bool = False
    story_uses: Sequence[StoryUseFacts | tuple] = ()
    nerves: str | None = None  # a key of NERVES


@dataclass(frozen=True)
class SuggestedAction:
    aspect: str  # a key of ASPECTS
    source: str  # a key of ACTION_SOURCES
    text: str


HARMONY_LEVELS = range(1, 6)
LOW_HARMONY = 2
# Long question or story text would swamp the sentence around it.
QUOTE_LIMIT = 80


def _quote(text: str, fallback: str | None = None) -> str:
    text = " ".join((text or "").split())
    if not text:
        return fallback if fallback is not None else _("this question")
    if len(text) > QUOTE_LIMIT:
        cut = text[: QUOTE_LIMIT - 1]
        # End on a whole word where there are spaces; CJK text is cut anywhere.
        if text[QUOTE_LIMIT - 1] != " " and " " in cut[QUOTE_LIMIT // 2 :]:
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip() + "…"
    # English quotes a question in single quotes; Chinese in its own full-width ones.
    return pgettext("quoted question", "'{text}'").format(text=text)


_CJK_END = re.compile(f"[{CJK_CHARS}]$")


def _sentence(text: str) -> str:
    """The candidate's text as a sentence: a full stop added, a Chinese one where the
    text ends in Chinese or the sentence around it is Chinese."""
    text = " ".join((text or "").split())
    if text[-1:] in ".!?。！？":
        return text
    return f"{text}。" if _CJK_END.search(text) or i18n.is_chinese() else f"{text}."


_SIGNAL_ACTIONS = {
    "interrupted": N_("Rehearse {q} within {seconds} seconds: you were interrupted."),
    "confused": N_(
        "Make your answer to {q} clearer: the interviewer seemed confused. "
        "Clarify the doubtful parts and add a concrete example."
    ),
    "probed": N_(
        "Prepare evidence for {q}: the interviewer probed for details. Note the background, "
        "the problem and what you did yourself, with numbers."
    ),
}
# Used when the cause is the only reason the ask is weak.
_CAUSE_ACTIONS = {
    "unprepared": N_("Prepare the content for {q}: you had not prepared for it."),
    "wording": N_("Refine the wording of {q}: write the answer out, then tighten it."),
    "did_not_know": N_(
        "Learn the subject behind {q}, then write a short answer you could give next time."
    ),
}
# Used after a signal's sentence, which already names the question.
_CAUSE_ADDENDA = {
    "unprepared": N_("You had not prepared for it, so prepare the content first."),
    "wording": N_("Refine the wording too: write it out, then tighten it."),
    "did_not_know": N_("Learn the subject behind it first."),
}


def _ask_action(ask: AskFacts) -> str | None:
    q = _quote(ask.question)
    cause = (ask.cause or None) if asks_cause(ask.self_score) else None
    if is_strong_answer(ask.self_score, ask.signal, cause):
        return _("Keep your answer to {q} and say it more concisely: it worked.").format(q=q)
    if is_doubted_ask(ask.self_score, ask.signal, cause):
        score = SELF_SCORES[ask.self_score].lower()  # type: ignore[index]
        return _(
            "Prepare evidence for {q}: you scored your answer {score}, yet the interviewer "
            "probed for details. Note the background, the problem, what you did yourself "
            "and the proof."
        ).format(q=q, score=score)
    if not is_weak_ask(ask.self_score, ask.signal, cause):
        return None
    if ask.signal in _SIGNAL_ACTIONS:
        text = _(_SIGNAL_ACTIONS[ask.signal]).format(q=q, seconds=target_seconds(ask.signal))
        return wording.sentences(text, _(_CAUSE_ADDENDA[cause])) if cause else text
    if cause:
        return _(_CAUSE_ACTIONS[cause]).format(q=q)
    score = SELF_SCORES[ask.self_score].lower()  # type: ignore[index]
    return _("Rewrite your answer to {q} and rehearse it: you scored it {score}.").format(
        q=q, score=score
    )


def _validate(review: ReviewFacts, asks: list[AskFacts], stories: list[StoryUseFacts]) -> None:
    _check(review.overall_rating, OVERALL_RATINGS, "overall rating")
    _check(review.interviewer_reaction, INTERVIEWER_REACTIONS, "interviewer reaction")
    _check(review.harmony, HARMONY_LEVELS, "harmony")
    _check(review.pace, PACES, "pace")
    _check(review.nerves, NERVES, "nerves")
    for ask in asks:
        _check(ask.signal, SIGNALS, "signal")
        _check(ask.self_score, SELF_SCORES, "self score")
        _check(ask.cause or None, CAUSES, "cause")
    for story in stories:
        _check(story.use, STORY_USES, "story use", optional=False)
        _check(story.missed_reason, MISSED_REASONS, "missed reason")


# Nerves (the candidate's own state): a warm-up routine for a nervous start, rehearsal
# under interview conditions for nerves throughout.
NERVES_ACTIONS = {
    "nervous_start": N_(
        "Warm up before your next interview: you were nervous at the start. Arrive or log "
        "in ten minutes early, say your introduction aloud twice, and have a first question "
        "of your own ready."
    ),
    "nervous_throughout": N_(
        "Rehearse under interview conditions: you were nervous throughout. Do a timed mock "
        "interview aloud, with someone or on a recording, in the days before the next one."
    ),
}


# The bridge to a missed story, by why it was missed and whether the review says where
# it could have been told.
_MISSED_STORY_ACTIONS = {
    ("no_opening", False): N_(
        "Make your own opening for your {title} story: none came. Bring it up when "
        "asked for anything else, or bridge: {bridge}"
    ),
    ("no_opening", True): N_(
        "Make your own opening for your {title} story (for example after {where}): "
        "none came. Bring it up when asked for anything else, or bridge: {bridge}"
    ),
    ("forgot", False): N_(
        "Read your {title} story again before the next interview: you forgot it. "
        "Then bridge to it when it is relevant: {bridge}"
    ),
    ("forgot", True): N_(
        "Read your {title} story again before the next interview: you forgot it. "
        "Then bridge to it when it is relevant (for example after {where}): {bridge}"
    ),
    ("no_bridge", False): N_("Bridge to your {title} story when it is relevant: {bridge}"),
    ("no_bridge", True): N_(
        "Bridge to your {title} story when it is relevant (for example after {where}): {bridge}"
    ),
}


def _missed_story_action(title: str, story: StoryUseFacts) -> str:
    """The bridge to a missed story, fitted to why it was missed and where it fitted."""
    reason = story.missed_reason if story.missed_reason in ("no_opening", "forgot") else "no_bridge"
    template = _MISSED_STORY_ACTIONS[reason, bool(story.bridge_question)]
    return _(template).format(
        title=title,
        where=_quote(story.bridge_question or ""),
        bridge=_("\u201c{line}\u201d").format(line=_(BRIDGING_LINE)),
    )


def suggest_actions(review: ReviewFacts) -> list[SuggestedAction]:
    """Improvement actions the review suggests, in aspect order, then in the order recorded.

    Their text is in the language in use (coach.actions keeps a plan's suggestions
    from coming back in another language).
    """
    asks = [AskFacts(*a) for a in review.asks]
    stories = [StoryUseFacts(*s) for s in review.story_uses]
    _validate(review, asks, stories)
    found: list[SuggestedAction] = []

    def add(aspect: str, source: str, text: str) -> None:
        action = SuggestedAction(aspect, source, text)
        if action not in found:  # the same question asked twice gives one action
            found.append(action)

    # Overall performance: the interviewer's reaction to the interview as a whole.
    if review.interviewer_reaction == "impatient":
        add(
            "overall",
            "suggested",
            _(
                "Lead with your main point in every answer: the interviewer seemed impatient. "
                "Offer detail only when asked."
            ),
        )
    elif review.interviewer_reaction == "questioning":
        add(
            "overall",
            "suggested",
            _(
                "Back up your claims: the interviewer seemed doubtful. Prepare a number or an "
                "example for each of your main experiences."
            ),
        )
    if review.nerves in NERVES_ACTIONS:
        add("overall", "suggested", _(NERVES_ACTIONS[review.nerves]))

    # Questions and answers: one action per weak (or strong) answer.
    for ask in asks:
        text = _ask_action(ask)
        if text:
            add("questions", "suggested", text)

    # The relationship: pace, harmony, then what the interviewer offered.
    if review.pace == "too_fast":
        add(
            "relationship",
            "suggested",
            _(
                "Slow down: the pace felt too fast. Pause after each question and take a "
                "breath before you answer."
            ),
        )
    elif review.pace == "too_slow":
        add(
            "relationship",
            "suggested",
            _(
                "Pick up the pace: the conversation felt slow. Lead with your main point and "
                "keep answers short."
            ),
        )
    if review.harmony is not None and review.harmony <= LOW_HARMONY:
        add(
            "relationship",
            "suggested",
            _(
                "Make the next conversation more two-way: after a longer answer, ask "
                "'Does that answer your question?', and prepare questions of your own."
            ),
        )
    if (review.advice or "").strip():
        add(
            "relationship",
            "advice",
            _("Act on the interviewer's advice: {advice}").format(advice=_sentence(review.advice)),
        )
    if (review.referral or "").strip():
        add(
            "relationship",
            "referral",
            _(
                "Follow up on the referral: {referral} Thank the interviewer and ask to be "
                "put in touch."
            ).format(referral=_sentence(review.referral)),
        )

    # Strengths told or missed.
    if review.led_by_interviewer:
        add(
            "strengths",
            "suggested",
            _(
                "Steer towards your strengths: you were led entirely by the interviewer. Pick "
                "two stories you will bring up yourself next time."
            ),
        )
    for story in stories:
        title = _quote(story.title, fallback=_("prepared"))
        if story.use == "missed":
            add("strengths", "bridge", _missed_story_action(title, story))
        elif story.use == "partly":
            add(
                "strengths",
                "suggested",
                _(
                    "Tell your {title} story in full next time: situation, task, what you "
                    "did, and the result."
                ).format(title=title),
            )
    order = list(ASPECTS)
    # sorted() is stable, so actions keep their recorded order within an aspect.
    return sorted(found, key=lambda a: order.index(a.aspect))


# --- Question matching --------------------------------------------------------
@dataclass(frozen=True)
class Match:
    question_id: int
    text: str
    score: float  # 0-100


# WRatio rather than token_set_ratio: token_set_ratio scores 100 whenever one
# text's words are a subset of the other's, so "Why?" would match every "Why ..."
# question. WRatio blends plain, partial and token-based ratios and scales the
# partial ones down when lengths differ, which tolerates reworded or reordered
# questions without that trap. It works on characters, so CJK text (no spaces
# between words) is compared character by character.
# The threshold sits just above 85.5: WRatio gives exactly that to any two texts whose
# lengths differ by 1.5x or more and that share a single word ("you"), since its
# partial token-set ratio is 100 for any shared token, scaled by 0.95 * 0.9. Real
# rewordings score 90 and up in our checks.
MATCH_THRESHOLD = 86.0
MATCH_LIMIT = 3

_SPACE_IN_CJK = re.compile(f"(?<=[{CJK_CHARS}])\\s+(?=[{CJK_CHARS}])")


# Matching a question normalises the whole bank; a transcript's fifty questions against
# a bank of a thousand did it 50,000 times (1.6 s), the cache makes it a thousand.
@functools.lru_cache(maxsize=20_000)
def normalise_question(text: str) -> str:
    """Case-, width-, punctuation- and spacing-insensitive form of a question."""
    # NFKC folds full-width letters and punctuation (？ → ?) into their plain forms.
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    text = " ".join(text.split())
    # Korean spacing varies between writers (해 주세요 / 해주세요); CJK runs have
    # no meaningful spaces for matching.
    return _SPACE_IN_CJK.sub("", text)


def match_question(
    text: str, bank: Sequence[tuple[int, str]], threshold: float = MATCH_THRESHOLD
) -> list[Match]:
    """Bank questions that are probably `text` asked again: best first, at most three."""
    query = normalise_question(text)
    if not query:
        return []
    choices = [normalise_question(t) for _, t in bank]
    hits = process.extract(query, choices, scorer=fuzz.WRatio, score_cutoff=threshold, limit=None)
    # Equal scores keep bank order, so the result never depends on the library's tie order.
    hits.sort(key=lambda hit: (-hit[1], hit[2]))
    return [
        Match(bank[index][0], bank[index][1], round(score, 1))
        for _, score, index in hits[:MATCH_LIMIT]
    ]
