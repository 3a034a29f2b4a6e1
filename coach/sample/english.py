"""The English sample's words: a senior accountant in group reporting moves into finance
business partnering.

The candidate is a senior accountant in group reporting at a manufacturer who wants
to become a finance business partner. Applying for a consolidation role at Alder &
Finch, they are referred to the Retail Operations finance business-partner role
instead. One question is asked in Chinese, at the scale-up with a team in Shanghai.

Each table gives words to the keys of `coach.sample.shape`, which holds the rest.
"""

COMPANIES = {
    # key: (name, notes)
    "northwind": (
        "Northwind Logistics",
        "Regional freight forwarder. Applied to warm up; the commute would be 70 minutes.",
    ),
    "kestrel": (
        "Kestrel Insurance",
        "Mid-size insurer. A practice round for FP&A-style technical questions.",
    ),
    "bluegate": (
        "Bluegate Packaging",
        "Packaging manufacturer, close to my current industry. Good warm-up for plant questions.",
    ),
    "meridian": (
        "Meridian Health Systems",
        "Hospital group with three sites. Finance business partner to clinical operations.",
    ),
    "alder": (
        "Alder & Finch Retail Group",
        "Applied for group consolidation; referred to the Retail Operations finance team.",
    ),
    "solstice": (
        "Solstice Energy",
        "Renewable energy developer. Business partner to the project delivery unit.",
    ),
    "tessellate": (
        "Tessellate Software",
        "SaaS scale-up with a finance team in Shanghai. Not sure the start-up pace suits me.",
    ),
}

INTERVIEWS = {
    # key: (role, round, interviewer)
    "northwind": ("Financial Analyst", "Phone screen", "Dana Whitfield, Talent Acquisition"),
    "kestrel": ("FP&A Analyst", "First round", "Raj Patel, FP&A Manager"),
    "bluegate": ("Finance Business Partner", "Hiring manager", "Helen Moore, Finance Director"),
    "meridian_screen": (
        "Finance Business Partner, Clinical Operations",
        "Recruiter screen",
        "Priya Nair, Recruiter",
    ),
    "alder_consolidation": (
        "Group Consolidation Accountant",
        "Hiring manager",
        "Tom Becker, Group Reporting Manager",
    ),
    "meridian_manager": (
        "Finance Business Partner, Clinical Operations",
        "Hiring manager",
        "Mark Ellison, Head of Finance",
    ),
    "tessellate_first": ("Senior FP&A Analyst", "First round", "Wei Zhang, FP&A Lead"),
    "alder_partner": (
        "Finance Business Partner, Retail Operations",
        "Business partner interview",
        "Sophie Laurent, Head of Retail Finance",
    ),
    "solstice_first": (
        "Finance Business Partner, Project Delivery",
        "First round",
        "James O'Connor, FP&A Manager",
    ),
    "meridian_panel": (
        "Finance Business Partner, Clinical Operations",
        "Final panel",
        "Mark Ellison, Karen Douglas (CFO), Brian Hall (Operations Director)",
    ),
    "solstice_case": (
        "Finance Business Partner, Project Delivery",
        "Case study presentation",
        "James O'Connor and Ruth Adeyemi",
    ),
    "tessellate_second": (
        "Senior FP&A Analyst",
        "Second round",
        "Wei Zhang and Chen Lu, VP Finance",
    ),
    "solstice_final": (
        "Finance Business Partner, Project Delivery",
        "Final round",
        "Grace Mitchell, Finance Director",
    ),
    "alder_final": (
        "Finance Business Partner, Retail Operations",
        "Final round with the Retail CFO",
        "Daniel Okafor, CFO Retail",
    ),
    "tessellate_final": (
        "Senior FP&A Analyst",
        "Final round with the founders",
        "Maya Lin and Oskar Berg, founders",
    ),
}

CUSTOM_DIMENSIONS = {"business_case": "Business case"}

