"""Guessing a new question's dimension: from the candidate's own confirmed questions
first, then from the usual wordings of each dimension, in English and in Chinese.

Three sources of evidence are added up per dimension; the highest total wins (a tie
goes to the dimension listed first in LEXICON), and nothing at all means *other*:

1. The nearest confirmed question of the candidate's bank (`Bank.nearest`): one that
   shares at least two rare topic words (word keys of coach.similar, weighted by
   rarity) and is similar enough lends its dimension with NEIGHBOUR_WEIGHT. Every
   question in the bank has a dimension the candidate confirmed or corrected.
2. What the words say, learnt from examples (`Model`): a naive Bayes model over word
   stems, word pairs, the question's first two words and CJK characters and pairs,
   counted from usual_questions.csv (about 480 common questions written for this
   project, each with its dimension) and from the candidate's bank, whose questions
   count BANK_WEIGHT times (so the candidate's own dimensions, custom ones included,
   win over the corpus). It adds MODEL_WEIGHT × the dimension's probability.
3. The lexicon (`lexicon_scores`): phrases that give a dimension away, weighted. A
   question's *form* ("tell me about a time…" is behavioural, "how would you…" tests
   professional ability, "in your current role…" verifies past experience, "为什么选择
   我们" asks about motivation) weighs more than a topic word ("salary", "五年").

All three are plain and explainable; a wrong guess costs one click, since the
candidate confirms every dimension. Accuracy is measured on a held-out set of common
questions that neither the lexicon nor the corpus saw (tests/test_dimension_guess.py).
"""

from __future__ import annotations

import csv
import functools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coach.similar import question_keys, word_set

OTHER = "other"
# A bank question adds NEIGHBOUR_WEIGHT × its similarity (the cosine of the rarity-
# weighted topic keys, 0-1) to its dimension's score, when at least NEIGHBOUR_MIN:
# a close rewording (0.7 and up) outweighs any one phrase of the lexicon.
NEIGHBOUR_MIN = 0.6
NEIGHBOUR_WEIGHT = 8.0
# The model adds MODEL_WEIGHT × a dimension's probability (0-1): as much as a telling
# phrase when it is sure, little when it hesitates. The candidate's confirmed
# questions count BANK_WEIGHT times a corpus example. SMOOTHING: Laplace's, for words
# a dimension's examples never use.
MODEL_WEIGHT = 4.0
BANK_WEIGHT = 3.0
SMOOTHING = 0.5

