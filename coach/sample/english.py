"""The English sample: a senior accountant in group reporting moves into business partnering.

The candidate is a senior accountant in group reporting at a manufacturer who wants
to become a finance business partner. Over about ten weeks before "now" they do
three practice interviews, then interviews at target companies (and one undecided
scale-up); two interviews are still to come. Along the way the article's example
happens: applying for a consolidation role at Alder & Finch, they are referred to
the Retail Operations finance business-partner role instead.

The shape every sample follows, and what each table means, is in `coach.sample.build`.
Days are offsets from `now`'s date (negative: in the past); hours are UTC.
"""

COMPANIES = [
    # key, name, kind, notes
    ("northwind", "Northwind Logistics", "practice",
     "Regional freight forwarder. Applied to warm up; the commute would be 70 minutes."),
    ("kestrel", "Kestrel Insurance", "practice",
     "Mid-size insurer. A practice round for FP&A-style technical questions."),
    ("bluegate", "Bluegate Packaging", "practice",
     "Packaging manufacturer, close to my current industry. Good warm-up for plant questions."),
    ("meridian", "Meridian Health Systems", "target",
     "Hospital group with three sites. Finance business partner to clinical operations."),
    ("alder", "Alder & Finch Retail Group", "target",
     "Applied for group consolidation; referred to the Retail Operations finance team."),
    ("solstice", "Solstice Energy", "target",
     "Renewable energy developer. Business partner to the project delivery unit."),
    ("tessellate", "Tessellate Software", "undecided",
     "SaaS scale-up with a finance team in Shanghai. Not sure the start-up pace suits me."),
]  # fmt: skip

INTERVIEWS = [
    # key, company, role, round, day, hour, format, interviewer, outcome
    ("northwind", "northwind", "Financial Analyst", "Phone screen", -70, 9, "phone",
     "Dana Whitfield, Talent Acquisition", "rejected"),
    ("kestrel", "kestrel", "FP&A Analyst", "First round", -66, 14, "video",
     "Raj Patel, FP&A Manager", "rejected"),
    ("bluegate", "bluegate", "Finance Business Partner", "Hiring manager", -62, 10, "onsite",
     "Helen Moore, Finance Director", "advanced"),
    ("meridian_screen", "meridian", "Finance Business Partner, Clinical Operations",
     "Recruiter screen", -55, 11, "phone", "Priya Nair, Recruiter", "advanced"),
    ("alder_consolidation", "alder", "Group Consolidation Accountant", "Hiring manager", -50, 15,
     "video", "Tom Becker, Group Reporting Manager", "referred"),
    ("meridian_manager", "meridian", "Finance Business Partner, Clinical Operations",
     "Hiring manager", -45, 13, "onsite", "Mark Ellison, Head of Finance", "advanced"),
    ("tessellate_first", "tessellate", "Senior FP&A Analyst", "First round", -40, 8, "video",
     "Wei Zhang, FP&A Lead", "advanced"),
    ("alder_partner", "alder", "Finance Business Partner, Retail Operations",
     "Business partner interview", -34, 10, "onsite", "Sophie Laurent, Head of Retail Finance",
     "advanced"),
    ("solstice_first", "solstice", "Finance Business Partner, Project Delivery", "First round",
     -27, 16, "video", "James O'Connor, FP&A Manager", "advanced"),
    ("meridian_panel", "meridian", "Finance Business Partner, Clinical Operations",
     "Final panel", -20, 9, "panel",
     "Mark Ellison, Karen Douglas (CFO), Brian Hall (Operations Director)", "rejected"),
    ("solstice_case", "solstice", "Finance Business Partner, Project Delivery",
     "Case study presentation", -13, 13, "take_home", "James O'Connor and Ruth Adeyemi",
     "advanced"),
    ("tessellate_second", "tessellate", "Senior FP&A Analyst", "Second round", -6, 8, "video",
     "Wei Zhang and Chen Lu, VP Finance", "pending"),
    ("solstice_final", "solstice", "Finance Business Partner, Project Delivery", "Final round",
     -1, 15, "onsite", "Grace Mitchell, Finance Director", "pending"),
    ("alder_final", "alder", "Finance Business Partner, Retail Operations",
     "Final round with the Retail CFO", 3, 10, "onsite", "Daniel Okafor, CFO Retail", "pending"),
    ("tessellate_final", "tessellate", "Senior FP&A Analyst", "Final round with the founders",
     9, 8, "video", "Maya Lin and Oskar Berg, founders", "pending"),
]  # fmt: skip

# A dimension the candidate added to the built-in ones.
CUSTOM_DIMENSIONS = [("business_case", "Business case")]

