"""Numbered schema migrations: an append-only list, each applied in one transaction.

Never edit a migration that has shipped; add the next one. `coach.db.migrate` records
each applied migration in `schema_migrations`, so the highest number there is the
journal's schema version.

DuckDB limits that shape this schema (measured on duckdb 2.0):
- Updating a column that carries any index (UNIQUE or a plain CREATE INDEX) in a row
  that another table references fails with a foreign-key error, because DuckDB
  rewrites indexed rows as delete + insert. So referenced tables (companies,
  interviews, questions, asks, stories, cards) index only their primary key, and
  uniqueness of names is enforced by the domain code instead. `UPDATE … RETURNING`
  on a referenced row fails the same way, so updates check existence with a SELECT.
  A foreign-key column is indexed too, so it cannot change in a referenced row: an
  interview with a review keeps its company, and `questions.dimension` (which must
  stay editable) is checked by the domain code rather than by a foreign key.
- Deleting child rows and then their parent inside one transaction also fails;
  deletes run child-first as separate statements (see `coach.interviews`).
- `ALTER TABLE … ADD COLUMN` works on referenced tables (and fills a volatile default
  such as `uuid()` with a distinct value per existing row), but not with NOT NULL or
  CHECK, and `ALTER COLUMN … SET NOT NULL` is refused on a referenced table.

Row identity (m002), the convention every exported table follows, so that merging
one journal into another never mistakes one row for another (coach.merge):
- A table whose rows have their own id from a sequence carries
  `uid UUID DEFAULT uuid()`: a random identity made when the row is created, the
  same in every journal the row is exported to. Ids stay local to one journal
  (both journals number from 1); the export carries uids, and an import matches on
  them. Code that inserts rows never names `uid`: the default makes it.
- A table whose rows exist once per parent (reviews: one per interview; story_uses:
  one per interview and story) is identified by its parents' identities, so it
  needs no uid; its primary key is made of its foreign keys.
- A table keyed by a fixed text key (settings, dimensions) is identified by the key.
A new table follows the first rule if its rows have their own id (create it with
the `uid` column; no migration needs to fill it), the second if they exist once per
parent; either way it is listed in coach.transfer.TABLES (parents before children)
and its foreign keys in coach.transfer.REFERENCES, and the import handles it.
No index on uid: DuckDB refuses updates of indexed columns in referenced rows, and
an import looks identities up in one query per table.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from coach import vocabulary as v


def _allowed(column: str, vocabulary: dict) -> str:
    """A CHECK clause allowing NULL or one of the vocabulary's keys."""
    keys = ", ".join(repr(k) if isinstance(k, str) else str(k) for k in vocabulary)
    return f"CHECK ({column} IS NULL OR {column} IN ({keys}))"