QUESTIONS = {
    "intro": "Tell me about yourself and your career so far.",
    "five_years": "Where do you see yourself in five years?",
    "move_to_fbp": "Why do you want to move from financial reporting into business partnering?",
    "leave_current": "Why are you looking to leave your current role?",
    "gap_skills": "Which skills do you still need to become a strong business partner?",
    "leader": "What kind of finance leader do you want to become?",
    "close_process": "Walk me through your month-end close process in your current role.",
    "consolidation": "How many entities do you consolidate, and what do you own personally?",
    "automation": (
        "You mention automating the intercompany reconciliation. What exactly did you build, and "
        "what did it change?"
    ),
    "audit": "Tell me about your last external audit. Which findings did you handle?",
    "erp": "Which ERP and reporting systems have you used day to day?",
    "budget_owner": "Have you ever owned a budget or a forecast end to end?",
    "biggest_achievement": "What is the achievement you are proudest of in your current job?",
    "rolling_forecast": "How would you build a rolling forecast for a business unit?",
    "variance": "Revenue is 8% below budget this quarter. How would you investigate the variance?",
    "three_statement": "Walk me through how the three financial statements link together.",
    "working_capital": "How would you improve working capital in a manufacturing business?",
    "kpis": "Which KPIs would you put in a monthly pack for an operations director?",
    "capex": "How do you evaluate a capital expenditure request?",
    "ifrs16": "How does IFRS 16 change the way leases appear in the accounts?",
    "excel_model": "How do you make sure a financial model is reliable when others will use it?",
    "cost_allocation": "How would you allocate shared service costs across business units?",
    "unit_economics": "How would you analyse the unit economics of a subscription product?",
    "irr_npv": "What is the difference between NPV and IRR, and when would you rely on each?",
    "why_company": "Why do you want to work for us in particular?",
    "healthcare": "Why would you move from manufacturing into healthcare?",
    "startup_pace": "How would you cope with the pace and ambiguity of a scale-up?",
    "other_applications": "Where else are you interviewing at the moment?",
    "influence": "Tell me about a time you persuaded a non-finance manager to change a decision.",
    "conflict": "Describe a disagreement with a colleague and how you resolved it.",
    "pressure": "Tell me about a time you had to deliver under a very tight deadline.",
    "mistake": "Tell me about a mistake you made and what you learnt from it.",
    "bad_news": "How have you delivered bad news to a senior stakeholder?",
    "prioritise": "How do you prioritise when several managers want analysis at the same time?",
    "challenge_assumption": "Give an example of when you challenged a commercial assumption.",
    "salary": "What are your salary expectations?",
    "notice": "What is your notice period, and when could you start?",
    "hybrid": "The role is three days a week in the office. Does that work for you?",
    "travel": "You would visit our sites about twice a month. Is that a problem?",
    "questions_for_us": "What questions do you have for us?",
    "weakness": "What is your greatest weakness?",
    "other_language_intro": "请用中文简单介绍一下你自己和你目前的工作。",
    "hobby": "What do you do outside work?",
    "case_margin": (
        "Case: a cluster of stores lost two points of gross margin year on year. Where do you "
        "start?"
    ),
    "case_project": (
        "Case: a solar project is 15% over budget at the halfway point. What would you tell the "
        "board?"
    ),
    "reforecast_cfo": "How would you present a reforecast to the CFO in ten minutes?",
}