QUESTIONS = {
    # key: (dimension, text)
    "intro": ("career_planning", "Tell me about yourself and your career so far."),
    "five_years": ("career_planning", "Where do you see yourself in five years?"),
    "move_to_fbp": ("career_planning",
                    "Why do you want to move from financial reporting into business partnering?"),
    "leave_current": ("career_planning", "Why are you looking to leave your current role?"),
    "gap_skills": ("career_planning",
                   "Which skills do you still need to become a strong business partner?"),
    "leader": ("career_planning", "What kind of finance leader do you want to become?"),
    "close_process": ("past_experience",
                      "Walk me through your month-end close process in your current role."),
    "consolidation": ("past_experience",
                      "How many entities do you consolidate, and what do you own personally?"),
    "automation": ("past_experience", "You mention automating the intercompany reconciliation. "
                   "What exactly did you build, and what did it change?"),
    "audit": ("past_experience",
              "Tell me about your last external audit. Which findings did you handle?"),
    "erp": ("past_experience", "Which ERP and reporting systems have you used day to day?"),
    "budget_owner": ("past_experience", "Have you ever owned a budget or a forecast end to end?"),
    "biggest_achievement": ("past_experience",
                            "What is the achievement you are proudest of in your current job?"),
    "rolling_forecast": ("professional_ability",
                         "How would you build a rolling forecast for a business unit?"),
    "variance": ("professional_ability", "Revenue is 8% below budget this quarter. "
                 "How would you investigate the variance?"),
    "three_statement": ("professional_ability",
                        "Walk me through how the three financial statements link together."),
    "working_capital": ("professional_ability",
                        "How would you improve working capital in a manufacturing business?"),
    "kpis": ("professional_ability",
             "Which KPIs would you put in a monthly pack for an operations director?"),
    "capex": ("professional_ability", "How do you evaluate a capital expenditure request?"),
    "ifrs16": ("professional_ability",
               "How does IFRS 16 change the way leases appear in the accounts?"),
    "excel_model": ("professional_ability",
                    "How do you make sure a financial model is reliable when others will use it?"),
    "cost_allocation": ("professional_ability",
                        "How would you allocate shared service costs across business units?"),
    "unit_economics": ("professional_ability",
                       "How would you analyse the unit economics of a subscription product?"),
    "irr_npv": ("professional_ability",
                "What is the difference between NPV and IRR, and when would you rely on each?"),
    "why_company": ("motivation_fit", "Why do you want to work for us in particular?"),
    "healthcare": ("motivation_fit", "Why would you move from manufacturing into healthcare?"),
    "startup_pace": ("motivation_fit",
                     "How would you cope with the pace and ambiguity of a scale-up?"),
    "other_applications": ("motivation_fit", "Where else are you interviewing at the moment?"),
    "influence": ("behavioural", "Tell me about a time you persuaded a non-finance manager "
                  "to change a decision."),
    "conflict": ("behavioural",
                 "Describe a disagreement with a colleague and how you resolved it."),
    "pressure": ("behavioural",
                 "Tell me about a time you had to deliver under a very tight deadline."),
    "mistake": ("behavioural", "Tell me about a mistake you made and what you learnt from it."),
    "bad_news": ("behavioural", "How have you delivered bad news to a senior stakeholder?"),
    "prioritise": ("behavioural",
                   "How do you prioritise when several managers want analysis at the same time?"),
    "challenge_assumption": ("behavioural",
                             "Give an example of when you challenged a commercial assumption."),
    "salary": ("logistics_pay", "What are your salary expectations?"),
    "notice": ("logistics_pay", "What is your notice period, and when could you start?"),
    "hybrid": ("logistics_pay",
               "The role is three days a week in the office. Does that work for you?"),
    "travel": ("logistics_pay",
               "You would visit our sites about twice a month. Is that a problem?"),
    "questions_for_us": ("other", "What questions do you have for us?"),
    "weakness": ("other", "What is your greatest weakness?"),
    "chinese_intro": ("other", "请用中文简单介绍一下你自己和你目前的工作。"),
    "hobby": ("other", "What do you do outside work?"),
    "case_margin": ("business_case", "Case: a cluster of stores lost two points of gross margin "
                    "year on year. Where do you start?"),
    "case_project": ("business_case", "Case: a solar project is 15% over budget at the halfway "
                     "point. What would you tell the board?"),
    # Added by hand for the final rounds; never asked yet.
    "reforecast_cfo": ("professional_ability",
                       "How would you present a reforecast to the CFO in ten minutes?"),
}  # fmt: skip

