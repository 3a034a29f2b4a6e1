"""The sample's shape: who, when, and how each answer went, the same in every language.

Every table is keyed by short names that the language modules (`english`, `chinese`)
give words to: company names, role titles, questions, answers and notes. What the app's
rules read (kinds, formats, outcomes, dimensions, scores, signals, causes, ratings,
story uses, action aspects and sources, every day and hour) lives only here, so each
language's sample counts, schedules and rehearses exactly as the other does.

The story: a candidate moving from group reporting into finance business partnering
does three practice interviews, then interviews at target companies (and one
undecided scale-up); two interviews are still to come. Along the way the article's
example happens: applying for a consolidation role, they are referred to a finance
business-partner role in another unit of the same group.

Days are offsets from `now`'s date (negative: in the past); hours are UTC.
"""

COMPANIES = [
    # key, kind
    ("northwind", "practice"),
    ("kestrel", "practice"),
    ("bluegate", "practice"),
    ("meridian", "target"),
    ("alder", "target"),
    ("solstice", "target"),
    ("tessellate", "undecided"),
]

INTERVIEWS = [
    # key, company, day, hour, format, outcome
    ("northwind", "northwind", -70, 9, "phone", "rejected"),
    ("kestrel", "kestrel", -66, 14, "video", "rejected"),
    ("bluegate", "bluegate", -62, 10, "onsite", "advanced"),
    ("meridian_screen", "meridian", -55, 11, "phone", "advanced"),
    ("alder_consolidation", "alder", -50, 15, "video", "referred"),
    ("meridian_manager", "meridian", -45, 13, "onsite", "advanced"),
    ("tessellate_first", "tessellate", -40, 8, "video", "advanced"),
    ("alder_partner", "alder", -34, 10, "onsite", "advanced"),
    ("solstice_first", "solstice", -27, 16, "video", "advanced"),
    ("meridian_panel", "meridian", -20, 9, "panel", "rejected"),
    ("solstice_case", "solstice", -13, 13, "take_home", "advanced"),
    ("tessellate_second", "tessellate", -6, 8, "video", "pending"),
    ("solstice_final", "solstice", -1, 15, "onsite", "pending"),
    ("alder_final", "alder", 3, 10, "onsite", "pending"),
    ("tessellate_final", "tessellate", 9, 8, "video", "pending"),
]

# A dimension the candidate added to the built-in ones.
CUSTOM_DIMENSIONS = ["business_case"]

QUESTIONS = {
    # key: dimension
    "intro": "career_planning",
    "five_years": "career_planning",
    "move_to_fbp": "career_planning",
    "leave_current": "career_planning",
    "gap_skills": "career_planning",
    "leader": "career_planning",
    "close_process": "past_experience",
    "consolidation": "past_experience",
    "automation": "past_experience",
    "audit": "past_experience",
    "erp": "past_experience",
    "budget_owner": "past_experience",
    "biggest_achievement": "past_experience",
    "rolling_forecast": "professional_ability",
    "variance": "professional_ability",
    "three_statement": "professional_ability",
    "working_capital": "professional_ability",
    "kpis": "professional_ability",
    "capex": "professional_ability",
    "ifrs16": "professional_ability",
    "excel_model": "professional_ability",
    "cost_allocation": "professional_ability",
    "unit_economics": "professional_ability",
    "irr_npv": "professional_ability",
    "why_company": "motivation_fit",
    "healthcare": "motivation_fit",
    "startup_pace": "motivation_fit",
    "other_applications": "motivation_fit",
    "influence": "behavioural",
    "conflict": "behavioural",
    "pressure": "behavioural",
    "mistake": "behavioural",
    "bad_news": "behavioural",
    "prioritise": "behavioural",
    "challenge_assumption": "behavioural",
    "salary": "logistics_pay",
    "notice": "logistics_pay",
    "hybrid": "logistics_pay",
    "travel": "logistics_pay",
    "questions_for_us": "other",
    "weakness": "other",
    # Asked in the language the candidate does not usually interview in.
    "other_language_intro": "other",
    "hobby": "other",
    "case_margin": "business_case",
    "case_project": "business_case",
    # Added by hand for the final rounds; never asked yet.
    "reforecast_cfo": "professional_ability",
}

