"""What a calendar event says about an interview: a guess the candidate confirms.

The company, in order of trust:
1. our own export's X-COACH-COMPANY (a round trip is exact);
2. a company of the journal whose name is in the title ("Final round – Northwind");
3. the title's "interview with …" ("Interview with Northwind – Data analyst");
4. the organiser's (or an attendee's) e-mail domain, unless it is a mail provider or a
   scheduling tool (amy@careers.northwind.co.uk → "Northwind");
5. any other part of the title that is not a word of the trade ("Globex – Final",
   "面试 - 腾讯"); titles such as "Li Wei x Dana Smith" name people, hence last.
The role, round and format come from the title, location and description.

Chinese titles usually part their words with a plain space, brackets or a dash with
no spaces ("字节跳动 数据分析师 二面", "【腾讯】产品经理一面邀请", "网易-游戏策划-笔试"),
so a title is also cut there next to Chinese characters; a part naming a round or an
invitation (一面, 技术面, 群面, 面试邀请) is never the company, and one naming a job
(…工程师, …开发, 产品经理, 管培生, …岗) is the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.calendars.events import CalendarEvent
from coach.i18n import N_, _

# The Chinese words of the trade: the interview, the written test and the rounds.
_CHINESE_TRADE = (
    r"面试|笔试|[一二三四五]面|终面|复试|初试|hr ?面|技术面|业务面|主管面|总监面|交叉面|加面|群面"
)
_INTERVIEW_WORDS = re.compile(
    r"interview|screen(?:ing)?\b|recruiter|hiring|on-?site|final round|first round|"
    r"second round|third round|\bround\b|technical|case study|assessment|take-home|panel|"
    rf"{_CHINESE_TRADE}|无领导小组|测评",
    re.IGNORECASE,
)
# What is cut out of a Chinese role ("数据分析师一面", "视频面试 后端开发").
_CHINESE_ROUND = re.compile(rf"{_CHINESE_TRADE}|视频|电话", re.IGNORECASE)
# Words of an invitation, not of a company or a role: "腾讯面试邀请" is 腾讯.
_CHINESE_NOTICE = re.compile(r"邀请|通知|提醒|安排|预约|确认|日程|线上|线下")
# The round as an English title names it, said in the language in use (a Chinese
# candidate importing "Final round – Globex" reads 终面); a Chinese title's own word is kept.
_ROUNDS = [
    (r"phone screen|phone interview", N_("Phone screen")),
    (r"recruiter (?:screen|call|chat)", N_("Recruiter screen")),
    (r"hiring manager", N_("Hiring manager")),
    (r"first round|1st round|round 1\b", N_("First round")),
    (r"second round|2nd round|round 2\b", N_("Second round")),
    (r"third round|3rd round|round 3\b", N_("Third round")),
    (r"final round|final interview|\bfinal\b", N_("Final round")),
    (r"on-?site", N_("On site")),
    (r"technical", N_("Technical")),
    (r"case study", N_("Case study")),
    (r"take-home|assessment", N_("Assessment")),
    (r"panel", N_("Panel")),
    (r"\bhr\b(?! ?面)", "HR"),
    (r"一面|初试", "一面"),
    (r"二面|复试", "二面"),
    (r"三面", "三面"),
    (r"四面", "四面"),
    (r"终面", "终面"),
    (r"hr ?面", "HR面"),
    (r"(?:技术|业务|主管|总监|交叉)面", None),  # the title's own word
    (r"加面", "加面"),
    (r"群面|无领导小组", "群面"),
    (r"笔试", "笔试"),
]
_JOB_WORDS = re.compile(
    r"\b(?:analyst|engineer|developer|manager|accountant|designer|scientist|lead|director|"
    r"intern|consultant|specialist|associate|officer|architect|controller|partner|"
    r"administrator|coordinator|researcher|head of|vp)\b|经理|工程师|分析师|会计|设计师|总监|"
    r"专员|主管|实习|开发|产品|运营|算法|研发|策划|管培|专家|前端|后端|测试|销售|顾问|助理|"
    r"架构师|研究员|审计|财务|分析|设计|(?<=[\u4e00-\u9fff])岗(?:位)?|职位",
    re.IGNORECASE,
)
_WITH = re.compile(
    r"(?:interview|call|chat|meeting|screen(?:ing)?|onsite|on-site|面试)\s+"
    r"(?:with|at|for|@|-|–|—|:)\s+(?P<name>.+)",
    re.IGNORECASE,
)
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SEPARATORS = re.compile(
    r"\s+[-–—|·/]\s+|\s*[:：|·()（）\[\]【】「」《》〔〕｜丨]\s*|\s+x\s+|"
    # Chinese parts: a space next to a Chinese character, or a dash between two.
    rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])|(?<=[{_CJK}])[-–—_/](?=[{_CJK}])"
)
# Words that are never a company's name in a title.
_NOT_A_NAME = re.compile(
    r"^(?:interview|interviews|call|chat|meeting|invitation|invite|updated invitation|"
    r"canceled|cancelled|accepted|tentative|reminder|with|at|for|video|phone|zoom|teams|"
    r"google meet|the|and|&|面试|邀请|通知|视频|电话|现场)$",
    re.IGNORECASE,
)
_VIDEO = re.compile(
    r"zoom\.us|teams\.microsoft|teams\.live|meet\.google|webex|whereby|chime\.aws|"
    r"meeting\.tencent|voovmeeting|feishu|larksuite|dingtalk|video call|video interview|"
    r"腾讯会议|飞书|钉钉|企业微信|视频|线上|远程",
    re.IGNORECASE,
)
_PROVIDERS = {
    "gmail", "googlemail", "google", "outlook", "hotmail", "live", "msn", "yahoo", "icloud",
    "me", "mac", "aol", "proton", "protonmail", "gmx", "qq", "163", "126", "foxmail", "sina",
    "yandex", "zoho", "fastmail", "calendly", "greenhouse", "lever", "ashbyhq", "workday",
    "myworkday", "smartrecruiters", "icims", "bamboohr", "gem", "goodtime", "linkedin",
    "zoom", "microsoft", "teams", "calendar", "hirevue", "modernloop", "rippling",
    "recruitee", "workable", "jobvite", "personio", "teamtailor",
}  # fmt: skip
_SUBDOMAINS = {
    "careers", "career", "jobs", "job", "mail", "email", "hr", "recruiting", "recruitment",
    "talent", "people", "corp", "notifications", "calendar", "e",
}  # fmt: skip
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc"}


@dataclass(frozen=True)
class Guess:
    company: str
    company_reason: str  # why, in the language in use: "the event's title", …
    role: str
    round: str
    format: str  # a key of vocabulary.INTERVIEW_FORMATS

    @property
    def has_company(self) -> bool:
        return bool(self.company)


def looks_like_interview(event: CalendarEvent) -> bool:
    return bool(event.extra) or bool(_INTERVIEW_WORDS.search(event.title))


def guess(event: CalendarEvent, known_companies: list[str]) -> Guess:
    company, reason = _company(event, known_companies)
    return Guess(
        company=company,
        company_reason=reason,
        role=event.extra.get("X-COACH-ROLE") or _role(event.title, company),
        round=event.extra.get("X-COACH-ROUND", _round(event.title)),
        format=event.extra.get("X-COACH-FORMAT") or _format(event),
    )


def _company(event: CalendarEvent, known: list[str]) -> tuple[str, str]:
    own = event.extra.get("X-COACH-COMPANY")
    if own:
        return own, _("this app's export")
    title = event.title
    folded = title.casefold()
    for name in sorted(known, key=len, reverse=True):
        if name and re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded):
            return name, _("a company in your journal, named in the title")
    match = _WITH.search(title)
    named = _name_in([_SEPARATORS.split(match["name"])[0]] if match else [])
    if named:
        return named, _("the event's title")
    for email in (event.organiser_email, *event.attendee_emails):
        name = _from_domain(email)
        if name:
            domain = email.split("@", 1)[1]
            for known_name in known:
                if known_name.casefold() == name.casefold():
                    return known_name, _(
                        "a company in your journal, from the domain {domain}"
                    ).format(domain=domain)
            return name, _("the e-mail domain {domain}").format(domain=domain)
    # Last, any part of the title that is not a word of the trade ("Northwind – Final").
    named = _name_in(_SEPARATORS.split(title))
    return (named, _("the event's title")) if named else ("", "")


def _name_in(candidates: list[str]) -> str:
    for part in candidates:
        part = _CHINESE_NOTICE.sub(" ", _INTERVIEW_WORDS.sub(" ", part))
        part = re.sub(r"\b(?:with|at|for)\b", " ", part, flags=re.IGNORECASE)
        part = " ".join(part.split()).strip(" -–—,.")
        if part and not _NOT_A_NAME.match(part) and not _JOB_WORDS.search(part):
            return part
    return ""


def _from_domain(email: str) -> str:
    if "@" not in email:
        return ""
    labels = email.rsplit("@", 1)[1].lower().split(".")
    if len(labels) < 2:
        return ""
    labels = labels[:-1]  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]  # co.uk, com.cn
    labels = [label for label in labels if label not in _SUBDOMAINS]
    if not labels:
        return ""
    name = labels[-1]
    if name in _PROVIDERS or not name.isascii():
        return ""
    return name.replace("-", " ").title() if not name.isdigit() else ""


def _role(title: str, company: str) -> str:
    for part in _SEPARATORS.split(title):
        part = " ".join(part.split())
        if company and part.casefold() == company.casefold():
            continue
        match = re.search(r"for (?:the |a |an )?(?P<role>.+?)(?: role| position|$)", part, re.I)
        if match and _JOB_WORDS.search(match["role"]):
            return match["role"].strip()
        if _JOB_WORDS.search(part) and len(part) <= 80:
            cleaned = re.sub(r"\b(?:interview|role|position)\b", " ", part, flags=re.I)
            if re.search(f"[{_CJK}]", cleaned):  # 数据分析师一面邀请 → 数据分析师
                cleaned = _CHINESE_NOTICE.sub(" ", _CHINESE_ROUND.sub(" ", cleaned))
            cleaned = " ".join(cleaned.split()).strip(" -–—,")
            if cleaned:
                return cleaned
    return ""


def _round(title: str) -> str:
    for pattern, label in _ROUNDS:
        found = re.search(pattern, title, re.IGNORECASE)
        if found:
            return found[0] if label is None else _(label)
    return ""


def _format(event: CalendarEvent) -> str:
    everything = " ".join((event.title, event.location, event.description))
    if re.search(r"take-home|assessment|笔试|测评", event.title, re.IGNORECASE):
        return "take_home"
    if re.search(r"\bpanel\b", event.title, re.IGNORECASE):
        return "panel"
    if _VIDEO.search(everything):
        return "video"
    if re.search(r"\bphone\b|\bcall me\b|tel:|电话", everything, re.IGNORECASE):
        return "phone"
    if event.location and not re.search(r"https?://", event.location):
        return "onsite"
    return "video"