ASKS = {
    # interview: {question: (answer notes, what went wrong)}
    "northwind": {
        "intro": (
            "Started with my degree and went through every job in order; it took almost four "
            "minutes before I got to what I do now in group reporting.",
            "She cut in to ask what I do day to day. I never said why business partnering.",
        ),
        "leave_current": (
            "Said I felt stuck in reporting, then talked about the restructuring and my new "
            "manager.",
            "It sounded negative and vague; she asked whether I had been made redundant.",
        ),
        "close_process": (
            "Explained our eight-day close: ledgers, accruals, intercompany, consolidation in "
            "HFM, then the management pack on day eight.",
            "",
        ),
        "salary": (
            "Said I was flexible and asked for their range; when she pushed I gave my current "
            "salary.",
            "I had no number ready and anchored on my current pay.",
        ),
        "weakness": (
            "Said I can be a perfectionist, which she had clearly heard many times before.",
            "A cliché with no example of how I manage it.",
        ),
    },
    "kestrel": {
        "intro": (
            "About two minutes this time, but I still listed every system and entity.",
            "Interrupted at the list of systems; he wanted the headline.",
        ),
        "variance": (
            "Said I would compare to budget and prior year by product and region, then talk to "
            "sales.",
            "He asked how I would split price, volume and mix, and I could not lay out the bridge.",
        ),
        "three_statement": (
            "Got lost explaining how depreciation flows through to cash and mixed up the signs "
            "of working capital movements.",
            "I have never built a three-statement model from scratch, and it showed.",
        ),
        "influence": (
            "Mentioned persuading the plant manager to change the overtime policy but could not "
            "remember the numbers.",
            "He asked what I did myself, as opposed to the team; I kept saying 'we'.",
        ),
        "five_years": (
            "Said I want to be a senior business partner to an operations leadership team, and "
            "perhaps lead a small FP&A team.",
            "",
        ),
        "questions_for_us": (
            "Asked how the team splits its time between reporting and forward-looking work, and "
            "what a great first six months would look like.",
            "",
        ),
    },
    "bluegate": {
        "intro": (
            "Used the new 90-second version: current role, the plant forecasting work, why now.",
            "",
        ),
        "move_to_fbp": (
            "Said the most useful thing I did last year was sitting with the plant manager on "
            "the forecast, and that I want that to be my job rather than a side project.",
            "",
        ),
        "working_capital": (
            "Talked about chasing overdue debtors and negotiating longer supplier terms.",
            "She asked about inventory days and I had neither our figure nor an example.",
        ),
        "kpis": (
            "Proposed output per labour hour, scrap rate, energy cost per tonne, on-time-in-full "
            "delivery and cash conversion.",
            "",
        ),
        "mistake": (
            "Told the story of the accrual I posted twice in March, with too much detail about "
            "the journals.",
            "She stopped me to ask what I changed afterwards, which should have been the point.",
        ),
        "salary": (
            "Gave a range of 58 to 62 thousand based on two salary surveys, and said the whole "
            "package matters to me.",
            "",
        ),
    },
    "meridian_screen": {
        "intro": (
            "The 90-second version, ending with why healthcare operations. She said it was one "
            "of the clearest summaries she had heard that week.",
            "",
        ),
        "why_company": (
            "Mentioned the new day-surgery centres and the cost-per-case programme from the "
            "annual report.",
            "",
        ),
        "healthcare": (
            "Said that factories and hospitals both deal with capacity, throughput and unit cost.",
            "She was unsure what throughput means in a hospital; I needed theatre utilisation.",
        ),
        "notice": (
            "Three months' notice, possibly two by agreement; no holidays booked in the spring.",
            "",
        ),
        "salary": (
            "Gave 60 to 65 thousand, anchored on their published band and the survey data.",
            "",
        ),
    },
    "alder_consolidation": {
        "consolidation": (
            "Fourteen entities in four currencies; I own the intercompany eliminations, the FX "
            "translation and the consolidation journals in HFM.",
            "",
        ),
        "ifrs16": (
            "Explained the right-of-use asset and the lease liability, but not how a lease "
            "modification is remeasured.",
            "He asked about store lease renegotiations; we have few leases and I had no example.",
        ),
        "automation": (
            "Described the Power Query matching file, the tolerance rules and the cut-off I "
            "agreed with the subsidiary controllers. He asked for numbers and I had them: the "
            "close went from eight days to five.",
            "",
        ),
        "audit": (
            "Told the inventory provision story: I rebuilt the method after last year's "
            "restatement, and this year there were no findings.",
            "",
        ),
        "move_to_fbp": (
            "Admitted that business partnering is what I really want; he smiled and said that "
            "was useful to know.",
            "",
        ),
        "questions_for_us": (
            "Asked how group reporting works with the divisional finance teams, which led to the "
            "conversation about Retail Operations.",
            "",
        ),
    },
    "meridian_manager": {
        "budget_owner": (
            "Said I co-own the plant forecast with the plant manager.",
            "He asked who signs it off and what happens when actuals miss; I was vague about "
            "what I am accountable for.",
        ),
        "kpis": (
            "Adapted the plant KPIs to a hospital: cost per case, theatre utilisation, agency "
            "staff spend and length of stay.",
            "",
        ),
        "cost_allocation": (
            "Suggested allocating shared services by headcount, then by revenue, and "
            "contradicted myself.",
            "I do not know activity-based costing well enough; he looked lost and moved on.",
        ),
        "influence": (
            "The overtime story with numbers this time: overtime down 18% in one quarter, about "
            "140 thousand a year.",
            "He still asked what the plant manager objected to, and I had to improvise.",
        ),
        "conflict": (
            "Described the disagreement with the sales controller about the rebate accrual, but "
            "spent too long on the background.",
            "He interrupted to ask how it ended.",
        ),
        "travel": (
            "Happy to visit the three hospitals twice a month; I already travel to our second "
            "plant.",
            "",
        ),
    },
    "tessellate_first": {
        "intro": (
            "The 60-second version. Wei nodded along and went straight to the next question.",
            "",
        ),
        "unit_economics": (
            "Talked about revenue per customer and gross margin, but could not explain CAC "
            "payback or net revenue retention properly.",
            "He kept asking 'and how would you calculate that?' and I ran out of answers.",
        ),
        "startup_pace": (
            "Gave the example of the board pack I delivered after our controller resigned.",
            "",
        ),
        "excel_model": (
            "Separate inputs, calculations and outputs; checks that must read zero; a version "
            "log; and a second person reviews any model used for a decision.",
            "",
        ),
        "other_language_intro": (
            "用中文介绍了自己：在制造业做了五年集团报表，负责合并和月结，也和工厂经理一起做滚动预"
            "测。整体还可以，但有些财务术语说得不太顺。",
            "Some finance terms in Mandarin did not come naturally (合并报表, 预提费用).",
        ),
    },
    "alder_partner": {
        "why_company": (
            "Linked the Retail Operations transformation to my plant forecasting work, and said "
            "Tom's referral made me look closely at the unit.",
            "",
        ),
        "case_margin": (
            "Split the two points into mix, promotions, shrinkage and freight, and asked for "
            "data on each.",
            "She asked what I meant when I slipped into the factory word 'scrap' for shrinkage.",
        ),
        "influence": (
            "The overtime story in under two minutes, with the 140 thousand saving and what the "
            "plant manager was worried about.",
            "",
        ),
        "challenge_assumption": (
            "Told the discount story: a 12% volume discount renegotiated to 7% with a volume "
            "floor.",
            "",
        ),
        "prioritise": (
            "Triage by decision date and value, and I tell the requesters openly what moves.",
            "",
        ),
        "hybrid": (
            "Three days in the office works; I would rather sit near the operations team anyway.",
            "",
        ),
    },
    "solstice_first": {
        "intro": ("The 60-second version, adapted to project delivery.", ""),
        "irr_npv": (
            "Said NPV is an amount and IRR a percentage, then got muddled about mutually "
            "exclusive projects and multiple IRRs.",
            "I never use IRR at work and could not explain when it misleads.",
        ),
        "capex": (
            "Said I would check the business case against the hurdle rate.",
            "He asked about a capex request I had challenged, and I had no example ready.",
        ),
        "pressure": ("The board pack after the controller left; the story works well now.", ""),
        "other_applications": (
            "Said I am in final stages elsewhere without naming anyone, and that project finance "
            "is a genuine draw here.",
            "",
        ),
        "gap_skills": (
            "Said I need more exposure to commercial negotiations, then started listing courses.",
            "He cut in: which one would you start with, and why?",
        ),
    },
    "meridian_panel": {
        "biggest_achievement": (
            "Started with the intercompany automation but went into the detail of the matching "
            "rules.",
            "The operations director interrupted: what did it change for the business?",
        ),
        "rolling_forecast": (
            "Described the plant forecast, but had no structure when the CFO asked how I would "
            "do it for three hospitals with different service lines.",
            "I only had my own plant's example, not a method.",
        ),
        "bad_news": (
            "Told them about reporting the energy cost overrun, but the order of events was "
            "muddled.",
            "The CFO asked me to repeat what I had actually recommended.",
        ),
        "mistake": ("The accrual story, now centred on the checklist I introduced afterwards.", ""),
        "five_years": (
            "Senior business partner, and I would like to lead a small team by then.",
            "",
        ),
        "erp": (
            "The SAP S/4HANA migration: I mapped 2,300 accounts and the trial balances "
            "reconciled to zero at go-live.",
            "",
        ),
        "questions_for_us": (
            "Only asked about next steps.",
            "I forgot the questions I had prepared about the cost-per-case programme.",
        ),
    },
    "solstice_case": {
        "case_project": (
            "Opened with the recommendation: re-phase two sites, renegotiate the panel contract "
            "and tell the board now. Then the bridge of the 15% overrun by cause.",
            "",
        ),
        "rolling_forecast": (
            "Used the structure I rehearsed: drivers per project phase, a monthly refresh and an "
            "owner for each driver.",
            "Ruth pushed on how often drivers are re-estimated; my answer was fine but slow.",
        ),
        "variance": (
            "Price, volume and mix bridge first, then the operational reason behind each, in "
            "under two minutes.",
            "",
        ),
        "bad_news": (
            "The energy overrun story in the right order this time: the number, the cause, the "
            "options and my recommendation.",
            "",
        ),
    },
    "tessellate_second": {
        "why_company": (
            "Said I like the growth and the Shanghai team, but it sounded generic.",
            "",
        ),
        "leader": (
            "Talked about being a partner rather than a scorekeeper, without saying what that "
            "looks like in practice.",
            "Chen Lu asked for an example and I did not have one ready.",
        ),
        "unit_economics": (
            "Explained CAC payback and net revenue retention with the figures from their "
            "investor deck; Chen Lu pushed on cohort analysis.",
            "",
        ),
        "hobby": (
            "Running my first half marathon, and volunteering as treasurer of the local food bank.",
            "",
        ),
        "salary": (
            "Gave 68 to 72 thousand for the senior role, plus interest in the share scheme.",
            "",
        ),
    },
}

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
        "I modelled the cost of a fourth flexible shift against overtime and walked him through "
        "it line by line; he objected to the training cost, so I added it.",
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
    # interview: self notes, reaction notes, passionate topics, advice, referral
    "northwind": dict(
        self_notes="Nervous from the first minute; I rambled.",
        reaction_notes="She kept glancing at the clock and cut me off twice.",
        passionate="",
        advice="",
        referral="",
    ),
    "kestrel": dict(
        self_notes="Fine on my own experience, shaky on technical points.",
        reaction_notes="Raj frowned at the three-statement answer.",
        passionate="The plant overtime project.",
        advice="Build a small three-statement model yourself; it makes the links obvious.",
        referral="",
    ),
    "bluegate": dict(
        self_notes="Calm; the new introduction helped a lot.",
        reaction_notes="Helen took notes and asked follow-up questions.",
        passionate="Plant KPIs and the forecast with the plant manager.",
        advice="",
        referral="",
    ),
    "meridian_screen": dict(
        self_notes="Confident on logistics and pay for the first time.",
        reaction_notes="Priya said she would put me forward the same day.",
        passionate="Cost per case in day surgery.",
        advice="Use hospital examples, not factory ones, with the hiring manager.",
        referral="",
    ),
    "alder_consolidation": dict(
        self_notes="Strong on consolidation, honest that I prefer business partnering.",
        reaction_notes="Tom relaxed once we talked about working with the divisions.",
        passionate="Working with operations managers on forecasts.",
        advice="",
        referral=(
            "Tom Becker referred me to Sophie Laurent, Head of Retail Finance: Retail Operations "
            "is hiring a finance business partner, and he thought my plant work fits that role "
            "better than consolidation. He forwarded my CV the same afternoon."
        ),
    ),
    "meridian_manager": dict(
        self_notes="Lost confidence after the cost allocation question.",
        reaction_notes="Mark asked 'what did you do, specifically?' three times.",
        passionate="Theatre utilisation.",
        advice="Quantify the business impact of every example before describing the process.",
        referral="",
    ),
    "tessellate_first": dict(
        self_notes="Comfortable, apart from the SaaS metrics.",
        reaction_notes="Wei was friendly but hard to read.",
        passionate="Model design and checks.",
        advice="Read our investor deck before the next round; the metrics are all in there.",
        referral="",
    ),
    "alder_partner": dict(
        self_notes="My best interview so far; every story landed.",
        reaction_notes="Sophie ran twenty minutes over and introduced me to two of her team.",
        passionate="Store margin bridges and the discount renegotiation.",
        advice="",
        referral="",
    ),
    "solstice_first": dict(
        self_notes="The IRR question threw me and I never recovered.",
        reaction_notes="James looked doubtful during the capex answer.",
        passionate="Project delivery and site visits.",
        advice="Read our last two project updates before the case study.",
        referral="",
    ),
    "meridian_panel": dict(
        self_notes=(
            "Three interviewers at once; I answered the person who asked and ignored the others."
        ),
        reaction_notes="The operations director interrupted twice; the CFO checked her phone.",
        passionate="",
        advice="Karen Douglas: lead with the decision the numbers support, then the numbers.",
        referral="",
    ),
    "solstice_case": dict(
        self_notes="Prepared properly and it showed; I opened with the recommendation.",
        reaction_notes="Ruth asked for a copy of my slides.",
        passionate="Re-phasing the solar sites.",
        advice="",
        referral="",
    ),
}