ASKS = {
    # interview: [(question, self score, signal, cause, answer notes, what went wrong)]
    "northwind": [
        ("intro", 2, "interrupted", "wording",
         "Started with my degree and went through every job in order; it took almost four "
         "minutes before I got to what I do now in group reporting.",
         "She cut in to ask what I do day to day. I never said why business partnering."),
        ("leave_current", 2, "confused", "wording",
         "Said I felt stuck in reporting, then talked about the restructuring and my new manager.",
         "It sounded negative and vague; she asked whether I had been made redundant."),
        ("close_process", 3, "neutral", None,
         "Explained our eight-day close: ledgers, accruals, intercompany, consolidation in HFM, "
         "then the management pack on day eight.", ""),
        ("salary", 1, "neutral", "unprepared",
         "Said I was flexible and asked for their range; when she pushed I gave my current salary.",
         "I had no number ready and anchored on my current pay."),
        ("weakness", 2, "neutral", "wording",
         "Said I can be a perfectionist, which she had clearly heard many times before.",
         "A cliché with no example of how I manage it."),
    ],
    "kestrel": [
        ("intro", 3, "interrupted", None,
         "About two minutes this time, but I still listed every system and entity.",
         "Interrupted at the list of systems; he wanted the headline."),
        ("variance", 2, "probed", "unprepared",
         "Said I would compare to budget and prior year by product and region, then talk to sales.",
         "He asked how I would split price, volume and mix, and I could not lay out the bridge."),
        ("three_statement", 1, "confused", "did_not_know",
         "Got lost explaining how depreciation flows through to cash and mixed up the signs of "
         "working capital movements.",
         "I have never built a three-statement model from scratch, and it showed."),
        ("influence", 2, "probed", "unprepared",
         "Mentioned persuading the plant manager to change the overtime policy but could not "
         "remember the numbers.",
         "He asked what I did myself, as opposed to the team; I kept saying 'we'."),
        ("five_years", 3, "neutral", None,
         "Said I want to be a senior business partner to an operations leadership team, and "
         "perhaps lead a small FP&A team.", ""),
        ("questions_for_us", 3, "positive", None,
         "Asked how the team splits its time between reporting and forward-looking work, and "
         "what a great first six months would look like.", ""),
    ],
    "bluegate": [
        ("intro", 3, "neutral", None,
         "Used the new 90-second version: current role, the plant forecasting work, why now.", ""),
        ("move_to_fbp", 3, "positive", None,
         "Said the most useful thing I did last year was sitting with the plant manager on the "
         "forecast, and that I want that to be my job rather than a side project.", ""),
        ("working_capital", 2, "probed", "unprepared",
         "Talked about chasing overdue debtors and negotiating longer supplier terms.",
         "She asked about inventory days and I had neither our figure nor an example."),
        ("kpis", 3, "neutral", None,
         "Proposed output per labour hour, scrap rate, energy cost per tonne, on-time-in-full "
         "delivery and cash conversion.", ""),
        ("mistake", 2, "interrupted", "wording",
         "Told the story of the accrual I posted twice in March, with too much detail about the "
         "journals.",
         "She stopped me to ask what I changed afterwards, which should have been the point."),
        ("salary", 3, "neutral", None,
         "Gave a range of 58 to 62 thousand based on two salary surveys, and said the whole "
         "package matters to me.", ""),
    ],
    "meridian_screen": [
        ("intro", 4, "positive", None,
         "The 90-second version, ending with why healthcare operations. She said it was one of "
         "the clearest summaries she had heard that week.", ""),
        ("why_company", 3, "neutral", None,
         "Mentioned the new day-surgery centres and the cost-per-case programme from the annual "
         "report.", ""),
        ("healthcare", 2, "confused", "wording",
         "Said that factories and hospitals both deal with capacity, throughput and unit cost.",
         "She was unsure what throughput means in a hospital; I needed theatre utilisation."),
        ("notice", 4, "positive", None,
         "Three months' notice, possibly two by agreement; no holidays booked in the spring.", ""),
        ("salary", 4, "positive", None,
         "Gave 60 to 65 thousand, anchored on their published band and the survey data.", ""),
    ],
    "alder_consolidation": [
        ("consolidation", 4, "positive", None,
         "Fourteen entities in four currencies; I own the intercompany eliminations, the FX "
         "translation and the consolidation journals in HFM.", ""),
        ("ifrs16", 2, "probed", "did_not_know",
         "Explained the right-of-use asset and the lease liability, but not how a lease "
         "modification is remeasured.",
         "He asked about store lease renegotiations; we have few leases and I had no example."),
        ("automation", 4, "probed", None,
         "Described the Power Query matching file, the tolerance rules and the cut-off I agreed "
         "with the subsidiary controllers. He asked for numbers and I had them: the close went "
         "from eight days to five.", ""),
        ("audit", 3, "neutral", None,
         "Told the inventory provision story: I rebuilt the method after last year's "
         "restatement, and this year there were no findings.", ""),
        ("move_to_fbp", 3, "positive", None,
         "Admitted that business partnering is what I really want; he smiled and said that was "
         "useful to know.", ""),
        ("questions_for_us", 4, "positive", None,
         "Asked how group reporting works with the divisional finance teams, which led to the "
         "conversation about Retail Operations.", ""),
    ],
    "meridian_manager": [
        ("budget_owner", 2, "probed", "unprepared",
         "Said I co-own the plant forecast with the plant manager.",
         "He asked who signs it off and what happens when actuals miss; I was vague about what "
         "I am accountable for."),
        ("kpis", 3, "neutral", None,
         "Adapted the plant KPIs to a hospital: cost per case, theatre utilisation, agency staff "
         "spend and length of stay.", ""),
        ("cost_allocation", 1, "confused", "did_not_know",
         "Suggested allocating shared services by headcount, then by revenue, and contradicted "
         "myself.",
         "I do not know activity-based costing well enough; he looked lost and moved on."),
        ("influence", 3, "probed", None,
         "The overtime story with numbers this time: overtime down 18% in one quarter, about "
         "140 thousand a year.",
         "He still asked what the plant manager objected to, and I had to improvise."),
        ("conflict", 2, "interrupted", "wording",
         "Described the disagreement with the sales controller about the rebate accrual, but "
         "spent too long on the background.",
         "He interrupted to ask how it ended."),
        ("travel", 4, "positive", None,
         "Happy to visit the three hospitals twice a month; I already travel to our second "
         "plant.", ""),
    ],
    "tessellate_first": [
        ("intro", 4, "positive", None,
         "The 60-second version. Wei nodded along and went straight to the next question.", ""),
        ("unit_economics", 2, "probed", "did_not_know",
         "Talked about revenue per customer and gross margin, but could not explain CAC payback "
         "or net revenue retention properly.",
         "He kept asking 'and how would you calculate that?' and I ran out of answers."),
        ("startup_pace", 3, "neutral", None,
         "Gave the example of the board pack I delivered after our controller resigned.", ""),
        ("excel_model", 4, "positive", None,
         "Separate inputs, calculations and outputs; checks that must read zero; a version log; "
         "and a second person reviews any model used for a decision.", ""),
        ("chinese_intro", 2, "neutral", "wording",
         "用中文介绍了自己：在制造业做了五年集团报表，负责合并和月结，也和工厂经理一起做滚动预测。"
         "整体还可以，但有些财务术语说得不太顺。",
         "Some finance terms in Mandarin did not come naturally (合并报表, 预提费用)."),
    ],
    "alder_partner": [
        ("why_company", 4, "positive", None,
         "Linked the Retail Operations transformation to my plant forecasting work, and said "
         "Tom's referral made me look closely at the unit.", ""),
        ("case_margin", 3, "confused", None,
         "Split the two points into mix, promotions, shrinkage and freight, and asked for data on "
         "each.",
         "She asked what I meant when I slipped into the factory word 'scrap' for shrinkage."),
        ("influence", 4, "positive", None,
         "The overtime story in under two minutes, with the 140 thousand saving and what the "
         "plant manager was worried about.", ""),
        ("challenge_assumption", 4, "positive", None,
         "Told the discount story: a 12% volume discount renegotiated to 7% with a volume floor.",
         ""),
        ("prioritise", 3, "neutral", None,
         "Triage by decision date and value, and I tell the requesters openly what moves.", ""),
        ("hybrid", 4, "neutral", None,
         "Three days in the office works; I would rather sit near the operations team anyway.",
         ""),
    ],
    "solstice_first": [
        ("intro", 4, "positive", None,
         "The 60-second version, adapted to project delivery.", ""),
        ("irr_npv", 1, "confused", "did_not_know",
         "Said NPV is an amount and IRR a percentage, then got muddled about mutually exclusive "
         "projects and multiple IRRs.",
         "I never use IRR at work and could not explain when it misleads."),
        ("capex", 2, "probed", "unprepared",
         "Said I would check the business case against the hurdle rate.",
         "He asked about a capex request I had challenged, and I had no example ready."),
        ("pressure", 4, "positive", None,
         "The board pack after the controller left; the story works well now.", ""),
        ("other_applications", 3, "neutral", None,
         "Said I am in final stages elsewhere without naming anyone, and that project finance is "
         "a genuine draw here.", ""),
        ("gap_skills", 2, "interrupted", "wording",
         "Said I need more exposure to commercial negotiations, then started listing courses.",
         "He cut in: which one would you start with, and why?"),
    ],
    "meridian_panel": [
        ("biggest_achievement", 3, "interrupted", None,
         "Started with the intercompany automation but went into the detail of the matching "
         "rules.",
         "The operations director interrupted: what did it change for the business?"),
        ("rolling_forecast", 2, "probed", "unprepared",
         "Described the plant forecast, but had no structure when the CFO asked how I would do "
         "it for three hospitals with different service lines.",
         "I only had my own plant's example, not a method."),
        ("bad_news", 2, "confused", "wording",
         "Told them about reporting the energy cost overrun, but the order of events was "
         "muddled.",
         "The CFO asked me to repeat what I had actually recommended."),
        ("mistake", 3, "neutral", None,
         "The accrual story, now centred on the checklist I introduced afterwards.", ""),
        ("five_years", 3, "neutral", None,
         "Senior business partner, and I would like to lead a small team by then.", ""),
        ("erp", 4, "positive", None,
         "The SAP S/4HANA migration: I mapped 2,300 accounts and the trial balances reconciled "
         "to zero at go-live.", ""),
        ("questions_for_us", 2, "neutral", "unprepared",
         "Only asked about next steps.",
         "I forgot the questions I had prepared about the cost-per-case programme."),
    ],
    "solstice_case": [
        ("case_project", 4, "positive", None,
         "Opened with the recommendation: re-phase two sites, renegotiate the panel contract and "
         "tell the board now. Then the bridge of the 15% overrun by cause.", ""),
        ("rolling_forecast", 3, "probed", None,
         "Used the structure I rehearsed: drivers per project phase, a monthly refresh and an "
         "owner for each driver.",
         "Ruth pushed on how often drivers are re-estimated; my answer was fine but slow."),
        ("variance", 4, "positive", None,
         "Price, volume and mix bridge first, then the operational reason behind each, in under "
         "two minutes.", ""),
        ("bad_news", 3, "neutral", None,
         "The energy overrun story in the right order this time: the number, the cause, the "
         "options and my recommendation.", ""),
    ],
    "tessellate_second": [
        ("why_company", 3, "neutral", None,
         "Said I like the growth and the Shanghai team, but it sounded generic.", ""),
        ("leader", 2, "confused", "wording",
         "Talked about being a partner rather than a scorekeeper, without saying what that "
         "looks like in practice.",
         "Chen Lu asked for an example and I did not have one ready."),
        ("unit_economics", 3, "probed", None,
         "Explained CAC payback and net revenue retention with the figures from their investor "
         "deck; Chen Lu pushed on cohort analysis.", ""),
        ("hobby", 4, "positive", None,
         "Running my first half marathon, and volunteering as treasurer of the local food bank.",
         ""),
        ("salary", 3, "neutral", None,
         "Gave 68 to 72 thousand for the senior role, plus interest in the share scheme.", ""),
    ],
}  # fmt: skip

