"""A heavy user's journal, made in seconds: ten years of interviews for `scripts/bench`.

`build_heavy(cur, now, factor)` fills an empty, migrated journal with `factor` times
the "heavy user" of DESIGN.md: 500 interviews, 10,000 asks and 100,000 rehearsals,
with companies, questions, reviews, stories, story uses, actions, answers, cards and
prediction snapshots in proportion. Every table is filled by one set-based statement
(`INSERT … SELECT … FROM range(n)`); the "random" choices are hashes of the row
number and a salt, so the same `now` and `factor` always give the same journal.

Dates run over the ten years before `now`, with a few interviews still to come; the
most recent held interviews are not reviewed yet, and every card's fsrs columns are
consistent with its rehearsals (reps, last review, due after the last review).
Explicit ids are written, then each id sequence is advanced past them, so the app
can add rows to a generated journal as to any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from math import gcd

import duckdb

from coach import vocabulary as v
from coach.review_rules import DEEP_MINUTES, REFINE_MINUTES

VERSION = 2  # bump whenever the generated content changes (bench caches key on it)


@dataclass(frozen=True)
class Shape:
    """How many rows of each kind a generated journal holds."""

    companies: int
    interviews: int
    upcoming: int
    questions: int
    asks: int
    stories: int
    rehearsals: int

    @classmethod
    def heavy(cls, factor: float = 1) -> Shape:
        """`factor` times the heavy user (factor 1: 500 interviews, 10k asks, 100k rehearsals)."""

        def scaled(n: int, least: int) -> int:
            return max(least, round(n * factor))

        return cls(
            companies=scaled(120, 3),
            interviews=scaled(500, 6),
            upcoming=max(2, round(4 + factor)),
            questions=scaled(1_200, 60),
            asks=scaled(10_000, 40),
            stories=scaled(40, 4),
            rehearsals=scaled(100_000, 50),
        )


ROLES = [
    "Financial Analyst", "FP&A Analyst", "Senior FP&A Analyst", "Finance Business Partner",
    "Senior Finance Business Partner", "Group Reporting Accountant", "Management Accountant",
    "Finance Manager", "Commercial Finance Manager", "Head of FP&A",
]  # fmt: skip
ROUNDS = [
    "Recruiter screen", "Phone screen", "First round", "Hiring manager", "Case study",
    "Second round", "Panel", "Final round",
]  # fmt: skip
PEOPLE = [
    "Dana Whitfield", "Raj Patel", "Helen Moore", "Priya Nair", "Tom Becker", "Mark Ellison",
    "Wei Zhang", "Sophie Laurent", "James O'Connor", "Karen Douglas", "Ruth Adeyemi",
    "Chen Lu", "Grace Mitchell", "Daniel Okafor", "Maya Lin", "Oskar Berg",
]  # fmt: skip
NAME_FIRST = [
    "Northwind", "Kestrel", "Bluegate", "Meridian", "Alder", "Solstice", "Tessellate",
    "Harbour", "Granite", "Silverline", "Copperfield", "Lumen", "Oakridge", "Pioneer",
    "Quarry", "Redwood", "Summit", "Tidewater", "Vantage", "Willow",
]  # fmt: skip
NAME_SECOND = [
    "Logistics", "Insurance", "Packaging", "Health", "Retail", "Energy", "Software",
    "Foods", "Pharma", "Telecom", "Bank", "Motors", "Media", "Chemicals", "Hotels",
    "Airlines", "Utilities", "Consulting", "Textiles", "Robotics",
]  # fmt: skip
NAME_THIRD = ["Group", "plc", "Ltd", "Holdings", "Partners", "International"]
# (dimension, stem): every question is a stem about a topic in a context.
STEMS = [
    ("career_planning", "Where do you see your career going, given {topic}"),
    ("career_planning", "Why move into business partnering, considering {topic}"),
    ("career_planning", "What would you learn first about {topic}"),
    ("past_experience", "Walk me through your own work on {topic}"),
    ("past_experience", "What exactly did you change in {topic}, and what was the result"),
    ("past_experience", "Tell me about a time {topic} went wrong on your watch"),
    ("past_experience", "Which numbers prove your impact on {topic}"),
    ("professional_ability", "How would you build a model for {topic}"),
    ("professional_ability", "How would you investigate a variance in {topic}"),
    ("professional_ability", "Which KPIs would you report for {topic}"),
    ("professional_ability", "How would you explain {topic} to a non-finance manager"),
    ("professional_ability", "How would you improve {topic} in our business"),
    ("motivation_fit", "Why does {topic} here interest you"),
    ("motivation_fit", "How would you cope with our pace on {topic}"),
    ("behavioural", "Tell me about persuading a manager about {topic}"),
    ("behavioural", "Describe a disagreement over {topic} and how it ended"),
    ("behavioural", "Tell me about a tight deadline on {topic}"),
    ("behavioural", "How did you deliver bad news about {topic}"),
    ("logistics_pay", "What are your expectations regarding {topic}"),
    ("other", "What would you ask us about {topic}"),
]  # fmt: skip
TOPICS = [
    "the month-end close", "the rolling forecast", "working capital", "capital expenditure",
    "IFRS 16 leases", "intercompany reconciliation", "the budget cycle", "cost allocation",
    "unit economics", "pricing", "the board pack", "the ERP migration", "an external audit",
    "cash forecasting", "inventory provisions", "margin analysis", "headcount planning",
    "a business case", "shared services", "supplier terms", "revenue recognition",
    "scenario planning", "the KPI pack", "project finance", "procurement savings",
    "the overtime policy", "FX exposure", "a restructuring", "the audit committee",
    "a new product launch",
]  # fmt: skip
CONTEXTS = [
    "", " in a scale-up", " at a plant", " across three sites", " under a new CFO",
    " with a small team", " in a merger", " for the retail division", " in a downturn",
    " in your first ninety days", " with an offshore team", " for the board",
    " at a hospital group", " in a regulated industry", " with incomplete data",
    " under audit pressure", " during a system change", " for a project portfolio",
    " with a sceptical sales director", " on a tight budget",
]  # fmt: skip
NOTES = [
    "Gave the headline first, then two numbers and what I did myself.",
    "Started with background and took too long to get to the point.",
    "Used the plant example; it landed, but I forgot the result.",
    "Structured it in three steps and checked the time.",
    "Lost the thread halfway and had to restart the explanation.",
    "Answered with an example from last year's forecast, with the saving in figures.",
    "Was vague about my own part; said 'we' too often.",
    "Clear and short; the interviewer moved straight on.",
]
WRONG = [
    "Too long before the point.",
    "No numbers to back the claim.",
    "Did not know the technical detail.",
    "The order of events was muddled.",
    "Could not say what I did personally.",
]
ACTION_TEXTS = {
    "overall": "Open with the 60-second introduction and slow down in the first minutes.",
    "questions": "Rehearse the weak answers within two minutes, numbers first.",
    "relationship": "Ask one question back after each long answer to keep it a conversation.",
    "strengths": "Bridge to the missed story: 'may I tell you about another example?'",
}
SKILLS = ["forecasting", "influence", "automation", "stakeholders", "analysis", "leadership"]

_PSEUDO_RANDOM = """
CREATE OR REPLACE TEMP MACRO u(i, salt) AS (hash(i, salt) % 1000003)::DOUBLE / 1000003;
CREATE OR REPLACE TEMP MACRO pick(items, i, salt) AS
    items[1 + (hash(i, salt) % len(items))::BIGINT];