ASKS = {
    # interview: [(question, self score, signal, cause)], in the order asked
    "northwind": [
        ("intro", 2, "interrupted", "wording"),
        ("leave_current", 2, "confused", "wording"),
        ("close_process", 3, "neutral", None),
        ("salary", 1, "neutral", "unprepared"),
        ("weakness", 2, "neutral", "wording"),
    ],
    "kestrel": [
        ("intro", 3, "interrupted", None),
        ("variance", 2, "probed", "unprepared"),
        ("three_statement", 1, "confused", "did_not_know"),
        ("influence", 2, "probed", "unprepared"),
        ("five_years", 3, "neutral", None),
        ("questions_for_us", 3, "positive", None),
    ],
    "bluegate": [
        ("intro", 3, "neutral", None),
        ("move_to_fbp", 3, "positive", None),
        ("working_capital", 2, "probed", "unprepared"),
        ("kpis", 3, "neutral", None),
        ("mistake", 2, "interrupted", "wording"),
        ("salary", 3, "neutral", None),
    ],
    "meridian_screen": [
        ("intro", 4, "positive", None),
        ("why_company", 3, "neutral", None),
        ("healthcare", 2, "confused", "wording"),
        ("notice", 4, "positive", None),
        ("salary", 4, "positive", None),
    ],
    "alder_consolidation": [
        ("consolidation", 4, "positive", None),
        ("ifrs16", 2, "probed", "did_not_know"),
        ("automation", 4, "probed", None),
        ("audit", 3, "neutral", None),
        ("move_to_fbp", 3, "positive", None),
        ("questions_for_us", 4, "positive", None),
    ],
    "meridian_manager": [
        ("budget_owner", 2, "probed", "unprepared"),
        ("kpis", 3, "neutral", None),
        ("cost_allocation", 1, "confused", "did_not_know"),
        ("influence", 3, "probed", None),
        ("conflict", 2, "interrupted", "wording"),
        ("travel", 4, "positive", None),
    ],
    "tessellate_first": [
        ("intro", 4, "positive", None),
        ("unit_economics", 2, "probed", "did_not_know"),
        ("startup_pace", 3, "neutral", None),
        ("excel_model", 4, "positive", None),
        ("other_language_intro", 2, "neutral", "wording"),
    ],
    "alder_partner": [
        ("why_company", 4, "positive", None),
        ("case_margin", 3, "confused", None),
        ("influence", 4, "positive", None),
        ("challenge_assumption", 4, "positive", None),
        ("prioritise", 3, "neutral", None),
        ("hybrid", 4, "neutral", None),
    ],
    "solstice_first": [
        ("intro", 4, "positive", None),
        ("irr_npv", 1, "confused", "did_not_know"),
        ("capex", 2, "probed", "unprepared"),
        ("pressure", 4, "positive", None),
        ("other_applications", 3, "neutral", None),
        ("gap_skills", 2, "interrupted", "wording"),
    ],
    "meridian_panel": [
        ("biggest_achievement", 3, "interrupted", None),
        ("rolling_forecast", 2, "probed", "unprepared"),
        ("bad_news", 2, "confused", "wording"),
        ("mistake", 3, "neutral", None),
        ("five_years", 3, "neutral", None),
        ("erp", 4, "positive", None),
        ("questions_for_us", 2, "neutral", "unprepared"),
    ],
    "solstice_case": [
        ("case_project", 4, "positive", None),
        ("rolling_forecast", 3, "probed", None),
        ("variance", 4, "positive", None),
        ("bad_news", 3, "neutral", None),
    ],
    "tessellate_second": [
        ("why_company", 3, "neutral", None),
        ("leader", 2, "confused", "wording"),
        ("unit_economics", 3, "probed", None),
        ("hobby", 4, "positive", None),
        ("salary", 3, "neutral", None),
    ],
}

REVIEWS = {
    # interview: overall rating, self state, reaction, harmony (1-5), pace, led by the
    # interviewer; nerves where they mattered
    "northwind": dict(
        rating=1,
        self_state=1,
        reaction="impatient",
        harmony=2,
        pace="too_fast",
        led=True,
        nerves="nervous_start",
    ),
    "kestrel": dict(
        rating=2, self_state=2, reaction="questioning", harmony=3, pace="right", led=True
    ),
    "bluegate": dict(
        rating=3,
        self_state=3,
        reaction="positive",
        harmony=4,
        pace="right",
        led=False,
        nerves="calm",
    ),
    "meridian_screen": dict(
        rating=3, self_state=3, reaction="positive", harmony=4, pace="right", led=True
    ),
    "alder_consolidation": dict(
        rating=3, self_state=3, reaction="positive", harmony=5, pace="right", led=False
    ),
    "meridian_manager": dict(
        rating=2, self_state=2, reaction="questioning", harmony=3, pace="too_fast", led=True
    ),
    "tessellate_first": dict(
        rating=3, self_state=3, reaction="neutral", harmony=4, pace="too_slow", led=False
    ),
    "alder_partner": dict(
        rating=4, self_state=4, reaction="positive", harmony=5, pace="right", led=False
    ),
    "solstice_first": dict(
        rating=2,
        self_state=2,
        reaction="questioning",
        harmony=3,
        pace="right",
        led=True,
        nerves="nervous_throughout",
    ),
    "meridian_panel": dict(
        rating=1, self_state=1, reaction="impatient", harmony=2, pace="too_fast", led=True
    ),
    "solstice_case": dict(
        rating=4, self_state=4, reaction="positive", harmony=5, pace="right", led=False
    ),
}