# The evidence of probed answers (the method's fields): background, the problem, what I
# did, evidence. Written for the answers the interviewer doubted, and for one probed
# answer the candidate went back to.
EVIDENCE = {
    ("alder_consolidation", "automation"): (
        "Fourteen entities in four currencies; the group close took eight working days.",
        "Intercompany balances were matched by e-mail, and mismatches surfaced on day six.",
        "I built the Power Query matching file, set the tolerance rules and agreed a day-three "
        "cut-off with each subsidiary controller.",
        "The close went from eight days to five; last year's audit raised no intercompany "
        "finding. Tom Becker, my manager, can confirm it.",
    ),
    ("meridian_manager", "influence"): (
        "The plant ran three shifts and overtime was 11% of direct labour.",
        "The plant manager saw overtime as the only way to meet peak orders.",
        "I modelled the cost of a fourth flexible shift against overtime and walked him "
        "through it line by line; he objected to the training cost, so I added it.",
        "Overtime fell 18% in one quarter, about 140 thousand a year; the plant manager "
        "presented the change to the board himself.",
    ),
    ("solstice_case", "rolling_forecast"): (
        "Three project phases, each with its own cost drivers.",
        "The annual budget was out of date by the end of the first quarter.",
        "I mapped one driver owner per phase and a monthly refresh.",
        "",
    ),
    ("tessellate_second", "unit_economics"): (
        "A SaaS scale-up selling to mid-size retailers.",
        "Chen Lu asked how I would read cohorts, not just the blended figures.",
        "",
        "",
    ),
}