STORIES = {
    # key: (title, situation, task, action, result, skills)
    "intercompany": (
        "Automating the intercompany reconciliation",
        "Fourteen entities in four currencies; intercompany mismatches took three days of every "
        "month-end close.",
        "Cut the time spent on mismatches without adding headcount.",
        "I built a Power Query matching file with tolerance rules and agreed a cut-off with the "
        "subsidiary controllers.",
        "The close went from eight working days to five, and mismatches fell by about 70%.",
        ["process improvement", "Power Query", "stakeholder management"],
    ),
    "discount": (
        "Challenging a 12% volume discount",
        "Sales wanted to offer our largest packaging customer a 12% volume discount.",
        "Work out what the discount would really do to margin.",
        "I built a customer profitability model including freight and rebates, and showed the "
        "sales director the break-even volume.",
        "The discount was renegotiated to 7% with a volume floor, protecting about 400 thousand "
        "of margin a year.",
        ["commercial acumen", "influencing", "modelling"],
    ),
    "provision": (
        "Rebuilding the inventory provision after a restatement",
        "The previous year's inventory provision had been restated by the auditors.",
        "Own the provision method and make it defensible.",
        "I documented the method, back-tested it against actual write-offs and walked the "
        "auditors through it before fieldwork.",
        "No audit findings this year, and the method is now the group standard.",
        ["technical accounting", "documentation", "ownership"],
    ),
    "erp": (
        "Migrating the chart of accounts to SAP S/4HANA",
        "The group moved to SAP S/4HANA with a new chart of accounts.",
        "Map 2,300 accounts and prove the opening balances.",
        "I ran mapping workshops with each ledger owner and built a reconciliation of the old "
        "and new trial balances.",
        "We went live on time and the opening balances reconciled to zero difference.",
        ["project delivery", "attention to detail", "collaboration"],
    ),
    "forecast": (
        "The plant's first rolling forecast",
        "The plant manager only saw the annual budget and was surprised at every quarter end.",
        "Give him a forward view he could act on.",
        "I designed a driver-based twelve-month rolling forecast (volumes, energy prices, "
        "headcount) and reviewed it with him every month.",
        "Accuracy was within 3% by month four, and he used it to defer a hire and cut overtime.",
        ["FP&A", "business partnering", "driver-based modelling"],
    ),
    "mentoring": (
        "Coaching two graduates through the close",
        "Two graduates joined the team just before year-end.",
        "Get them running their ledgers on their own.",
        "I wrote close checklists and held a weekly half-hour session on their questions.",
        "Both ran their ledgers independently within three months; one has since been promoted.",
        ["coaching", "leadership"],
    ),
    "board_pack": (
        "The board pack after the controller resigned",
        "Our financial controller resigned two weeks before the year-end board meeting.",
        "Deliver the board pack on time with a smaller team.",
        "I agreed with the finance director what could wait, re-split the work and wrote the "
        "commentary myself.",
        "The pack went out on time, and the finance director asked me to present the commentary.",
        ["resilience", "prioritisation", "communication"],
    ),
}

