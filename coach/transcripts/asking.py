"""Which sentences of an interviewer's turn ask something, in English and in Chinese.

A sentence asks when it ends with a question mark (? or ？), opens as a question or a
request does ("what…", "could you…", "walk me through…", "tell me about…"), or, in
Chinese, ends with 吗 or 呢, asks with 为什么, 怎么, 如何, 什么, 哪, 多少, 是否, or
requests with 请…介绍 (说说, 讲讲, 谈谈…) or opens with such a request ("聊聊你的职业
规划", "那你讲一下这个项目", "举个例子"). Speech recognition often drops the question
mark, so the openings matter as much as the mark.

A one- or two-word question ("Why?", "Really?", "Sorry?") is a probe or a back-channel
within the answer, not a new question for the bank: the answer goes on.
"""

from __future__ import annotations

import re

from coach.transcripts.cues import join_text

# Sentence ends: Latin ones before a space, CJK ones anywhere.
_SENTENCE_END = re.compile(r"(?<=[.?!;…])\s+|(?<=[。？！；])")
# Words that often come before the question itself ("So, what …", "Okay and how …").
_LEAD_IN = re.compile(
    r"^(?:(?:first of all|so|and|ok|okay|now|well|right|alright|all right|great|good|cool|thanks|"
    r"thank you|perfect|sure|then|also|next|lastly|finally|first|firstly|um|uh|hmm|yes|"
    r"yeah|i see|got it|interesting|nice|makes sense|that's great|that's helpful|"
    r"that makes sense|to (?:start|begin|kick off|warm up)(?: with)?|"
    r"to get (?:us )?started)\b[\s,.!-]*)+",
    re.IGNORECASE,
)
_CHINESE_LEAD_IN = re.compile(
    r"^(?:好的|好|嗯+|那么|那|行|谢谢|ok|okay)[，,、。\s]*", re.IGNORECASE
)
_AUX = (
    r"(?:is|are|was|were|am|do|does|did|have|has|had|can|could|would|will|should|shall|"
    r"might|may|must)"
)
_PRONOUN = r"(?:i|we|you|he|she|they|it|this|that|there)"
# A question opens with a question word and then an auxiliary ("what is", "what tools
# did"), not a subject ("what we need is", "when I was at", "which taught me"): those
# are statements. Or with an auxiliary and a subject ("could you", "is there"), or as a
# request does ("tell me", "walk me through").
_OPENINGS = re.compile(
    rf"^(?:(?:what|which|who|whom|whose|where|when|why|how)(?:\s+(?!{_PRONOUN}\b)[\w-]+)?"
    rf"\s+{_AUX}(?:n't)?\b|how (?:many|much|long|often|far|well|soon)\b|"
    r"why not\b|what about\b|what if\b|how about\b|"
    r"(?:what|who) (?:made|makes|got|brought|drew|attracted|motivated|led|interests|"
    r"interested|excites|excited|inspired) (?:you|your)\b|"
    rf"{_AUX}(?:n't)? {_PRONOUN}\b|(?:could|can|would|will) your\b|"
    r"tell (?:me|us)|walk (?:me|us)|talk (?:me|us)|take (?:me|us)|run (?:me|us)|"
    r"describe|explain|give (?:me|us)|share|help (?:me|us) understand|"
    r"i(?:'d| would) (?:like|love) (?:to hear|to know|you to)|i'm curious|i am curious|"
    r"let's (?:talk|discuss|dive|move on to|start with)|please (?:tell|describe|explain|"
    r"walk|share|give|talk|introduce)|introduce yourself)\b",
    re.IGNORECASE,
)
_CHINESE_END = re.compile(r"[吗嘛呢么][。.!！~～]*$")
_CHINESE_ASKS = re.compile(
    r"为什么|为何|怎么|怎样|如何|什么|哪|多少|是否|能否|能不能|可不可以|有没有|是不是|会不会|"
    r"请.{0,20}?(?:介绍|说说|说一下|讲讲|讲一下|谈谈|谈一下|描述|解释|分享|举.{0,2}例|聊聊)|"
    r"(?<![我们来先])(?:介绍|说说|讲讲|谈谈|聊聊)一下"
)
# A request that opens the sentence without 请, as interviewers say it: "讲一下你的项目",
# "聊聊你的职业规划", "那你说一下你的优势", "你来讲讲难点", "举个例子". Only "you" may
# come before it: "我来介绍一下我们团队" is the interviewer telling, not asking.
_CHINESE_REQUEST = re.compile(
    r"^(?:那么?|好的?|嗯+|接下来|然后|下面|最后|首先|另外)?[，,、\s]*(?:你|您)?"
    r"(?:来|先|再|也|可以|能|简单|大概|具体|详细)*"
    r"(?:介绍(?:一?下)|说说|说一?下|说一说|讲讲|讲一?下|讲一讲|谈谈|谈一?下|谈一谈|聊聊|聊一?下|"
    r"描述一?下|解释一?下|分享一?下|分享一个|举个例子|举一个例子|举例|展开(?:说|讲))"
)
# Words that stop a speaker: the turn cuts in on the answer before it.
CUTTING_IN = re.compile(
    r"^\W*(?:sorry,? (?:to|for) (?:interrupt|cut)\w*|(?:can|could|may) i (?:stop|interrupt|cut)"
    r"(?: you)?(?: there)?|let me (?:stop|interrupt|cut|jump in)\w*(?: you)?(?: there)?|"
    r"in the interest of time|i(?:'m| am) going to (?:stop|interrupt|cut)(?: you)?(?: there)?|"
    r"let's move on|we need to move on|just to keep (?:us )?on time|"
    r"打断一下|不好意思打断(?:一下)?|我打断一下|时间关系|时间有限|我们先到这)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9']+|[\u3400-\u9fff\uac00-\ud7af]")