REVIEWS = {
    # interview: overall rating, self state and notes, reaction and notes, harmony (1-5), pace,
    # passionate topics, advice, referral, led by the interviewer; nerves where they mattered
    "northwind": dict(
        rating=1, self_state=1, self_notes="Nervous from the first minute; I rambled.",
        reaction="impatient", reaction_notes="She kept glancing at the clock and cut me off twice.",
        harmony=2, pace="too_fast", passionate="", advice="", referral="", led=True,
        nerves="nervous_start"),
    "kestrel": dict(
        rating=2, self_state=2, self_notes="Fine on my own experience, shaky on technical points.",
        reaction="questioning", reaction_notes="Raj frowned at the three-statement answer.",
        harmony=3, pace="right", passionate="The plant overtime project.",
        advice="Build a small three-statement model yourself; it makes the links obvious.",
        referral="", led=True),
    "bluegate": dict(
        rating=3, self_state=3, self_notes="Calm; the new introduction helped a lot.",
        nerves="calm",
        reaction="positive", reaction_notes="Helen took notes and asked follow-up questions.",
        harmony=4, pace="right", passionate="Plant KPIs and the forecast with the plant manager.",
        advice="", referral="", led=False),
    "meridian_screen": dict(
        rating=3, self_state=3, self_notes="Confident on logistics and pay for the first time.",
        reaction="positive", reaction_notes="Priya said she would put me forward the same day.",
        harmony=4, pace="right", passionate="Cost per case in day surgery.",
        advice="Use hospital examples, not factory ones, with the hiring manager.",
        referral="", led=True),
    "alder_consolidation": dict(
        rating=3, self_state=3,
        self_notes="Strong on consolidation, honest that I prefer business partnering.",
        reaction="positive",
        reaction_notes="Tom relaxed once we talked about working with the divisions.",
        harmony=5, pace="right", passionate="Working with operations managers on forecasts.",
        advice="",
        referral="Tom Becker referred me to Sophie Laurent, Head of Retail Finance: Retail "
        "Operations is hiring a finance business partner, and he thought my plant work fits that "
        "role better than consolidation. He forwarded my CV the same afternoon.",
        led=False),
    "meridian_manager": dict(
        rating=2, self_state=2, self_notes="Lost confidence after the cost allocation question.",
        reaction="questioning",
        reaction_notes="Mark asked 'what did you do, specifically?' three times.",
        harmony=3, pace="too_fast", passionate="Theatre utilisation.",
        advice="Quantify the business impact of every example before describing the process.",
        referral="", led=True),
    "tessellate_first": dict(
        rating=3, self_state=3, self_notes="Comfortable, apart from the SaaS metrics.",
        reaction="neutral", reaction_notes="Wei was friendly but hard to read.",
        harmony=4, pace="too_slow", passionate="Model design and checks.",
        advice="Read our investor deck before the next round; the metrics are all in there.",
        referral="", led=False),
    "alder_partner": dict(
        rating=4, self_state=4, self_notes="My best interview so far; every story landed.",
        reaction="positive",
        reaction_notes="Sophie ran twenty minutes over and introduced me to two of her team.",
        harmony=5, pace="right",
        passionate="Store margin bridges and the discount renegotiation.",
        advice="", referral="", led=False),
    "solstice_first": dict(
        rating=2, self_state=2, self_notes="The IRR question threw me and I never recovered.",
        nerves="nervous_throughout",
        reaction="questioning", reaction_notes="James looked doubtful during the capex answer.",
        harmony=3, pace="right", passionate="Project delivery and site visits.",
        advice="Read our last two project updates before the case study.",
        referral="", led=True),
    "meridian_panel": dict(
        rating=1, self_state=1,
        self_notes="Three interviewers at once; I answered the person who asked and ignored the "
        "others.",
        reaction="impatient",
        reaction_notes="The operations director interrupted twice; the CFO checked her phone.",
        harmony=2, pace="too_fast", passionate="",
        advice="Karen Douglas: lead with the decision the numbers support, then the numbers.",
        referral="", led=True),
    "solstice_case": dict(
        rating=4, self_state=4,
        self_notes="Prepared properly and it showed; I opened with the recommendation.",
        reaction="positive", reaction_notes="Ruth asked for a copy of my slides.",
        harmony=5, pace="right", passionate="Re-phasing the solar sites.",
        advice="", referral="", led=False),
}  # fmt: skip