# (weight, pattern) per dimension, tried on the folded text (NFKC, lower case).
# Weights: 3 = the question's form gives the dimension away; 2 = a telling phrase;
# 1 = a topic word that leans one way.
_RAW_LEXICON: dict[str, tuple[tuple[int, str], ...]] = {
    "logistics_pay": (
        (
            3,
            r"earning|\bearn\b|financially|fixed[- ]term|permanent (role|contract|position)|"
            r"\bcontract\b|licen[cs]e|(to|in|into) (our|the) office|(work|working) (on )?weekends?|"
            r"\bshifts?\b",
        ),
        (3, r"交接|多长时间"),
        (
            3,
            r"(how much|what) (do|would) you (earn|make|expect)|current (salary|package|ctc)|"
            r"\bctc\b|day rate|hourly rate|probation|how soon (can|could) you|"
            r"available (from|to start)|willing to (travel|relocate|work (weekends|shifts|late))",
        ),
        (3, r"salary|compensation|pay (range|expectation|rise)|expected pay|remuneration"),
        (3, r"notice period|start date|when (can|could|would) you (start|join)|available to start"),
        (3, r"relocat|visa|sponsorship|right to work|work permit"),
        (2, r"\bbonus|equity|stock options?|benefits package|\bpackage\b|pension"),
        (2, r"days a week in the office|office days|hybrid|remote|work from home|commute"),
        (2, r"travel|overtime|on[- ]call|working hours|hours a week"),
        (2, r"full[- ]time|part[- ]time|contract role|background check|references"),
        (3, r"薪|工资|待遇|年薪|月薪|期望.{0,4}(收入|报酬)|五险一金|社保|公积金|福利"),
        (3, r"到岗|入职时间|什么时候(可以|能)?(入职|上班|到岗)|离职.{0,3}(手续|通知期)|通知期"),
        (2, r"加班|出差|工作地点|异地|搬迁|户口|远程|试用期|调休|倒班"),
        (
            3,
            r"多久(可以|能)?(入职|到岗|上班|来)|到岗时间|什么时候能来|期望(的)?(薪|待遇|收入|月薪|年薪)|"
            r"能(否)?接受.{0,6}(出差|加班|外派|倒班|驻场|异地|调岗)|通勤|住(在)?哪",
        ),
    ),
    "behavioural": (
        (
            4,
            r"hard to work with|difficult to work with|(did not|didn't) get along|"
            r"(did not|didn't) go (to plan|well)|initiative",
        ),
        (3, r"举例|主动|发现问题|解决(问题|的经历)|投诉|难缠|忙的时候|调整|怎么办"),
        (
            3,
            r"what would you do if|a situation (where|in which|when)|an example of|"
            r"a time (when|where|you)|how have you (handled|dealt|managed|resolved|delivered)",
        ),
        (
            3,
            r"how (do|did|would) you (handle|deal with|cope with|manage|respond to) (stress|"
            r"pressure|conflict|criticism|feedback|change|ambiguity|a difficult|difficult|"
            r"deadlines|mistakes|failure|disagreement|an angry|angry|an upset|setbacks)",
        ),
        (4, r"tell (me|us) about a (time|situation|moment|project where)"),
        (4, r"(describe|share|recall) (a|an) (time|situation|occasion|example|moment)"),
        (4, r"give (me |us )?(an|a specific|one) example|can you think of a time|a time when"),
        (3, r"have you ever had to|what did you do when|how did you (handle|deal with|resolve) a"),
        (
            2,
            r"conflict|disagree|disagreement|difficult (colleague|person|stakeholder|customer|"
            r"manager|boss|decision|conversation|situation)|angry|upset",
        ),
        (2, r"fail(ed|ure)?|mistake|setback|went wrong|criticism|negative feedback"),
        (2, r"under pressure|tight deadline|deadline|stress|competing (priorities|demands)"),
        (2, r"prioriti[sz]e|persuad|convinc|influence|bad news|push back|pushed back"),
        (
            1,
            r"team ?work|teammate|led a team|leadership|took the initiative|adapt|"
            r"ethical|above and beyond|learned from|learnt from",
        ),
        (4, r"举(一个|个|一些)?例子|讲(一个|一次|个)|描述一(次|个|下你)|分享一(个|次)"),
        (3, r"有没有(遇到|经历|碰到)过|遇到过|经历过.{0,6}(吗|？|\?)|当时(你)?是怎么"),
        (2, r"冲突|分歧|矛盾|意见不(一|合)|失败|犯(过)?错|错误|挫折|批评"),
        (2, r"压力|紧急|截止|同时(处理|进行)|优先级|说服|团队合作|合作|难相处|困难"),
        (
            3,
            r"如果.{0,12}(同事|领导|上级|客户|下属|老板).{0,12}(你会|怎么办|如何)|遇到.{0,10}怎么办|"
            r"(怎么|如何)(应对|处理|面对)(压力|冲突|批评|分歧|失败|变化)",
        ),
    ),
    "past_experience": (
        (
            3,
            r"你(现在|目前|当时|之前|以前)|(之前|以前|上一家|原来|过去)的(工作|公司|岗位|单位)|"
            r"你(当时)?是(如何|怎么|怎样).{0,12}的|角色|学到|每天|日常",
        ),
        (
            3,
            r"your experience (with|in|of|using|at)|what (projects|systems|tools|software) "
            r"(have|did) you|did you (ever|personally)|were you (responsible|involved)|"
            r"who (did|do) you report to|how (big|large) (was|is) (your|the) team|"
            r"tell (me|us) about your (current|last|previous|recent) (role|job|project|team|work)",
        ),
        (4, r"in your (current|previous|last|present|former) (role|job|position|company|team)"),
        (4, r"at your (current|previous|last|present|former) (company|employer|job|firm)"),
        (4, r"(on|in) your (cv|resume|résumé|cv's)|you (mention(ed)?|wrote|list(ed)?)\b"),
        (
            3,
            r"how did you (handle|manage|run|approach|build|implement|set up|organi[sz]e|lead|"
            r"structure|reduce|improve|cut|prepare|design|deliver|plan|achieve|get|automate|do)",
        ),
        (
            3,
            r"what (exactly )?did you (build|do|own|deliver|change|lead|achieve|learn|work)|"
            r"what was your (role|responsibility|contribution|part)",
        ),
        (
            3,
            r"have you (ever )?(used|worked|owned|managed|led|built|run|been responsible|"
            r"implemented|done|handled|supervised|prepared|presented|reported)",
        ),
        (
            3,
            r"how many .{0,40}(do|did|have) you (manage|consolidate|lead|have|oversee|handle|"
            r"support|run|own)|what do you own|which .{0,40}have you used",
        ),
        (
            3,
            r"your (last|latest|previous|current|biggest|most recent) (project|audit|team|"
            r"employer|role|manager|position|job|company)|"
            r"your (day[- ]to[- ]day|typical (day|week))",
        ),
        (2, r"proudest|biggest achievement|greatest achievement|most proud|key achievement"),
        (2, r"day[- ]to[- ]day|typical (day|week)|responsible for|your responsibilities"),
        (4, r"你(在|之前|以前|上一家|目前|现在|过去).{0,6}(公司|工作|岗位|职位|单位|团队)"),
        (4, r"简历|你提到|你说你|你当时|你们公司|贵公司以前"),
        (3, r"你(是)?(如何|怎么|怎样)(做|处理|完成|推动|搭建|管理|实现|解决)(的|了)"),
        (
            3,
            r"负责(过|的|什么|哪些)|做过|参与过|管理过|带过|用过|使用过|主导过|具体做了|"
            r"你的(角色|职责|贡献)|主要职责|工作内容|日常工作",
        ),
        (2, r"最有成就感|最大的成就|最骄傲|印象最深的项目|项目经历|工作经历"),
        (
            3,
            r"你.{0,4}(经验|经历)|有(没有)?.{0,8}(经验|经历)|你们团队|你(主要)?做(了|过)?(什么|哪些)|"
            r"当时你|你在.{0,8}(中|里)(负责|承担|扮演)",
        ),
    ),
    "professional_ability": (
        (
            3,
            r"which (method|approach|framework|model|technique|tool|metric|test)s? would you|"
            r"what (levers|factors|steps|options|risks|drivers|assumptions) would you|"
            r"would you (use|look at|consider|recommend|check|approach|start)|"
            r"how (should|can|could) (a|an|the|we|you|one) |how (is|are) .{0,40} "
            r"(calculated|measured|treated|recogni[sz]ed|accounted|valued|tested)|"
            r"estimate (how many|the)|how many .{0,30} (are there|in)|optimi[sz]e|debug|implement",
        ),
        (
            3,
            r"how would you\b|how should\b|what would you (change|do|improve|recommend|suggest)|"
            r"how do you (calculate|evaluate|measure|model|test|design|build|"
            r"analy[sz]e|forecast|estimate|value|price|optimi[sz]e|decide|approach|structure|"
            r"make sure|ensure|choose|validate|prevent|avoid|detect)",
        ),
        (
            3,
            r"what is the difference|difference between|compare .{0,30} (and|with|to)|"
            r"pros and cons|trade[- ]?offs?",
        ),
        (
            3,
            r"walk (me|us) through how|explain (how|why|what)|^explain|how does|how do .{0,30}"
            r"work|what happens (when|if)|^case:|what would you (recommend|look at|check|do first)",
        ),
        (3, r"write (a|an|some)? ?(sql )?(query|function|script|code|program)|sql query"),
        (
            2,
            r"^what (is|are) (a |an |the )?(?!your\b|you\b)[a-z0-9-]+( and| in| of|\?|$)|"
            r"^what (is|are) (a|an) |what does .{0,30} mean|what are the (main|key)|"
            r"which (kpis?|metrics?|method|model|"
            r"approach|tools?|test) would you|calculate|estimate|design a|how many .{0,30} in",
        ),
        (
            1,
            r"\bsql\b|python|excel|model|forecast|budget(ing)?|regression|p-value|statistic|"
            r"algorithm|database|\bapi\b|valuation|\bdcf\b|\bnpv\b|\birr\b|ebitda|cash flow|"
            r"balance sheet|ifrs|gaap|machine learning|a/b test|\bkpis?\b|metric|variance|"
            r"accrual|depreciation|working capital|margin|pricing|complexity|index|cache|"
            r"architecture|framework|strategy|market size|accounting",
        ),
        (2, r"(你会|你将|如果让你|假如).{0,8}(怎么|如何|怎样)"),
        (
            3,
            r"有什么用|的作用|函数|五步法|准则|(如何|怎么|怎样)(计算|设计|评估|分析|"
            r"衡量|搭建|建立|优化|判断|处理|预测|理解|区分|看待)",
        ),
        (3, r"区别|差异|什么是|原理|解释一下|是什么意思|优缺点|利弊"),
        (
            3,
            r"(哪些|什么)(方法|思路|步骤|工具|指标)|(怎么|如何)(做|看|理解|判断|优化|提升|降低|改善|提高|"
            r"衡量|控制|识别)|思路|步骤",
        ),
        (
            2,
            r"模型|公式|算法|指标|预算|预测|报表|合并|抵消|折旧|现金流|估值|数据库|"
            r"会计准则|税|成本|定价|分析方法|计算",
        ),
    ),
    "motivation_fit": (
        (
            4,
            r"have you (used|tried|seen) our|accept an offer from us|choose us over|"
            r"draws? you to|attracts? you to|value most in|look for in an? (company|employer)",
        ),
        (
            3,
            r"what do you think (of|about) (it|us|our)|"
            r"\bour (app|products?|services?|brand|website)|"
            r"like ours|start-?up|scale-?up|fast-growing|big (company|corporate)|large (company|"
            r"bank|corporate|firm)|small company|(sector|industry)\?",
        ),
        (3, r"创业公司|大公司|快节奏|适应.{0,6}(环境|节奏|文化)|符合|胜任|适合|几个offer|offer"),
        (
            3,
            r"what (do|would) you (value|look for|want) in (a|an|your next) (company|employer|job|"
            r"role|manager|team)|what are you looking for in (a|an|your next) (role|job|company|"
            r"employer)|why (this|our|the) (industry|sector|field|business)|(switch|move|change) "
            r".{0,40}(industry|sector)|appeals? to you|what interests you|excited about|"
            r"why .{0,12}(join|apply)",
        ),
        (
            4,
            r"why (do|would) you (want|like|wish) to (work|join)|why (us|this company|our company)|"
            r"why (do you want|are you interested in|did you apply for) (this|the|our)",
        ),
        (
            3,
            r"why should we (hire|choose|pick)|what makes you (a good|the right) (fit|candidate)|"
            r"good fit|right fit|why are you (a good|the right)",
        ),
        (
            3,
            r"what (do you know|have you heard|attracts you|interests you|excites you) "
            r"(about|to) (us|our|the company|this (role|company|position|team))",
        ),
        (3, r"motivat|what drives you|what gets you up|passionate about"),
        (2, r"culture|\bour (values|mission|products?|company|team|business|clients)"),
        (
            4,
            r"(cope|deal) with (the|our) (pace|culture|environment|ambiguity)|fit (in|into) "
            r"(our|the) (team|culture)",
        ),
        (2, r"why would you (move|switch|change|go) (from|into|to)"),
        (
            2,
            r"where else are you (interviewing|applying)|other (offers|applications|companies|"
            r"interviews)|why (would you )?(move|switch|change) (from|into|to) .{0,30}"
            r"(industry|sector)|cope with the pace|(scale-up|start-?up|big company|corporate)",
        ),
        (
            2,
            r"ideal (job|role|manager|company|team|environment)|what kind of (environment|"
            r"company|manager|team|culture)|work best|thrive|what do you like about",
        ),
        (
            4,
            r"为什么(选择|想|要|会)?(来|加入|应聘|申请|投递|选择)?(我们|本公司|贵公司|公司|这个(岗位|"
            r"职位|行业|团队))|为什么(想|要)?(加入|来)",
        ),
        (
            3,
            r"(了解|知道).{0,6}(我们|公司|本公司|贵公司|这个(岗位|职位))|"
            r"对.{0,8}(我们|公司|岗位|职位|行业).{0,6}(了解|看法|认识)",
        ),
        (3, r"为什么.{0,6}(我们|本公司|贵公司|这个(岗位|职位|行业|团队|公司))"),
        (3, r"动机|吸引你|企业文化|价值观|匹配|为什么(适合|我们要|要录用)|凭什么|胜任"),
        (
            2,
            r"还(面试|投)了|其他(offer|公司)|别的公司|理想的(工作|公司|团队|领导)|"
            r"看重|为什么.{0,8}行业|选择(我们|公司|本公司|贵公司)的原因|求职动机|对.{0,6}感兴趣|为什么投|"
            r"什么样的(环境|团队|公司|领导)|看重什么|热情|感兴趣",
        ),
    ),
    "career_planning": (
        (5, r"gap in your|career break|空窗期"),
        (
            4,
            r"why did you (move|switch|change|go) (from|into|to)|on the market|move into "
            r"(management|leadership|a (management|leadership) role)|eventually|in (the )?future|"
            r"future career",
        ),
        (3, r"你的背景|背景吧|说说你的背景"),
        (4, r"chang(e|ing) careers?|career change"),
        (
            3,
            r"about yourself|your background|hope to (be|become|do|achieve|get)|see your career|"
            r"where (do you )?want to be|what are your goals|plans for the future|"
            r"professional development|how does this (role|job) fit (into )?your|why did you leave|"
            r"what are you looking for in your next (step|move)|gap in your (cv|resume|career)",
        ),
        (3, r"规划|打算|个人发展|职业生涯|为什么(要)?换|空窗期|(你的)?目标是什么"),
        (4, r"(five|5|ten|10|three|3|two|2) years|next (few|couple of) years|long[- ]term"),
        (
            4,
            r"where do you see yourself|career (goals?|plans?|path|aspirations?|ambitions?|"
            r"so far|change|move|progression|direction|development)",
        ),
        (
            3,
            r"why (are|were) you (leaving|looking to leave|looking for a new)|why (do|did) you "
            r"(want to )?(leave|quit|change jobs)|reason for leaving|why (are|were) you "
            r"looking|why now",
        ),
        (
            3,
            r"tell (me|us) about yourself|introduce yourself|walk (me|us) through your "
            r"(cv|resume|résumé|background|career)|about your background",
        ),
        (
            3,
            r"next (career )?step|what do you want to (achieve|become|be doing|learn)|what kind of "
            r"(leader|professional|manager) do you want|skills .{0,30}(develop|improve|learn|"
            r"still need|work on)|why did you choose .{0,30}(career|field|profession|major|path)|"
            r"as a career|why (move|switch) (from|into|to)|ambition|aspire|grow into",
        ),
        (1, r"career|future|goals?\b|promotion|progress"),
        (
            4,
            r"职业规划|职业(目标|发展|方向|路径)|(三|五|十|两|3|5|10)年(后|内|以后|之后|的)?|"
            r"未来.{0,6}(规划|打算|计划|目标)|长期",
        ),
        (4, r"自我介绍|介绍一下(你)?自己|介绍(你)?自己|讲讲你的(经历|背景)"),
        (
            3,
            r"(为什么|为何).{0,6}(离职|离开|跳槽|换工作)|离职(原因|的原因)|为什么要?转行|"
            r"转行|下一步|希望成为|想成为|成为什么样的|职业上|提升哪些|晋升",
        ),
    ),
    OTHER: (
        (4, r"spend your (weekends?|free time|evenings|time off)|podcast|listen to|for fun"),
        (
            3,
            r"what (do|would) (your|others|other people|colleagues|friends|your manager) "
            r"(say|think|describe)|how would (your|others|colleagues|friends|your manager) "
            r"describe you|"
            r"how would (your |other )?(others|colleagues|friends|manager|boss|team|people) "
            r"describe you|anything else (you'd|you would|to add)|for fun|free time|reading|"
            r"if you were an? ",
        ),
        (3, r"(别人|同事|朋友|领导)(会)?(怎么|如何)(评价|形容|看)你|空闲|平时喜欢|你还有什么想"),
        (
            4,
            r"(any|what) questions (do you have )?(for|to ask) (me|us)|anything (else )?you "
            r"(want|would like) to ask|questions for us",
        ),
        (
            3,
            r"weakness|strengths?\b|hobb|outside (of )?work|free time|spare time|"
            r"favou?rite (book|film|movie)|describe yourself in|three words|how did you hear",
        ),
        (4, r"有什么(问题|想问|要问)|还有什么问题|缺点|优点|爱好|业余|三个词|怎么知道(我们|这个)"),
        # A question in another language checks the language, whatever it asks about.
        (6, r"用(中文|英文|英语|日语|韩语)|in (english|chinese|mandarin|french|german|spanish)\b"),
    ),
}