def m001_journal(cur: duckdb.DuckDBPyConnection) -> None:
    """The whole domain model of DESIGN.md."""
    statements = f"""
    CREATE TABLE journal_meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    );
    CREATE TABLE settings (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL          -- JSON text
    );

    CREATE SEQUENCE company_ids START 1;
    CREATE TABLE companies (
        id BIGINT PRIMARY KEY DEFAULT nextval('company_ids'),
        name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
        kind VARCHAR NOT NULL DEFAULT 'undecided' {_allowed("kind", v.COMPANY_KINDS)},
        notes VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    );

    CREATE SEQUENCE interview_ids START 1;
    CREATE TABLE interviews (
        id BIGINT PRIMARY KEY DEFAULT nextval('interview_ids'),
        company_id BIGINT NOT NULL REFERENCES companies (id),
        role VARCHAR NOT NULL DEFAULT '',
        round VARCHAR NOT NULL DEFAULT '',
        scheduled_at TIMESTAMPTZ NOT NULL,
        format VARCHAR NOT NULL DEFAULT 'video' {_allowed("format", v.INTERVIEW_FORMATS)},
        interviewer VARCHAR NOT NULL DEFAULT '',
        outcome VARCHAR NOT NULL DEFAULT 'pending' {_allowed("outcome", v.OUTCOMES)},
        notes VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    );

    -- One review per interview; a draft until completed. `step` remembers where the
    -- candidate was, so a refresh or a closed tab resumes there.
    CREATE TABLE reviews (
        interview_id BIGINT PRIMARY KEY REFERENCES interviews (id),
        status VARCHAR NOT NULL DEFAULT 'draft' {_allowed("status", v.REVIEW_STATUSES)},
        step VARCHAR NOT NULL DEFAULT 'overall',
        depth VARCHAR CHECK (depth IS NULL OR depth IN ('deep', 'refine')),
        overall_rating SMALLINT {_allowed("overall_rating", v.OVERALL_RATINGS)},
        self_state SMALLINT {_allowed("self_state", v.SELF_STATES)},
        self_state_notes VARCHAR NOT NULL DEFAULT '',
        interviewer_reaction VARCHAR
            {_allowed("interviewer_reaction", v.INTERVIEWER_REACTIONS)},
        reaction_notes VARCHAR NOT NULL DEFAULT '',
        harmony SMALLINT CHECK (harmony IS NULL OR harmony BETWEEN 1 AND 5),
        pace VARCHAR {_allowed("pace", v.PACES)},
        passionate_topics VARCHAR NOT NULL DEFAULT '',
        advice VARCHAR NOT NULL DEFAULT '',
        referral VARCHAR NOT NULL DEFAULT '',
        led_by_interviewer BOOLEAN,
        -- The suggested actions already offered, as a JSON array of [aspect, text], so
        -- one the candidate deleted or reworded is never offered again.
        offered_actions VARCHAR NOT NULL DEFAULT '[]',
        started_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        completed_at TIMESTAMPTZ
    );

    CREATE TABLE dimensions (
        key VARCHAR PRIMARY KEY,
        label VARCHAR NOT NULL CHECK (length(trim(label)) > 0),
        position INTEGER NOT NULL,
        builtin BOOLEAN NOT NULL DEFAULT false
    );

    CREATE SEQUENCE question_ids START 1;
    CREATE TABLE questions (
        id BIGINT PRIMARY KEY DEFAULT nextval('question_ids'),
        text VARCHAR NOT NULL CHECK (length(trim(text)) > 0),
        -- No foreign key: DuckDB could then never re-classify a question that asks
        -- reference (see above). coach.questions checks the key against dimensions.
        dimension VARCHAR NOT NULL DEFAULT 'other',
        created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    );

    CREATE SEQUENCE ask_ids START 1;
    CREATE TABLE asks (
        id BIGINT PRIMARY KEY DEFAULT nextval('ask_ids'),
        interview_id BIGINT NOT NULL REFERENCES interviews (id),
        question_id BIGINT NOT NULL REFERENCES questions (id),
        position INTEGER NOT NULL,
        answer_notes VARCHAR NOT NULL DEFAULT '',
        self_score SMALLINT {_allowed("self_score", v.SELF_SCORES)},
        signal VARCHAR {_allowed("signal", v.SIGNALS)},
        cause VARCHAR {_allowed("cause", v.CAUSES)},
        what_went_wrong VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    );

    -- The candidate's best wording of an answer, kept as versions over time.
    CREATE SEQUENCE answer_ids START 1;
    CREATE TABLE answers (
        id BIGINT PRIMARY KEY DEFAULT nextval('answer_ids'),
        question_id BIGINT NOT NULL REFERENCES questions (id),
        text VARCHAR NOT NULL CHECK (length(trim(text)) > 0),
        source VARCHAR NOT NULL DEFAULT 'manual' {_allowed("source", v.ANSWER_SOURCES)},
        ask_id BIGINT REFERENCES asks (id),
        created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    );

    CREATE SEQUENCE story_ids START 1;
    CREATE TABLE stories (
        id BIGINT PRIMARY KEY DEFAULT nextval('story_ids'),
        title VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
        situation VARCHAR NOT NULL DEFAULT '',
        task VARCHAR NOT NULL DEFAULT '',
        action VARCHAR NOT NULL DEFAULT '',
        result VARCHAR NOT NULL DEFAULT '',
        -- A JSON array of texts, not a LIST column: DuckDB rewrites any update of a
        -- nested value as delete + insert, which story_uses' foreign key refuses.
        skills VARCHAR NOT NULL DEFAULT '[]'
            CHECK (json_valid(skills) AND json_type(skills) = 'ARRAY'),
        created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    );

    CREATE TABLE story_uses (
        interview_id BIGINT NOT NULL REFERENCES interviews (id),
        story_id BIGINT NOT NULL REFERENCES stories (id),
        use VARCHAR NOT NULL {_allowed("use", v.STORY_USES)},
        PRIMARY KEY (interview_id, story_id)
    );

    CREATE SEQUENCE action_ids START 1;
    CREATE TABLE actions (
        id BIGINT PRIMARY KEY DEFAULT nextval('action_ids'),
        interview_id BIGINT REFERENCES interviews (id),
        aspect VARCHAR NOT NULL {_allowed("aspect", v.ASPECTS)},
        source VARCHAR NOT NULL DEFAULT 'own' {_allowed("source", v.ACTION_SOURCES)},
        text VARCHAR NOT NULL CHECK (length(trim(text)) > 0),
        status VARCHAR NOT NULL DEFAULT 'open' {_allowed("status", v.ACTION_STATUSES)},
        created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        done_at TIMESTAMPTZ,
        CHECK ((status = 'done') = (done_at IS NOT NULL))
    );

    -- A question under rehearsal, with its fsrs scheduler state in plain columns so
    -- that queues and forecasts aggregate in SQL. One card per question.
    CREATE SEQUENCE card_ids START 1;
    CREATE TABLE cards (
        id BIGINT PRIMARY KEY DEFAULT nextval('card_ids'),
        question_id BIGINT NOT NULL UNIQUE REFERENCES questions (id),
        origin VARCHAR NOT NULL DEFAULT 'manual' CHECK (origin IN ('weak_ask', 'manual')),
        status VARCHAR NOT NULL DEFAULT 'active' {_allowed("status", v.CARD_STATUSES)},
        fsrs_state SMALLINT NOT NULL DEFAULT 1 CHECK (fsrs_state BETWEEN 1 AND 3),
        fsrs_step INTEGER,
        stability DOUBLE,
        difficulty DOUBLE,
        due TIMESTAMPTZ NOT NULL,
        last_review TIMESTAMPTZ,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        is_leech BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    );

    CREATE SEQUENCE rehearsal_ids START 1;
    CREATE TABLE rehearsals (
        id BIGINT PRIMARY KEY DEFAULT nextval('rehearsal_ids'),
        card_id BIGINT NOT NULL REFERENCES cards (id),
        rated_at TIMESTAMPTZ NOT NULL,
        grade SMALLINT NOT NULL {_allowed("grade", v.GRADES)},
        duration_ms INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
        attempt VARCHAR NOT NULL DEFAULT '',
        audio BLOB
    );
    CREATE INDEX rehearsals_card ON rehearsals (card_id);
    CREATE INDEX rehearsals_rated_at ON rehearsals (rated_at);
    """
    cur.execute(statements)
    cur.executemany(
        "INSERT INTO dimensions (key, label, position, builtin) VALUES (?, ?, ?, true)",
        # Stored in English whatever language is in use: builtin rows are named from the
        # vocabulary when shown, and a journal must not depend on who created it.
        [(key, v.DIMENSIONS.english(key), i) for i, key in enumerate(v.DIMENSIONS)],
    )