ACTIONS = {
    # (interview, aspect, source): text
    ("northwind", "questions", "suggested"): (
        "Rewrite 'Tell me about yourself' as a 90-second answer: what I do now, the plant "
        "forecasting work, and why business partnering."
    ),
    ("northwind", "questions", "own"): (
        "Look up two salary surveys and set my range before the next screen."
    ),
    ("northwind", "overall", "own"): "Do a mock phone screen with Anna before Kestrel.",
    ("northwind", "overall", "suggested"): (
        "Warm up before your next interview: you were nervous at the start. Arrive or log in ten "
        "minutes early, say your introduction aloud twice, and have a first question of your own "
        "ready."
    ),
    ("northwind", "strengths", "bridge"): (
        "When commercial impact comes up, bridge to the discount story: 'I have an example that "
        "shows this better; may I tell you about it?'"
    ),
    ("kestrel", "questions", "advice"): (
        "Build a small three-statement model from scratch, as Raj suggested."
    ),
    ("kestrel", "questions", "suggested"): (
        "Prepare a price-volume-mix bridge with real numbers from the plant."
    ),
    ("kestrel", "relationship", "own"): (
        "Pause after each answer and ask whether they would like more detail, instead of filling "
        "the silence."
    ),
    ("bluegate", "questions", "suggested"): (
        "Find our inventory days and one concrete example of reducing stock."
    ),
    ("bluegate", "strengths", "own"): "Add the graduates' results to the mentoring story.",
    ("meridian_screen", "questions", "advice"): (
        "Prepare a hospital example for every factory metric I use (throughput becomes theatre "
        "utilisation)."
    ),
    ("alder_consolidation", "relationship", "referral"): (
        "Email Sophie Laurent within two days, mention Tom Becker's referral and attach a "
        "one-page summary of the plant forecast."
    ),
    ("alder_consolidation", "questions", "suggested"): (
        "Read up on IFRS 16 lease modifications, with a store lease example."
    ),
    ("meridian_manager", "overall", "advice"): (
        "Quantify the business impact of every story before describing the process."
    ),
    ("meridian_manager", "questions", "suggested"): (
        "Learn the basics of activity-based costing and prepare a shared-services example."
    ),
    ("meridian_manager", "strengths", "bridge"): (
        "When budgets come up, bridge to the rolling-forecast story and say clearly what I own."
    ),
    ("tessellate_first", "questions", "advice"): (
        "Learn the SaaS metrics: CAC payback, net revenue retention, cohort analysis."
    ),
    ("alder_partner", "overall", "own"): (
        "Keep the routine that worked: story list printed, two mock questions the night before."
    ),
    ("alder_partner", "relationship", "own"): (
        "Send Sophie a thank-you note with the margin-bridge idea from the case."
    ),
    ("solstice_first", "questions", "suggested"): (
        "Learn NPV against IRR properly, including mutually exclusive projects; rehearse it until "
        "it is automatic."
    ),
    ("solstice_first", "strengths", "bridge"): (
        "When capital projects come up, bridge to the rolling-forecast story."
    ),
    ("solstice_first", "relationship", "advice"): (
        "Read Solstice's last two project updates before the case study."
    ),
    ("meridian_panel", "overall", "advice"): (
        "Lead with the decision the numbers support, then the numbers."
    ),
    ("meridian_panel", "questions", "suggested"): (
        "Prepare a rolling-forecast structure for a multi-site service business."
    ),
    ("meridian_panel", "questions", "own"): (
        "Write three questions for the panel and keep them on my notepad."
    ),
    ("meridian_panel", "relationship", "own"): (
        "In a panel, answer everyone, not only the person who asked; look at the operations "
        "director when the answer is about operations."
    ),
    ("solstice_case", "strengths", "own"): (
        "Turn the case-study recommendation into a story for the final rounds."
    ),
    ("solstice_case", "relationship", "own"): (
        "Ask Grace about the board's appetite for re-phasing at the final round."
    ),
    (None, "overall", "own"): (
        "Rehearse the due cards at least five days a week until the Alder & Finch final."
    ),
}