LEXICON: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {
    dimension: tuple((weight, re.compile(pattern)) for weight, pattern in cues)
    for dimension, cues in _RAW_LEXICON.items()
}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def lexicon_scores(text: str) -> dict[str, float]:
    """Each dimension's lexicon score for `text` (only dimensions that scored)."""
    folded = " ".join(fold(text).split())
    scores: dict[str, float] = {}
    for dimension, cues in LEXICON.items():
        total = sum(weight for weight, pattern in cues if pattern.search(folded))
        if total:
            scores[dimension] = float(total)
    return scores


@dataclass(frozen=True)
class Bank:
    """The confirmed questions of the bank, as the guesser sees them: each one's topic
    keys weighted by how rare the key is in the bank (a key most questions share, such
    as "team" or 自己, says little), made once per guess of many questions."""

    entries: tuple[tuple[dict[str, float], float, str], ...] = ()  # (weights, norm, dimension)
    rarity: dict[str, float] = field(default_factory=dict)  # key -> inverse document frequency
    unseen: float = 0.0  # the weight of a key no bank question has

    def weigh(self, keys: Iterable[str]) -> tuple[dict[str, float], float]:
        weights = {key: self.rarity.get(key, self.unseen) for key in keys}
        return weights, math.sqrt(sum(w * w for w in weights.values()))

    def nearest(self, text: str) -> dict[str, float]:
        """Per dimension, the similarity (0-1) of its closest bank question to `text`."""
        weights, norm = self.weigh(topic_keys(text))
        best: dict[str, float] = {}
        if not norm:
            return best
        for other, other_norm, dimension in self.entries:
            common = [k for k in weights if k in other]
            # One shared word is chance ("motivated a team" / "what motivates you"),
            # unless one of the two questions has only that word.
            if len(common) < 2:
                continue
            shared = sum(weights[k] * other[k] for k in common)
            if shared and other_norm:
                similarity = shared / (norm * other_norm)
                if similarity > best.get(dimension, 0.0):
                    best[dimension] = similarity
        return best