# The tables whose rows had their own id when m002 shipped; see "Row identity" above.
# (A table made later has its uid from its creation: coach.tables tells which have one.)
IDENTIFIED_BY_UID = (
    "companies",
    "interviews",
    "questions",
    "asks",
    "answers",
    "stories",
    "actions",
    "cards",
    "rehearsals",
)


def m002_row_identities(cur: duckdb.DuckDBPyConnection) -> None:
    """A uid on every row that has its own id; existing rows get theirs now.

    About 0.3 s for a journal of a million rehearsals (measured on duckdb 2.0.1).
    """
    for table in IDENTIFIED_BY_UID:
        cur.execute(f"ALTER TABLE {table} ADD COLUMN uid UUID DEFAULT uuid()")


def m003_predictions(cur: duckdb.DuckDBPyConnection) -> None:
    """Prediction snapshots: the brief's likely questions as they stood before an interview.

    Kept when the brief is first shown, when it is downloaded and on the interview's day
    (coach.predictions); never changed afterwards, so the review can compare them with
    the questions asked. `interview_id` has no foreign key: with one, DuckDB would
    refuse to move a booked interview to another company once its brief was shown
    (see above); coach.deletion removes an interview's snapshots with it. Row identity
    as above: a prediction has its own id, so a uid; a predicted question exists once
    per prediction and question, so its parents identify it.
    """
    cur.execute(
        """
        CREATE SEQUENCE prediction_ids START 1;
        CREATE TABLE predictions (
            id BIGINT PRIMARY KEY DEFAULT nextval('prediction_ids'),
            interview_id BIGINT NOT NULL,
            moment VARCHAR NOT NULL CHECK (moment IN ('shown', 'downloaded', 'day')),
            taken_at TIMESTAMPTZ NOT NULL,
            earlier_interviews INTEGER NOT NULL CHECK (earlier_interviews >= 0),
            likely_count INTEGER NOT NULL CHECK (likely_count >= 0),
            uid UUID DEFAULT uuid()
        );
        CREATE TABLE predicted_questions (
            prediction_id BIGINT NOT NULL REFERENCES predictions (id),
            question_id BIGINT NOT NULL REFERENCES questions (id),
            rank INTEGER NOT NULL,
            score INTEGER NOT NULL,
            -- The reasons in words, as the brief showed them: a JSON array of texts.
            reasons VARCHAR NOT NULL DEFAULT '[]'
                CHECK (json_valid(reasons) AND json_type(reasons) = 'ARRAY'),
            to_rehearse BOOLEAN NOT NULL,
            recall DOUBLE,
            PRIMARY KEY (prediction_id, question_id)
        );
        """
    )