"""


def build_heavy(cur: duckdb.DuckDBPyConnection, now: datetime, factor: float = 1) -> Shape:
    """Fill an empty, migrated journal; run inside the caller's transaction."""
    shape = Shape.heavy(factor)
    if cur.execute("SELECT count(*) FROM interviews").fetchone()[0]:
        raise ValueError("A heavy journal can only be built into an empty journal.")
    cur.execute(_PSEUDO_RANDOM)
    held = shape.interviews - shape.upcoming
    spread = shape.questions - 10
    if gcd(37, spread) != 1:
        spread -= 1  # keeps the questions of one interview distinct (see asks)
    p = {
        "now": now,
        "companies": shape.companies,
        "interviews": shape.interviews,
        "held": held,
        "questions": shape.questions,
        "asks": shape.asks,
        "stories": shape.stories,
        "rehearsals": shape.rehearsals,
        "spread": spread,
    }

    def run(sql: str, *names: str, **lists) -> None:
        cur.execute(sql, {**{n: p[n] for n in names}, **lists})

    run(
        """
        INSERT INTO companies (id, name, kind, notes, created_at)
        SELECT i + 1,
               $first[1 + j % 20] || ' ' || $second[1 + (j // 20) % 20] || ' '
                   || $third[1 + (j // 400) % 6] || CASE WHEN i >= 2400 THEN ' ' || i ELSE '' END,
               CASE WHEN u(i, 'kind') < 0.4 THEN 'practice'
                    WHEN u(i, 'kind') < 0.85 THEN 'target' ELSE 'undecided' END,
               CASE WHEN u(i, 'notes') < 0.3 THEN 'Met their team at a finance meetup.' ELSE '' END,
               $now - to_days(3660) + to_minutes(i)
        FROM (SELECT i, (i * 7919) % 2400 AS j FROM range($companies) t(i))
        """,
        "now", "companies",
        first=NAME_FIRST, second=NAME_SECOND, third=NAME_THIRD,
    )  # fmt: skip
    # Held interviews spread over ten years (ids in date order); the last few are upcoming.
    run(
        """
        INSERT INTO interviews (id, company_id, role, round, scheduled_at, format, interviewer,
                                outcome, notes, created_at)
        SELECT i + 1, 1 + hash(i, 'company') % $companies, pick($roles, i, 'role'),
               pick($rounds, i, 'round'), moment, pick($formats, i, 'format'),
               pick($people, i, 'who'),
               CASE WHEN i >= $held THEN 'pending'
                    WHEN u(i, 'outcome') < 0.40 THEN 'advanced'
                    WHEN u(i, 'outcome') < 0.85 THEN 'rejected'
                    WHEN u(i, 'outcome') < 0.93 THEN 'offer'
                    WHEN u(i, 'outcome') < 0.97 THEN 'referred' ELSE 'pending' END,
               '', moment - to_days(5)
        FROM (
            SELECT i, date_trunc('hour', CASE
                WHEN i >= $held THEN $now + to_hours(30 + (i - $held) * 53)
                ELSE $now - to_hours(CAST(($held - i) * 87600.0 / $held AS BIGINT) + 20)
                END) AS moment
            FROM range($interviews) t(i)
        )
        """,
        "now", "companies", "held", "interviews",
        roles=ROLES, rounds=ROUNDS, formats=list(v.INTERVIEW_FORMATS), people=PEOPLE,
    )  # fmt: skip
    run(
        """
        INSERT INTO questions (id, text, dimension, created_at)
        SELECT i + 1, replace($stems[1 + j % 20], '{topic}', $topics[1 + (j // 20) % 30])
                   || $contexts[1 + (j // 600) % 20]
                   || CASE WHEN i >= 12000 THEN ' (' || i || ')' ELSE '' END || '?',
               $dims[1 + j % 20], $now - to_days(3700) + to_minutes(i)
        FROM (SELECT i, CASE WHEN i < 12000 THEN (i * 7919) % 12000 ELSE i END AS j
              FROM range($questions) t(i))
        """,
        "now", "questions",
        stems=[s for _, s in STEMS], dims=[d for d, _ in STEMS], topics=TOPICS, contexts=CONTEXTS,
    )  # fmt: skip
    # Asks of held interviews: the first question of an interview is one of ten classics,
    # the others distinct per interview, clustered around a skewed "hot" question.
    run(
        """
        INSERT INTO asks (id, interview_id, question_id, position, answer_notes, self_score,
                          signal, cause, what_went_wrong, created_at)
        SELECT a.i + 1, a.interview, a.question, a.position, pick($notes, a.i, 'notes'),
               a.score, a.signal,
               CASE WHEN a.score <= 2 AND u(a.i, 'cause') < 0.8
                    THEN pick($causes, a.i, 'cause') END,
               CASE WHEN a.score <= 2 THEN pick($wrong, a.i, 'wrong') ELSE '' END,
               iv.scheduled_at + to_hours(5) + to_minutes(3 * a.position)
        FROM (
            SELECT i, interview, position,
                   CASE WHEN position = 1 THEN 1 + hash(interview, 'classic') % 10
                        ELSE 11 + (floor($spread * pow(u(interview, 'hot'), 2))::BIGINT
                                   + position * 37) % $spread END AS question,
                   CASE WHEN s < 0.12 THEN 1 WHEN s < 0.40 THEN 2
                        WHEN s < 0.80 THEN 3 ELSE 4 END AS score,
                   CASE WHEN u(i, 'signal') < 0.25 THEN 'positive'
                        WHEN u(i, 'signal') < 0.60 THEN 'neutral'
                        WHEN u(i, 'signal') < 0.73 THEN 'interrupted'
                        WHEN u(i, 'signal') < 0.85 THEN 'confused' ELSE 'probed' END AS signal
            FROM (
                SELECT i, interview,
                       row_number() OVER (PARTITION BY interview ORDER BY i) AS position,
                       least(0.999, u(i, 'score') * 0.75 + 0.25 * interview / $held) AS s
                FROM (SELECT i, 1 + (i * $held) // $asks AS interview FROM range($asks) t(i))
            )
        ) a JOIN interviews iv ON iv.id = a.interview
        """,
        "held", "asks", "spread",
        notes=NOTES, causes=list(v.CAUSES), wrong=WRONG,
    )  # fmt: skip
    # Reviews: most held interviews, the rating setting the depth; the latest three
    # await a review, and a few reviews were left as drafts.
    run(
        """
        INSERT INTO reviews (interview_id, status, step, depth, overall_rating, self_state,
            self_state_notes, interviewer_reaction, reaction_notes, harmony, pace,
            passionate_topics, advice, referral, led_by_interviewer, started_at, updated_at,
            completed_at)
        SELECT id, status, CASE status WHEN 'completed' THEN 'summary' ELSE 'questions' END,
               CASE WHEN rating <= 2 THEN 'deep' ELSE 'refine' END, rating,
               greatest(1, least(4, rating + (hash(id, 'state') % 3)::INTEGER - 1)),
               'Calmer than last time.', pick($reactions, id, 'reaction'), '',
               1 + hash(id, 'harmony') % 5, pick($paces, id, 'pace'),
               CASE WHEN u(id, 'passion') < 0.5 THEN 'Forecasting with operations.' ELSE '' END,
               CASE WHEN u(id, 'advice') < 0.2
                    THEN 'Lead with the decision the numbers support.' ELSE '' END,
               CASE WHEN u(id, 'referral') < 0.03
                    THEN 'Referred to the finance business-partner team.' ELSE '' END,
               u(id, 'led') < 0.4, started,
               started + to_minutes(CASE WHEN rating <= 2 THEN $deep ELSE $refine END),
               CASE status WHEN 'completed'
                    THEN started + to_minutes(CASE WHEN rating <= 2 THEN $deep ELSE $refine END)
               END
        FROM (
            SELECT id, scheduled_at + to_hours(6) AS started,
                   1 + (hash(id, 'rating') % 4)::INTEGER AS rating,
                   CASE WHEN id > $held - 5 OR u(id, 'draft') < 0.03 THEN 'draft'
                        ELSE 'completed' END AS status
            FROM interviews WHERE id <= $held - 3 AND u(id, 'reviewed') < 0.95
        )
        """,
        "held",
        reactions=list(v.INTERVIEWER_REACTIONS), paces=list(v.PACES),
        deep=DEEP_MINUTES, refine=REFINE_MINUTES,
    )  # fmt: skip
    run(
        """
        INSERT INTO stories (id, title, situation, task, action, result, skills, created_at)
        SELECT i + 1, 'Story ' || (i + 1) || ': ' || $topics[1 + i % 30],
               'The situation around ' || $topics[1 + i % 30] || '.',
               'What I had to achieve.', 'What I did myself, step by step.',
               'The result, in numbers.',
               to_json([pick($skills, i, 's1'), pick($skills, i, 's2')])::VARCHAR,
               $now - to_days(3650) + to_days(i * 3600 // $stories)
        FROM range($stories) t(i)
        """,
        "now", "stories",
        topics=TOPICS, skills=SKILLS,
    )  # fmt: skip
    run(
        """
        INSERT INTO story_uses (interview_id, story_id, use)
        SELECT DISTINCT ON (r.interview_id, story) r.interview_id, story,
               CASE WHEN u(r.interview_id * 3 + k, 'use') < 0.5 THEN 'told'
                    WHEN u(r.interview_id * 3 + k, 'use') < 0.75 THEN 'partly'
                    ELSE 'missed' END
        FROM reviews r, range(3) t(k),
             LATERAL (SELECT 1 + (hash(r.interview_id, 'story') + k * 7) % $stories AS story)
        WHERE u(r.interview_id * 3 + k, 'told') < 0.8
        """,
        "stories",
    )  # fmt: skip
    # Actions: up to one per aspect per reviewed interview; those over a year old are done.
    run(
        """
        INSERT INTO actions (id, interview_id, aspect, source, text, status, created_at, done_at)
        SELECT row_number() OVER (ORDER BY r.interview_id, k), r.interview_id,
               $aspects[k + 1], pick($sources, r.interview_id * 4 + k, 'source'),
               $texts[k + 1], CASE WHEN done THEN 'done' ELSE 'open' END,
               r.started_at + to_minutes(40 + k),
               CASE WHEN done THEN least($now, r.started_at + to_days(3 + k * 5)) END
        FROM reviews r, range(4) t(k),
             LATERAL (SELECT r.started_at < $now - to_days(365)
                             OR u(r.interview_id * 4 + k, 'done') < 0.7 AS done)
        WHERE u(r.interview_id * 4 + k, 'action') < 0.6
        """,
        "now",
        aspects=list(v.ASPECTS), sources=list(v.ACTION_SOURCES),
        texts=[ACTION_TEXTS[a] for a in v.ASPECTS],
    )  # fmt: skip
    # Answers: the wording kept from about half the weak asks, a later rewrite of some.
    run(
        """
        INSERT INTO answers (id, question_id, text, source, ask_id, created_at)
        SELECT row_number() OVER (ORDER BY ask_id, version), question_id, text, source,
               CASE version WHEN 1 THEN ask_id END, created_at
        FROM (
            SELECT a.id AS ask_id, a.question_id, 1 AS version, 'review' AS source,
                   'Headline first: ' || a.answer_notes AS text, a.created_at + to_hours(2)
                   AS created_at
            FROM asks a WHERE a.self_score <= 2 AND u(a.id, 'answer') < 0.5
            UNION ALL
            SELECT a.id, a.question_id, 2, 'rewrite',
                   'Shorter: the decision, two numbers, what I did.',
                   least($now, a.created_at + to_days(7))
            FROM asks a WHERE a.self_score <= 2 AND u(a.id, 'answer') < 0.15
        )
        """,
        "now",
    )  # fmt: skip
    # Predictions: the brief of most reviewed interviews was kept the evening before;
    # it listed about two thirds of the questions then asked, and some that were not.
    cur.execute(
        """
        INSERT INTO predictions (id, interview_id, moment, taken_at, earlier_interviews,
                                 likely_count)
        SELECT row_number() OVER (ORDER BY r.interview_id), r.interview_id, 'shown',
               i.scheduled_at - to_hours(20), r.interview_id - 1,
               12 + hash(r.interview_id, 'likely') % 20
        FROM reviews r JOIN interviews i ON i.id = r.interview_id
        WHERE r.status = 'completed' AND u(r.interview_id, 'brief') < 0.6
        """
    )
    run(
        """
        INSERT INTO predicted_questions (prediction_id, question_id, rank, score, reasons,
                                         to_rehearse, recall)
        SELECT prediction_id, question_id,
               row_number() OVER (PARTITION BY prediction_id ORDER BY n, question_id),
               9 - least(n, 7), '["asked in most interviews so far"]', u(question_id, 'r') < 0.4,
               u(prediction_id * 31 + question_id, 'recall')
        FROM (
            -- Each question once per prediction, at its first place, before ranking:
            -- ranked first, a question listed twice took two ranks in an arbitrary order.
            SELECT * FROM (
                SELECT p.id AS prediction_id, a.question_id, a.position AS n
                FROM predictions p JOIN asks a ON a.interview_id = p.interview_id
                WHERE u(a.id, 'predicted') < 0.65
                UNION ALL
                SELECT p.id, 11 + hash(p.id, k, 'miss') % $spread, 20 + k
                FROM predictions p, range(6) t(k)
            )
            QUALIFY row_number() OVER (PARTITION BY prediction_id, question_id ORDER BY n) = 1
        )
        """,
        "spread",
    )
    _cards_and_rehearsals(cur, p)
    _advance_sequences(cur)
    return shape