# Word keys (coach.similar) that nearly any interview question may use, whatever it
# asks about: they never make two questions neighbours.
GENERIC_KEYS = word_set(
    "team manag role work job compa posit ever day week month year peopl colle start "
    "make best most good great curre previo last first next new own someo anyth somet "
    "situa exper using used use worke want like feel get set take found go up our each "
    "much momen chang plan move "
    "公司 工作 自己 你自 下你 一下 你们 我们 时候 什么 怎么 如何 哪些"
)


def topic_keys(text: str) -> frozenset[str]:
    return question_keys(text) - GENERIC_KEYS


def make_bank(questions: Iterable[tuple[str, str]]) -> Bank:
    """The guesser's view of (text, dimension) pairs of the bank."""
    keyed = [(topic_keys(text), dimension) for text, dimension in questions]
    counts: dict[str, int] = {}
    for keys, _ in keyed:
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    n = len(keyed)
    rarity = {key: math.log((n + 1) / count) for key, count in counts.items()}
    bank = Bank((), rarity, math.log(n + 1))
    entries = []
    for keys, dimension in keyed:
        weights, norm = bank.weigh(keys)
        entries.append((weights, norm, dimension))
    return Bank(tuple(entries), rarity, bank.unseen)


_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
_WORD = re.compile(r"[a-z0-9]+")
STEM = 6  # letters of an English word the model keeps: "analyst", "analysis" -> "analys"