# The second Tessellate round: review started (overall aspect and questions), not completed.
DRAFT_REVIEW = ("tessellate_second", dict(rating=3, self_state=3, reaction="positive"))

STORIES = [
    # key, title, situation, task, action, result, skills, created day
    ("intercompany", "Automating the intercompany reconciliation",
     "Fourteen entities in four currencies; intercompany mismatches took three days of every "
     "month-end close.",
     "Cut the time spent on mismatches without adding headcount.",
     "I built a Power Query matching file with tolerance rules and agreed a cut-off with the "
     "subsidiary controllers.",
     "The close went from eight working days to five, and mismatches fell by about 70%.",
     ["process improvement", "Power Query", "stakeholder management"], -75),
    ("discount", "Challenging a 12% volume discount",
     "Sales wanted to offer our largest packaging customer a 12% volume discount.",
     "Work out what the discount would really do to margin.",
     "I built a customer profitability model including freight and rebates, and showed the "
     "sales director the break-even volume.",
     "The discount was renegotiated to 7% with a volume floor, protecting about 400 thousand "
     "of margin a year.",
     ["commercial acumen", "influencing", "modelling"], -75),
    ("provision", "Rebuilding the inventory provision after a restatement",
     "The previous year's inventory provision had been restated by the auditors.",
     "Own the provision method and make it defensible.",
     "I documented the method, back-tested it against actual write-offs and walked the "
     "auditors through it before fieldwork.",
     "No audit findings this year, and the method is now the group standard.",
     ["technical accounting", "documentation", "ownership"], -75),
    ("erp", "Migrating the chart of accounts to SAP S/4HANA",
     "The group moved to SAP S/4HANA with a new chart of accounts.",
     "Map 2,300 accounts and prove the opening balances.",
     "I ran mapping workshops with each ledger owner and built a reconciliation of the old and "
     "new trial balances.",
     "We went live on time and the opening balances reconciled to zero difference.",
     ["project delivery", "attention to detail", "collaboration"], -75),
    ("forecast", "The plant's first rolling forecast",
     "The plant manager only saw the annual budget and was surprised at every quarter end.",
     "Give him a forward view he could act on.",
     "I designed a driver-based twelve-month rolling forecast (volumes, energy prices, "
     "headcount) and reviewed it with him every month.",
     "Accuracy was within 3% by month four, and he used it to defer a hire and cut overtime.",
     ["FP&A", "business partnering", "driver-based modelling"], -75),
    ("mentoring", "Coaching two graduates through the close",
     "Two graduates joined the team just before year-end.",
     "Get them running their ledgers on their own.",
     "I wrote close checklists and held a weekly half-hour session on their questions.",
     "Both ran their ledgers independently within three months; one has since been promoted.",
     ["coaching", "leadership"], -75),
    ("board_pack", "The board pack after the controller resigned",
     "Our financial controller resigned two weeks before the year-end board meeting.",
     "Deliver the board pack on time with a smaller team.",
     "I agreed with the finance director what could wait, re-split the work and wrote the "
     "commentary myself.",
     "The pack went out on time, and the finance director asked me to present the commentary.",
     ["resilience", "prioritisation", "communication"], -46),
]  # fmt: skip

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
    # interview (None: general), aspect, source, text, done day (None: still open)
    ("northwind", "questions", "suggested",
     "Rewrite 'Tell me about yourself' as a 90-second answer: what I do now, the plant "
     "forecasting work, and why business partnering.", -68),
    ("northwind", "questions", "own",
     "Look up two salary surveys and set my range before the next screen.", -65),
    ("northwind", "overall", "own", "Do a mock phone screen with Anna before Kestrel.", -67),
    ("northwind", "overall", "suggested",
     "Warm up before your next interview: you were nervous at the start. Arrive or log in ten "
     "minutes early, say your introduction aloud twice, and have a first question of your own "
     "ready.", -64),
    ("northwind", "strengths", "bridge",
     "When commercial impact comes up, bridge to the discount story: 'I have an example that "
     "shows this better; may I tell you about it?'", -61),
    ("kestrel", "questions", "advice",
     "Build a small three-statement model from scratch, as Raj suggested.", -52),
    ("kestrel", "questions", "suggested",
     "Prepare a price-volume-mix bridge with real numbers from the plant.", -58),
    ("kestrel", "relationship", "own",
     "Pause after each answer and ask whether they would like more detail, instead of filling "
     "the silence.", -50),
    ("bluegate", "questions", "suggested",
     "Find our inventory days and one concrete example of reducing stock.", -56),
    ("bluegate", "strengths", "own", "Add the graduates' results to the mentoring story.", -60),
    ("meridian_screen", "questions", "advice",
     "Prepare a hospital example for every factory metric I use (throughput becomes theatre "
     "utilisation).", -47),
    ("alder_consolidation", "relationship", "referral",
     "Email Sophie Laurent within two days, mention Tom Becker's referral and attach a one-page "
     "summary of the plant forecast.", -48),
    ("alder_consolidation", "questions", "suggested",
     "Read up on IFRS 16 lease modifications, with a store lease example.", None),
    ("meridian_manager", "overall", "advice",
     "Quantify the business impact of every story before describing the process.", -36),
    ("meridian_manager", "questions", "suggested",
     "Learn the basics of activity-based costing and prepare a shared-services example.", None),
    ("meridian_manager", "strengths", "bridge",
     "When budgets come up, bridge to the rolling-forecast story and say clearly what I own.",
     -40),
    ("tessellate_first", "questions", "advice",
     "Learn the SaaS metrics: CAC payback, net revenue retention, cohort analysis.", -8),
    ("alder_partner", "overall", "own",
     "Keep the routine that worked: story list printed, two mock questions the night before.",
     -30),
    ("alder_partner", "relationship", "own",
     "Send Sophie a thank-you note with the margin-bridge idea from the case.", -33),
    ("solstice_first", "questions", "suggested",
     "Learn NPV against IRR properly, including mutually exclusive projects; rehearse it until "
     "it is automatic.", None),
    ("solstice_first", "strengths", "bridge",
     "When capital projects come up, bridge to the rolling-forecast story.", None),
    ("solstice_first", "relationship", "advice",
     "Read Solstice's last two project updates before the case study.", -15),
    ("meridian_panel", "overall", "advice",
     "Lead with the decision the numbers support, then the numbers.", None),
    ("meridian_panel", "questions", "suggested",
     "Prepare a rolling-forecast structure for a multi-site service business.", -14),
    ("meridian_panel", "questions", "own",
     "Write three questions for the panel and keep them on my notepad.", -14),
    ("meridian_panel", "relationship", "own",
     "In a panel, answer everyone, not only the person who asked; look at the operations "
     "director when the answer is about operations.", None),
    ("solstice_case", "strengths", "own",
     "Turn the case-study recommendation into a story for the final rounds.", None),
    ("solstice_case", "relationship", "own",
     "Ask Grace about the board's appetite for re-phasing at the final round.", -1),
    (None, "overall", "own",
     "Rehearse the due cards at least five days a week until the Alder & Finch final.", None),
]  # fmt: skip