def m004_transcripts_and_calendars(cur: duckdb.DuckDBPyConnection) -> None:
    """What a call's transcript and a calendar invitation bring (coach.transcripts,
    coach.calendars): an answer's speaking time measured from the transcript's cue
    times, the transcript itself when the candidate chooses to keep it, and the
    identity (UID) of the calendar event an interview was imported from, so importing
    the same calendar again recognises it."""
    cur.execute(
        f"""
        -- NULL: the answer was typed, not measured. No CHECK: asks are referenced.
        ALTER TABLE asks ADD COLUMN answer_ms INTEGER;
        ALTER TABLE interviews ADD COLUMN calendar_uid VARCHAR;

        CREATE SEQUENCE transcript_ids START 1;
        CREATE TABLE transcripts (
            id BIGINT PRIMARY KEY DEFAULT nextval('transcript_ids'),
            uid UUID DEFAULT uuid(),
            interview_id BIGINT NOT NULL REFERENCES interviews (id),
            file_name VARCHAR NOT NULL DEFAULT '',
            format VARCHAR NOT NULL {_allowed("format", v.TRANSCRIPT_FORMATS)},
            candidate VARCHAR NOT NULL DEFAULT '',  -- the speaker who is the candidate
            text VARCHAR NOT NULL CHECK (length(trim(text)) > 0),
            imported_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
        );
        """
    )


def m005_method_fields(cur: duckdb.DuckDBPyConnection) -> None:
    """The review method's own fields, which used to go to free text (issue 13).

    - asks: for an answer the interviewer probed, the evidence to prepare:
      `background`, `problem`, `my_actions` (what I did) and `evidence`.
    - story_uses: for a missed story, why (`missed_reason`, a key of
      vocabulary.MISSED_REASONS) and the ask of this interview where it could have
      been told (`bridge_ask_id`; no foreign key, which ALTER cannot add: coach.reviews
      lets go of it before an ask is deleted, and coach.tables lists it for the import).
    - reviews: `nerves`, the candidate's nerves (vocabulary.NERVES) beside self_state.
    - cards: `kind`, what the card rehearses (vocabulary.CARD_KINDS): a better answer,
      or the evidence for an answer that was good but probed.
    No NOT NULL or CHECK (refused by ALTER on referenced tables): coach.fields holds
    their rules, checked by the forms and the import alike. Row identity is unchanged:
    no new table.
    """
    cur.execute(
        """
        ALTER TABLE asks ADD COLUMN background VARCHAR DEFAULT '';
        ALTER TABLE asks ADD COLUMN problem VARCHAR DEFAULT '';
        ALTER TABLE asks ADD COLUMN my_actions VARCHAR DEFAULT '';
        ALTER TABLE asks ADD COLUMN evidence VARCHAR DEFAULT '';
        ALTER TABLE story_uses ADD COLUMN missed_reason VARCHAR;
        ALTER TABLE story_uses ADD COLUMN bridge_ask_id BIGINT;
        ALTER TABLE reviews ADD COLUMN nerves VARCHAR;
        ALTER TABLE cards ADD COLUMN kind VARCHAR DEFAULT 'answer';
        """
    )


MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [
    m001_journal,
    m002_row_identities,
    m003_predictions,
    m004_transcripts_and_calendars,
    m005_method_fields,
]