def _cards_and_rehearsals(cur: duckdb.DuckDBPyConnection, p: dict) -> None:
    """Cards for questions with a weak ask (and a few by hand), then their rehearsals.

    The rehearsals are drawn first so that each card's counters and fsrs columns can
    be computed from its own history.
    """
    cur.execute(
        """
        CREATE TEMP TABLE heavy_cards AS
        SELECT row_number() OVER (ORDER BY created_at, question_id) AS id, *
        FROM (
            SELECT question_id, 'weak_ask' AS origin,
                   min(created_at) + to_minutes(30) AS created_at
            FROM asks
            WHERE self_score <= 2 OR signal IN ('interrupted', 'confused', 'probed')
               OR cause IS NOT NULL
            GROUP BY question_id
            UNION ALL
            SELECT q.id, 'manual', q.created_at + to_days(1) FROM questions q
            WHERE u(q.id, 'manual') < 0.05
              AND NOT EXISTS (SELECT 1 FROM asks a WHERE a.question_id = q.id
                  AND (a.self_score <= 2 OR a.signal IN ('interrupted', 'confused', 'probed')
                       OR a.cause IS NOT NULL))
        )
        """
    )
    cur.execute(
        "CREATE TEMP TABLE heavy_rehearsals (card_id BIGINT, rated_at TIMESTAMPTZ,"
        " grade SMALLINT, duration_ms INTEGER, attempt VARCHAR)"
    )
    cur.execute(
        """
        INSERT INTO heavy_rehearsals
        SELECT c.id AS card_id,
               c.created_at + to_seconds(CAST(pow(u(r.i, 'when'), 0.3)
                   * epoch($now - to_hours(3) - c.created_at) AS BIGINT)) AS rated_at,
               CASE WHEN u(r.i, 'grade') < 0.12 THEN 1 WHEN u(r.i, 'grade') < 0.32 THEN 2
                    WHEN u(r.i, 'grade') < 0.87 THEN 3 ELSE 4 END AS grade,
               (20 + hash(r.i, 'duration') % 160) * 1000 AS duration_ms,
               CASE WHEN u(r.i, 'attempt') < 0.3 THEN 'Got there, but slowly.' ELSE '' END
                   AS attempt
        FROM (SELECT i, 1 + hash(i, 'card') % (SELECT count(*) FROM heavy_cards) AS card
              FROM range($rehearsals) t(i)) r
        JOIN heavy_cards c ON c.id = r.card
        WHERE c.created_at < $now - to_hours(3)
        """,
        {"now": p["now"], "rehearsals": p["rehearsals"]},
    )
    cur.execute(
        """
        INSERT INTO cards (id, question_id, origin, status, fsrs_state, fsrs_step, stability,
                           difficulty, due, last_review, reps, lapses, is_leech, created_at)
        SELECT c.id, c.question_id, c.origin,
               CASE WHEN u(c.id, 'status') < 0.08 THEN 'retired'
                    WHEN u(c.id, 'status') < 0.11 THEN 'suspended' ELSE 'active' END,
               CASE WHEN h.reps IS NULL THEN 1 ELSE 2 END,
               CASE WHEN h.reps IS NULL THEN 0 END,
               CASE WHEN h.reps IS NOT NULL THEN 0.5 + 200 * pow(u(c.id, 'stability'), 2) END,
               CASE WHEN h.reps IS NOT NULL THEN 1 + 9 * u(c.id, 'difficulty') END,
               CASE WHEN h.reps IS NULL THEN c.created_at
                    ELSE h.last + to_seconds(CAST(86400 * (1 + 200 * pow(u(c.id, 'stability'), 2))
                                                  AS BIGINT)) END,
               h.last, coalesce(h.reps, 0), lapses,
               lapses >= 4, c.created_at
        FROM heavy_cards c
        LEFT JOIN (SELECT card_id, count(*) AS reps, max(rated_at) AS last
                   FROM heavy_rehearsals GROUP BY card_id) h ON h.card_id = c.id,
        LATERAL (SELECT least(coalesce(h.reps, 0),
                              floor(6 * pow(u(c.id, 'lapses'), 4))::INTEGER) AS lapses)
        """
    )
    cur.execute(
        """
        INSERT INTO rehearsals (id, card_id, rated_at, grade, duration_ms, attempt)
        SELECT row_number() OVER (ORDER BY rated_at, card_id), card_id, rated_at, grade,
               duration_ms, attempt
        FROM heavy_rehearsals
        """
    )
    cur.execute("DROP TABLE heavy_cards; DROP TABLE heavy_rehearsals")


SEQUENCES = {
    "company_ids": "companies",
    "interview_ids": "interviews",
    "question_ids": "questions",
    "ask_ids": "asks",
    "answer_ids": "answers",
    "story_ids": "stories",
    "action_ids": "actions",
    "card_ids": "cards",
    "rehearsal_ids": "rehearsals",
    "prediction_ids": "predictions",
}


def _advance_sequences(cur: duckdb.DuckDBPyConnection) -> None:
    """Move each id sequence past the ids written explicitly."""
    for sequence, table in SEQUENCES.items():
        top = cur.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]  # noqa: S608
        if top:
            cur.execute("SELECT max(nextval(?)) FROM range(?)", [sequence, top])