# The second round at the undecided company: review started (overall aspect and
# questions), not completed.
DRAFT_REVIEW = ("tessellate_second", dict(rating=3, self_state=3, reaction="positive"))

STORIES = {
    # key: the day it was written
    "intercompany": -75,
    "discount": -75,
    "provision": -75,
    "erp": -75,
    "forecast": -75,
    "mentoring": -75,
    "board_pack": -46,
}

STORY_USES = {
    "northwind": [("intercompany", "partly"), ("discount", "missed")],
    "kestrel": [("forecast", "partly"), ("discount", "missed")],
    "bluegate": [("intercompany", "told"), ("discount", "partly"), ("mentoring", "missed")],
    "meridian_screen": [("intercompany", "told")],
    "alder_consolidation": [("intercompany", "told"), ("provision", "told"), ("erp", "partly")],
    "meridian_manager": [("forecast", "partly"), ("discount", "missed"), ("board_pack", "partly")],
    "tessellate_first": [("erp", "told"), ("forecast", "told")],
    "alder_partner": [("discount", "told"), ("forecast", "told"), ("mentoring", "partly")],
    "solstice_first": [("board_pack", "told"), ("forecast", "missed")],
    "meridian_panel": [("forecast", "partly"), ("board_pack", "missed"), ("discount", "told")],
    "solstice_case": [("forecast", "told"), ("discount", "told")],
    "tessellate_second": [("intercompany", "told")],
}

# Why a missed story was missed, and the question where it could have been told.
STORY_MISSES = {
    ("northwind", "discount"): ("no_opening", None),
    ("kestrel", "discount"): ("no_bridge", "variance"),
    ("bluegate", "mentoring"): ("forgot", "mistake"),
    ("meridian_manager", "discount"): ("no_bridge", "budget_owner"),
    ("solstice_first", "forecast"): ("no_bridge", "capex"),
    ("meridian_panel", "board_pack"): ("forgot", "bad_news"),
}

ACTIONS = [
    # interview (None: general), aspect, source, done day (None: still open)
    ("northwind", "questions", "suggested", -68),
    ("northwind", "questions", "own", -65),
    ("northwind", "overall", "own", -67),
    ("northwind", "overall", "suggested", -64),
    ("northwind", "strengths", "bridge", -61),
    ("kestrel", "questions", "advice", -52),
    ("kestrel", "questions", "suggested", -58),
    ("kestrel", "relationship", "own", -50),
    ("bluegate", "questions", "suggested", -56),
    ("bluegate", "strengths", "own", -60),
    ("meridian_screen", "questions", "advice", -47),
    ("alder_consolidation", "relationship", "referral", -48),
    ("alder_consolidation", "questions", "suggested", None),
    ("meridian_manager", "overall", "advice", -36),
    ("meridian_manager", "questions", "suggested", None),
    ("meridian_manager", "strengths", "bridge", -40),
    ("tessellate_first", "questions", "advice", -8),
    ("alder_partner", "overall", "own", -30),
    ("alder_partner", "relationship", "own", -33),
    ("solstice_first", "questions", "suggested", None),
    ("solstice_first", "strengths", "bridge", None),
    ("solstice_first", "relationship", "advice", -15),
    ("meridian_panel", "overall", "advice", None),
    ("meridian_panel", "questions", "suggested", -14),
    ("meridian_panel", "questions", "own", -14),
    ("meridian_panel", "relationship", "own", None),
    ("solstice_case", "strengths", "own", None),
    ("solstice_case", "relationship", "own", -1),
    (None, "overall", "own", None),
]

ANSWERS = [
    # question, day, source, from the ask at this interview (or None)
    ("intro", -68, "rewrite", None),
    ("intro", -63, "rewrite", None),
    ("intro", -55, "review", "meridian_screen"),
    ("influence", -44, "rewrite", None),
    ("influence", -34, "review", "alder_partner"),
    ("variance", -60, "rewrite", None),
    ("variance", -13, "review", "solstice_case"),
    ("salary", -55, "review", "meridian_screen"),
    ("excel_model", -40, "review", "tessellate_first"),
    ("challenge_assumption", -34, "review", "alder_partner"),
    ("pressure", -27, "review", "solstice_first"),
    ("rolling_forecast", -19, "rewrite", None),
    ("rolling_forecast", -13, "review", "solstice_case"),
    ("case_project", -13, "review", "solstice_case"),
    ("other_language_intro", -38, "rewrite", None),
    ("bad_news", -8, "rehearsal", None),
]

# Questions the candidate retired from practice by hand, and the day they did.
RETIRED = {"intro": -40}
# The card that keeps slipping: its lapses stop one short of the leech threshold.
NEAR_LEECH = "irr_npv"
# A card added by hand a couple of hours before `now`.
MANUAL_CARDS = ["reforecast_cfo"]