def features(text: str) -> frozenset[str]:
    """What the model counts in a question: stems, pairs of stems, the first two stems
    (the question's form), and CJK characters and pairs of characters."""
    folded = fold(text)
    stems = [word[:STEM] for word in _WORD.findall(_CJK_RUN.sub(" ", folded))]
    found = set(stems)
    found.update(f"{a}_{b}" for a, b in zip(stems, stems[1:], strict=False))
    if stems:
        found.add("^" + "_".join(stems[:2]))
    for run in _CJK_RUN.findall(folded):
        found.update(run)
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(found)


@dataclass
class Model:
    """Naive Bayes counts: per dimension, in how many example questions each feature is."""

    counts: dict[str, dict[str, float]] = field(default_factory=dict)
    totals: dict[str, float] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)

    def add(self, text: str, dimension: str, weight: float = 1.0) -> None:
        counts = self.counts.setdefault(dimension, {})
        for feature in features(text):
            counts[feature] = counts.get(feature, 0.0) + weight
            self.vocabulary.add(feature)
        self.totals[dimension] = self.totals.get(dimension, 0.0) + weight * len(features(text))

    def copy(self) -> Model:
        return Model(
            {d: dict(c) for d, c in self.counts.items()}, dict(self.totals), set(self.vocabulary)
        )

    def probabilities(self, text: str) -> dict[str, float]:
        """Each dimension's probability for `text` (equal priors: the corpus's mix of
        dimensions says nothing about the next question)."""
        known = [f for f in features(text) if f in self.vocabulary]
        if not known or not self.counts:
            return {}
        size = len(self.vocabulary)
        logs = {
            d: sum(
                math.log((counts.get(f, 0.0) + SMOOTHING) / (self.totals[d] + SMOOTHING * size))
                for f in known
            )
            for d, counts in self.counts.items()
        }
        top = max(logs.values())
        exps = {d: math.exp(v - top) for d, v in logs.items()}
        total = sum(exps.values())
        return {d: v / total for d, v in exps.items()}


