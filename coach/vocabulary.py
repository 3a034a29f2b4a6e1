"""The words of the review method (DESIGN.md), as values stored in the journal.

Each vocabulary maps a stored key to the label the app shows. The schema's CHECK
constraints are generated from these same tuples, so a key added here is allowed
by the database after the next migration that rebuilds the constraint.
"""

from __future__ import annotations

COMPANY_KINDS = {
    "target": "Target",
    "practice": "Practice",
    "undecided": "Undecided",
}

INTERVIEW_FORMATS = {
    "phone": "Phone",
    "video": "Video call",
    "onsite": "On site",
    "panel": "Panel",
    "take_home": "Take-home / assessment",
}

OUTCOMES = {
    "pending": "Pending",
    "advanced": "Advanced",
    "rejected": "Rejected",
    "offer": "Offer",
    "referred": "Referred elsewhere",
}

# Overall rating of an interview: four levels, as the method names them.
OVERALL_RATINGS = {
    1: "Dissatisfied",
    2: "Basically satisfied",
    3: "Satisfied",
    4: "Very satisfied",
}

# How confidently did I show my experience and abilities?
SELF_STATES = {
    1: "Hesitant",
    2: "Uneven",
    3: "Mostly confident",
    4: "Confident throughout",
}

# Nerves, the other half of the candidate's own state: "nervous at the start" is
# common, and a warm-up routine before the next interview is its fix.
NERVES = {
    "calm": "Calm",
    "nervous_start": "Nervous at the start",
    "nervous_throughout": "Nervous throughout",
}

INTERVIEWER_REACTIONS = {
    "positive": "Positive",
    "neutral": "Neutral",
    "impatient": "Impatient",
    "questioning": "Questioning",
}

# Seeded dimensions; the user can add more (the dimensions table is extensible).
DIMENSIONS = {
    "career_planning": "Career planning",
    "past_experience": "Past-experience verification",
    "professional_ability": "Professional ability",
    "motivation_fit": "Motivation and fit",
    "behavioural": "Behavioural",
    "logistics_pay": "Logistics and pay",
    "other": "Other",
}

SIGNALS = {
    "positive": "Positive",
    "neutral": "Neutral",
    "interrupted": "Interrupted",
    "confused": "Confused",
    "probed": "Probed for details",
}

# Self score of one answer: the bottom two levels are weak.
SELF_SCORES = {
    1: "Poor",
    2: "Weak",
    3: "Good",
    4: "Strong",
}

CAUSES = {
    "unprepared": "Unprepared",
    "wording": "Wording not refined",
    "did_not_know": "Did not know",
}

STORY_USES = {
    "told": "Told fully",
    "partly": "Told partly",
    "missed": "Missed",
}

# Why a relevant story was missed: each has its own fix in the plan.
MISSED_REASONS = {
    "no_opening": "No opening came",
    "no_bridge": "I did not bridge to it",
    "forgot": "I forgot it",
}

ASPECTS = {
    "overall": "Overall performance",
    "questions": "Questions and answers",
    "relationship": "The interview relationship",
    "strengths": "Strengths told or missed",
}

ACTION_STATUSES = {"open": "Open", "done": "Done"}

ACTION_SOURCES = {
    "suggested": "Suggested by the review",
    "own": "My own",
    "advice": "Interviewer's advice",
    "referral": "Referral follow-up",
    "bridge": "Bridge to a missed story",
}

PACES = {
    "too_slow": "Too slow",
    "right": "About right",
    "too_fast": "Too fast",
}

REVIEW_STATUSES = {"draft": "Draft", "completed": "Completed"}

# The guided review's steps, in order: a draft remembers the one it is on.
REVIEW_STEPS = {
    "overall": "Overall performance",
    "questions": "Questions and answers",
    "relationship": "Relationship",
    "strengths": "Strengths",
    "plan": "Improvement plan",
    "summary": "Summary",
}
REVIEW_DEPTHS = {"deep": "Deep review", "refine": "Refine your strengths"}

# What a card rehearses: a better answer, or the evidence behind a good answer the
# interviewer probed (background, problem, what I did, evidence).
CARD_KINDS = {
    "answer": "Rehearse the answer",
    "evidence": "Prepare evidence",
}

CARD_STATUSES = {
    "active": "Active",
    "suspended": "Suspended",
    "retired": "Retired",
}

# fsrs Rating values.
GRADES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}

ANSWER_SOURCES = {
    "review": "Kept from a review",
    "rehearsal": "Saved from a rehearsal",
    "rewrite": "Rewritten",
    "manual": "Written by hand",
}

# When a brief's prediction was kept (coach.predictions), as its scorecard says it.
PREDICTION_MOMENTS = {
    "shown": "when you first opened it",
    "downloaded": "when you downloaded it",
    "day": "on the interview's day",
}

# How a kept transcript was written (coach.transcripts).
TRANSCRIPT_FORMATS = {"vtt": "WebVTT", "srt": "SRT", "text": "Plain text"}