# Fewer words than this is a probe or a back-channel, not a question for the bank.
MIN_WORDS = 3


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def is_question(sentence: str) -> bool:
    sentence = sentence.strip()
    if len(_WORD.findall(sentence)) < MIN_WORDS:
        return False
    if sentence.endswith(("?", "？")):
        return True
    if _CHINESE_END.search(sentence) or _CHINESE_ASKS.search(sentence):
        return True
    if _CHINESE_REQUEST.match(sentence):
        return True
    # An opening at the start, or after words leading up to it ("For your last role,
    # what was …", "So, to start, tell me about yourself.").
    return any(
        _OPENINGS.match(_LEAD_IN.sub("", clause.strip()))
        for clause in re.split(r"[,，;；:：]", sentence)
    )


def tidy(sentence: str) -> str:
    """The question without the words before it ("So, …", "Sorry to interrupt, …"),
    when what is left still opens as a question; else the sentence as it was."""
    rest = sentence
    while True:
        before = rest
        rest = _CHINESE_LEAD_IN.sub("", _LEAD_IN.sub("", rest)).lstrip(" ,，、-–—")
        cut = CUTTING_IN.match(rest)
        if cut:
            rest = rest[cut.end() :].lstrip(" ,，、.。-–—")
        if rest == before or not rest:
            break
    if rest == sentence or not rest or not is_question(rest):
        return sentence
    if rest[0].isascii() and not _OPENINGS.match(rest):
        return sentence  # "Thanks so much, …" is not "Much, …"
    return rest[0].upper() + rest[1:]


def question_in(text: str, *, limit: int) -> str:
    """The asking sentences of a turn as one question ('' if none), at most `limit`
    characters: when a long turn asks more than fits, its last questions are kept, as
    the candidate answers what was asked last."""
    asked = [tidy(s) for s in sentences(text) if is_question(s)]
    question = ""
    for sentence in reversed(asked):
        longer = join_text(sentence, question)
        if len(longer) > limit:
            break
        question = longer
    return question or (asked[-1][:limit] if asked else "")