CORPUS = Path(__file__).with_name("usual_questions.csv")


@functools.cache
def corpus_model() -> Model:
    """The model of the usual questions shipped with the app (read once per process)."""
    model = Model()
    with CORPUS.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            model.add(row["question"], row["dimension"])
    return model


@dataclass(frozen=True)
class Guesser:
    """Everything a guess needs, made once for many questions (a pasted list, a
    transcript): the bank's neighbours and the model with the bank counted in."""

    bank: Bank
    model: Model


def make_guesser(questions: Iterable[tuple[str, str]] = ()) -> Guesser:
    """A guesser that knows the confirmed (text, dimension) pairs of the bank."""
    confirmed = list(questions)
    model = corpus_model()
    if confirmed:
        model = model.copy()
        for text, dimension in confirmed:
            model.add(text, dimension, BANK_WEIGHT)
    return Guesser(make_bank(confirmed), model)


def guess(text: str, guesser: Guesser | None = None, known: Iterable[str] | None = None) -> str:
    """The dimension to suggest for `text` (see the module's docstring).

    `known`: the journal's dimensions; a guess outside them is *other*.
    """
    guesser = guesser or make_guesser()
    scores = lexicon_scores(text)
    for dimension, probability in guesser.model.probabilities(text).items():
        scores[dimension] = scores.get(dimension, 0.0) + MODEL_WEIGHT * probability
    for dimension, similarity in guesser.bank.nearest(text).items():
        if similarity >= NEIGHBOUR_MIN:
            scores[dimension] = scores.get(dimension, 0.0) + NEIGHBOUR_WEIGHT * similarity
    allowed = None if known is None else set(known)
    order = list(LEXICON)
    ranked = sorted(
        (d for d in scores if scores[d] > 0 and (allowed is None or d in allowed)),
        key=lambda d: (-scores[d], order.index(d) if d in order else len(order)),
    )
    return ranked[0] if ranked else OTHER