ANSWERS = [
    # question, day, source, from the ask at this interview (or None), text
    ("intro", -68, "rewrite", None,
     "I'm a senior accountant in group reporting at a manufacturer, where I run the "
     "consolidation of fourteen entities and the month-end close. Over the last year I also "
     "built a rolling forecast with our plant manager, and we used it to cut overtime and defer "
     "a hire. That work is what I enjoyed most, and it's why I'm now applying for business "
     "partner roles: I want to spend my time helping managers make decisions, not only "
     "reporting what happened."),
    ("intro", -63, "rewrite", None,
     "I'm a senior accountant in group reporting at a manufacturer: I run the consolidation and "
     "the close. Last year I built a rolling forecast with our plant manager that cut overtime "
     "by 18%. That's the work I enjoy most, so I'm moving into business partnering."),
    ("intro", -55, "review", "meridian_screen",
     "Group reporting accountant at a manufacturer. My best work: a rolling forecast with our "
     "plant manager that cut overtime 18%. I want to do that full time, as a business partner."),
    ("influence", -44, "rewrite", None,
     "Our plant ran 20% overtime every month. I showed the plant manager that overtime cost us "
     "more than two temporary operators, with a week-by-week forecast of demand. He was worried "
     "about quality with new staff, so we agreed a three-month trial with a quality check. "
     "Overtime fell 18% in the first quarter, about 140 thousand a year."),
    ("influence", -34, "review", "alder_partner",
     "I showed our plant manager that overtime cost more than two temporary operators. He "
     "feared for quality, so we trialled it for three months with quality checks. Overtime fell "
     "18%, about 140 thousand a year."),
    ("variance", -60, "rewrite", None,
     "First I'd split the gap into price, volume and mix, by product and region, so we know "
     "which lever moved. Then I'd go to the sales and operations owners of the biggest pieces "
     "with the numbers and ask what changed, and finally I'd check whether it is timing or a "
     "trend before we change the forecast."),
    ("variance", -13, "review", "solstice_case",
     "Price, volume, mix first, by product and region. Then ask the owners of the biggest "
     "pieces what changed, and decide whether it is timing or a trend."),
    ("salary", -55, "review", "meridian_screen",
     "Based on the band you published and two salary surveys, I'm looking for 60 to 65 "
     "thousand, and I'm happy to look at the whole package."),
    ("excel_model", -40, "review", "tessellate_first",
     "Inputs, calculations and outputs on separate sheets; checks that must read zero; a "
     "version log; and a second pair of eyes on any model used for a decision."),
    ("challenge_assumption", -34, "review", "alder_partner",
     "Sales wanted a 12% volume discount for our biggest customer. My profitability model, "
     "with freight and rebates, showed the break-even volume; we settled at 7% with a volume "
     "floor and kept about 400 thousand of margin a year."),
    ("pressure", -27, "review", "solstice_first",
     "Our controller resigned two weeks before the board meeting. I agreed with the finance "
     "director what could wait, re-split the work and wrote the commentary myself. The pack "
     "went out on time and I presented the commentary."),
    ("rolling_forecast", -19, "rewrite", None,
     "I'd start from the decisions the business needs to make, pick the five or six drivers "
     "that move the result (volumes, prices, headcount), give each driver an owner outside "
     "finance, refresh it monthly for a rolling twelve months, and compare every month with "
     "the last forecast so we learn where we were wrong."),
    ("rolling_forecast", -13, "review", "solstice_case",
     "Start from the decisions; five or six drivers, each with an owner; refresh monthly over "
     "twelve months; learn from last month's miss."),
    ("case_project", -13, "review", "solstice_case",
     "Tell the board now, with the recommendation first: re-phase two sites and renegotiate "
     "the panel contract. Then show the 15% overrun by cause and what each option saves."),
    ("chinese_intro", -38, "rewrite", None,
     "我在一家制造企业做了五年集团财务报告，负责十四家子公司的合并报表和月结。去年我和工厂经理一起"
     "做了滚动预测，帮助工厂把加班成本降低了百分之十八。我希望转型做财务业务伙伴，更直接地支持业务决策。"),
    ("bad_news", -8, "rehearsal", None,
     "Energy costs were running 900 thousand over budget. I told the finance director the "
     "number first, then the cause, then two options with their costs, and recommended hedging "
     "half of next year's volume. We hedged, and the overrun stopped growing."),
]  # fmt: skip

# Questions the candidate retired from practice by hand, and the day they did.
RETIRED = {"intro": -40}
# The card that keeps slipping: its lapses stop one short of the leech threshold.
NEAR_LEECH = "irr_npv"
# A card added by hand a couple of hours before `now`.
MANUAL_CARDS = ["reforecast_cfo"]

ATTEMPT_NOTES = {
    1: ["Lost the thread after the first point.", "Blanked on the key number again.",
        "Went back to the old, long version."],
    2: ["Got there, but slowly.", "Right structure, but I forgot the result.",
        "Over two minutes; needs cutting."],
    3: ["", "", "Clear and in time."],
    4: ["", "Easy; under a minute."],
}  # fmt: skip