ANSWERS = {
    # (question, day): text
    ("intro", -68): (
        "I'm a senior accountant in group reporting at a manufacturer, where I run the "
        "consolidation of fourteen entities and the month-end close. Over the last year I also "
        "built a rolling forecast with our plant manager, and we used it to cut overtime and "
        "defer a hire. That work is what I enjoyed most, and it's why I'm now applying for "
        "business partner roles: I want to spend my time helping managers make decisions, not "
        "only reporting what happened."
    ),
    ("intro", -63): (
        "I'm a senior accountant in group reporting at a manufacturer: I run the consolidation "
        "and the close. Last year I built a rolling forecast with our plant manager that cut "
        "overtime by 18%. That's the work I enjoy most, so I'm moving into business partnering."
    ),
    ("intro", -55): (
        "Group reporting accountant at a manufacturer. My best work: a rolling forecast with our "
        "plant manager that cut overtime 18%. I want to do that full time, as a business partner."
    ),
    ("influence", -44): (
        "Our plant ran 20% overtime every month. I showed the plant manager that overtime cost us "
        "more than two temporary operators, with a week-by-week forecast of demand. He was "
        "worried about quality with new staff, so we agreed a three-month trial with a quality "
        "check. Overtime fell 18% in the first quarter, about 140 thousand a year."
    ),
    ("influence", -34): (
        "I showed our plant manager that overtime cost more than two temporary operators. He "
        "feared for quality, so we trialled it for three months with quality checks. Overtime "
        "fell 18%, about 140 thousand a year."
    ),
    ("variance", -60): (
        "First I'd split the gap into price, volume and mix, by product and region, so we know "
        "which lever moved. Then I'd go to the sales and operations owners of the biggest pieces "
        "with the numbers and ask what changed, and finally I'd check whether it is timing or a "
        "trend before we change the forecast."
    ),
    ("variance", -13): (
        "Price, volume, mix first, by product and region. Then ask the owners of the biggest "
        "pieces what changed, and decide whether it is timing or a trend."
    ),
    ("salary", -55): (
        "Based on the band you published and two salary surveys, I'm looking for 60 to 65 "
        "thousand, and I'm happy to look at the whole package."
    ),
    ("excel_model", -40): (
        "Inputs, calculations and outputs on separate sheets; checks that must read zero; a "
        "version log; and a second pair of eyes on any model used for a decision."
    ),
    ("challenge_assumption", -34): (
        "Sales wanted a 12% volume discount for our biggest customer. My profitability model, "
        "with freight and rebates, showed the break-even volume; we settled at 7% with a volume "
        "floor and kept about 400 thousand of margin a year."
    ),
    ("pressure", -27): (
        "Our controller resigned two weeks before the board meeting. I agreed with the finance "
        "director what could wait, re-split the work and wrote the commentary myself. The pack "
        "went out on time and I presented the commentary."
    ),
    ("rolling_forecast", -19): (
        "I'd start from the decisions the business needs to make, pick the five or six drivers "
        "that move the result (volumes, prices, headcount), give each driver an owner outside "
        "finance, refresh it monthly for a rolling twelve months, and compare every month with "
        "the last forecast so we learn where we were wrong."
    ),
    ("rolling_forecast", -13): (
        "Start from the decisions; five or six drivers, each with an owner; refresh monthly over "
        "twelve months; learn from last month's miss."
    ),
    ("case_project", -13): (
        "Tell the board now, with the recommendation first: re-phase two sites and renegotiate "
        "the panel contract. Then show the 15% overrun by cause and what each option saves."
    ),
    ("other_language_intro", -38): (
        "我在一家制造企业做了五年集团财务报告，负责十四家子公司的合并报表和月结。去年我和工厂经理"
        "一起做了滚动预测，帮助工厂把加班成本降低了百分之十八。我希望转型做财务业务伙伴，更直接地"
        "支持业务决策。"
    ),
    ("bad_news", -8): (
        "Energy costs were running 900 thousand over budget. I told the finance director the "
        "number first, then the cause, then two options with their costs, and recommended hedging "
        "half of next year's volume. We hedged, and the overrun stopped growing."
    ),
}

ATTEMPT_NOTES = {
    # grade: what the candidate noted after a rehearsal (one drawn at random)
    1: [
        "Lost the thread after the first point.",
        "Blanked on the key number again.",
        "Went back to the old, long version.",
    ],
    2: [
        "Got there, but slowly.",
        "Right structure, but I forgot the result.",
        "Over two minutes; needs cutting.",
    ],
    3: ["", "", "Clear and in time."],
    4: ["", "Easy; under a minute."],
}
