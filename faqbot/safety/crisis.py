"""Crisis: thoughts of suicide or self-harm, said plainly or not, and an overdose taken on purpose.

Checked first, and read more carefully than other signs in one direction only: a crisis is often put as a question
("what's the point of living anymore?") or without "I" ("nobody would care if i was gone"), so general questions
and what-ifs do not calm it. What does: a negation right before it ("i'm not suicidal"), history with nothing now
("i tried to kill myself years ago"), scars asked about ("will it help my self-harm scars?"), questions about the
subject itself with nothing personal ("what are the warning signs of suicide?"), and idioms, which the patterns
don't name ("i'm dying to try it", "the price is killing me").
"""

from __future__ import annotations

import re

from faqbot.models import Escalation
from faqbot.safety import reading
from faqbot.safety.crisis_across import ACROSS
from faqbot.safety.crisis_words import LITERAL, SIGNS
from faqbot.safety.reading import Reading, compile_sign
from faqbot.safety.signs import UrgentCheck

_BOOK = {name: compile_sign(patterns) for name, patterns in SIGNS.items()}
_PLAIN = Reading()
# History: "years ago", "as a teenager", "i used to"; not "last week" or "sometimes", which can be now.
_USED_TO = re.compile(r"\b(?:used to|back then|back in (?:college|school|uni|university|high school|my (?:teens|"
                      r"twenties|youth|student days)|the day)|(?:when (?:i|she|he|they) (?:was|were)|back|once) at "
                      r"(?:school|uni|college)|(?:a|his|her|my|their) "
                      r"history of)\b")
# "theyre from self harm, im 5 years clean"
_CLEAN = re.compile(r"\bin recovery (?:from (?:\w+ ){1,2})?(?:for|since)\b|\b(?:previous|prior|past) (?:suicide )?"
                    r"attempts?\b|"
                    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?) (?:clean|free|"
                    r"self[- ]?harm[- ]free)\b|\b(?:clean|free of it) (?:for|since)\b")
# "will it help my self-harm scars?", "scars from cutting", "the marks on my wrists from years ago"
_SCARS = re.compile(r"\b(?:scars?|scarring|scarred|marks|old cuts|silvery lines)\b")
_AGAIN = re.compile(r"\b(?:again|fresh|new)\b")  # "the marks are getting infected, i'm burning again"
_SUBJECT = re.compile(r"\b(?:course|training|module|workshop|coursework|project|assignment|essay|"
                      r"homework)\b[^.?!]{0,200}"
                      r"\bsuicid|\bsuicid\w*\b[^.?!]{0,40}\bside effects?\b|\bside effects?\b[^.?!]{0,40}\bsuicid|"
                      r"\bsuicide disease\b|\bhow many (?:people )?(?:die|died|kill themselves)\b[^.?!]{0,20}\bsuicide"
                      r"\b|"
                      r"\b(?:patients|people|clients|residents) (?:sometimes |often |who )?(?:talk|speak) about\b|"
                      r"\bif (?:one of (?:my|our) )?(?:\w+ )?(?:friends?|students?|patients?|clients?|pupils?|"
                      r"residents?|child|children|"
                      r"colleagues?)\b[^.?!]{0,30}\b(?:ever )?(?:tells?|told|says?|said|discloses?|disclosed|mentions?|"
                      r"mentioned)\b|\bmemorial\b[^.?!]{0,60}\bsuicid|"
                      r"\b(?:protocol|process|pathway|policy|procedure)\b"
                      r"[^.?!]{0,80}\b(?:suicid\w*|self[- ]?harm\w*)|\b(?:signs?|symptoms?|risks?|rates?|statistics|"
                      r"prevention|awareness|hotline numbers?|causes?|"
                      r"talk|talks|leaflets?|information|training|course|lesson|programme|documentary|book) (?:of|"
                      r"for|on|about) (?:suicide|self[- ]?harm)\b|\bsuicide (?:prevention|rates?|statistics)\b|"
                      r"\b(?:stats|statistics|figures|data)\b[^?!]{0,60}\bsuicid\w*|"
                      r"\bsuicidal (?:thinking|thoughts|ideation) (?:on|with|from|as a side effect)\b|"
                      r"\bhow common is suicid|\b(?:policy|protocol|procedure|guidance|form|questionnaire|"
                      r"registration|protocols|policies|procedures)\b[^?!]{0,80}\b(?:suicid\w*|self[- ]?harm\w*|"
                      r"overdos\w*)|\bsuicid\w* (?:warning|risk|side effects?)\b|\b(?:warnings?|side effects?)\b"
                      r"[^?!]{0,40}\bsuicid\w*|\b(?:makes?|made|making) (?:you|people|some people|teens|kids|young "
                      r"people) (?:feel )?suicidal\b|\b(?:stories|reports|articles?|posts?|read|heard) (?:about|of|"
                      r"that)\b[^?!]{0,40}\bsuicid\w*|\b(?:talk|speak|explain)\w* to (?:my |our |the |their )?(?:kids|"
                      r"children|son|daughter|class|pupils|students|teen\w*)\b[^?!]{0,20}\babout (?:suicide|self[- ]?"
                      r"harm)\b|\b(?:talk\w*|shout\w*|said|says|scream\w*|mumbl\w*) in (?:his|her|their|my) sleep\b|"
                      r"\bsleep[- ]?talk\w*|\b(?:writing (?:a|an|my|our) (?:\w+ ){0,2}|my (?:\w+ )?)(?:novel|story|"
                      r"book|script|screenplay|play|essay|dissertation|thesis|paper|article)\b|"
                      r"\ba character (?:who|that|takes|has|is|survives)\b|"
                      r"\b(?:suicide|self[- ]?harm|unalive)\W{0,2} means?\b|\bcauses? (?:\w+ ){0,3}suicid\w*|"
                      r"\b(?:can|could|may|might) cause\b"
                      r"[^?!]{0,40}\bsuicid\w*|\b(?:doing|for) (?:a|an|my|our) (?:\w+ )?(?:project|audit|study|"
                      r"research|survey)\b|\b(?:school|class|uni|university|college) project\b|\bcoursework\b|"
                      r"\bfor (?:my|a|an|our) (?:\w+ ){0,2}(?:assignment|project|class|essay|dissertation)\b|\bwhat "
                      r"happens if (?:a|someone|somebody) (?:person |patient )?(?:comes?|turns up|arrives?)\b|"
                      r"\b(?:kill (?:him|her)self|die)\W{0,3} if (?:\w+ ){0,3}(?:lose|loses|lost|win|wins)\b|"
                      r"\b(?:warning )?signs? (?:that )?(?:a|my|someone|somebody|a teenager|teens?|kids?|children|"
                      r"people) (?:\w+ )?(?:might|may|could|is|are) be (?:self[- ]?harm\w*|suicidal|cutting)\b|"
                      r"\bhow would (?:i|we|you) recogni[sz]e if (?:my|a|our|your) (?:teen\w*|child|son|daughter|"
                      r"kid)\b|"
                      r"\bif (?:someone|somebody|a (?:friend|student|pupil|patient|child|colleague)) "
                      r"(?:tells|says|told|"
                      r"said) (?:me|you|us)\b|"
                      r"\b(?:a|another) (?:girl|boy|kid|friend|student|pupil|child) (?:in|at|from) (?:her|his|my|"
                      r"their|the) (?:class|school|year)\b|"
                      r"\b(?:died|dies|death|deaths) by suicide\b|\bsuicide awareness\b|\bhow (?:do|can|would|should) "
                      r"(?:i|you|we) (?:spot|tell|know|notice) if (?:my|a|our|your) (?:teen\w*|child|son|daughter|kid|"
                      r"student|pupil)\b|"
                      r"\blost (?:someone|somebody|a \w+|my \w+|our \w+|him|her|them) to suicide\b|\bbereaved by "
                      r"suicide\b|\bsuicide bereavement\b|"
                      r"\b(?:first aid|tourniquets?|course|training)\b[^?!]{0,50}"
                      r"\bbleed(?:ing)? out\b")
# "cancel my appointments, i won't be around, i'm moving to canada" or "my knee has improved loads": not a goodbye
_MOVING = re.compile(r"\b(?:moving|relocating|emigrating|moved|move) (?:to|away|abroad|house|back|out of|"
                     r"overseas)\b|\bmy (?:\w+ )?(?:knee|back|shoulder|hip|skin|ankle|neck|wrist|arm|leg|foot|tooth|"
                     r"teeth|eyes?|face|rash|acne|symptoms?|pain) (?:has|have|is|are|'s) (?:\w+ )?(?:improved|healed|"
                     r"better|recovered|cleared)\b|"
                     r"\bsince (?:my|the|her|his) \w+ (?:healed|got better|is better|mended)\b|"
                     r"\b(?:all|fully) (?:better|healed|recovered)\b|"
                     r"\bnew (?:job|city|country)\b")
# "how do i support a friend who was suicidal? she's in hospital now and safe": someone else's, told of and over
_TOLD_OF = re.compile(r"\b(?:who (?:was|had been|has been)|disclosed|opened up (?:to me )?about|told (?:me|us) "
                      r"about|in recovery from|went through|(?:past|previous) self[- ]?harm)\b|\b(?:took|tried|"
                      r"attempted|self[- ]?harmed|overdosed|cut)\b[^.?!]{0,40}\b(?:last "
                      rf"(?:year|month|summer|spring|autumn|winter)|in (?:{reading.MONTHS}|may)|"
                      r"(?:\w+ )?(?:weeks|months|years) ago)\b")
_SAFE_NOW = re.compile(r"\b(?:currently|now) safe\b|\bis now (?:well|better|safe|fine|ok)\b|\bdoing (?:really |very |"
                       r"so )?(?:well|brilliantly|great)\b|"
                       r"\b(?:she|he|they)(?:'s|s|'re| is| are)\b[^.?!;]{0,30}\b(?:and |is |are )?(?:safe\b(?! to\b)|"
                       r"doing (?:much |really |so |a lot )?(?:better|well|great|fine|ok|okay)\b)|\b(?:has|have) "
                       r"stopped(?: self[- ]?harming| cutting| doing it)?\b(?= and\b| but\b| now\b| for\b| since\b|"
                       r"[.,;!?]|$)")
# "i want to donate my body to medical science when i die": a donor, unless it is pressing ("by friday")
_DONOR = re.compile(r"\b(?:donate|donating|leave|leaving) (?:my )?(?:body|organs|brain) to (?:medical )?(?:science|"
                    r"research)\b")
_PRESSED = re.compile(r"\b(?:by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the "
                      r"weekend)|this week|won'?t be time|no time left|urgent\w*)\b")
# "took a whole sheet thinking they were vitamins": an accident, which the emergency check reads; MISTAKEN says so
# outright (not "instead of", as in "putting aside my tablets instead of taking them")
_MISTAKE = (r"by mistake|by accident|accidental\w*|thinking (?:they|it) (?:were|was)|mixed up|got confused|confused "
            r"them|(?:didn'?t|did not|wasn'?t) (?:do )?(?:it |this )?on purpose")
MISTAKEN = re.compile(rf"\b(?:{_MISTAKE})\b")
_ACCIDENT = re.compile(rf"\b(?:{_MISTAKE}|instead of)\b")
# "my friend took a load of coke and now her chest is crushing": a drug taken for fun, which the emergency check reads
_RECREATIONAL = re.compile(r"\b(?:coke|cocaine|mdma|molly|ecstasy|ketamine|speed|shrooms|at a (?:party|festival|"
                           r"rave))\b")
_MEANT = re.compile(r"\b(?:on purpose|meant it|to die|to end|kill|suicid\w*|wake up)\b")
# "my 3 yr old swallowed a load of magnets": a small child's is an accident, which the emergency check reads
_YOUNG_CHILD = re.compile(r"\b(?:[1-9]|1[0-1]) ?(?:yr|year|month)s?[- ]?old\b|\b(?:toddler|baby|infant|little one)\b")
# "i'd rather die than have an injection": a comparison, not a wish; but not "rather be dead than keep living"
_RATHER = re.compile(r"\b(?:rather|prefer to) (?:be dead|die)\b[^.?!]{0,60}\bthan (?!(?:\w+ )?(?:keep|go on|going on|"
                     r"live|living|look|looking|feel|feeling|be|being|carry|continue|wake|face|spend|exist)\b)")
# "i want to die my hair before the surgery": the commonest misspelling that reads as a wish to die
# "my boss is gonna kill me if i'm late", "the queue made me want to die 😂": said of someone else's anger, or
# laughed off; read as that
_THREAT = re.compile(r"\b(?:boss|mum|mom|wife|husband|dad|teacher|coach|partner|girlfriend|boyfriend|missus|ex|he|she|"
                     r"they)(?:'s| is| are| will| would)? (?:gonna |going to |will |would )?kill me\b")
_LAUGHED_OFF = re.compile(r"\b(?:(?:made|makes|making) me (?:want to|wanna) die|(?:i'?m|im) suicidal about (?:this|"
                          r"the|my) \w+|kill me now|(?:i'?d|i would) (?:rather|sooner) die|(?:i'?m|im) "
                          r"(?:throwing|gonna throw) "
                          r"myself off)\b"
                          r"(?=[^.?!]{0,20}(?:\U0001f602|\U0001f923|"
                          r"\blol\b|\blmao\b|\bhaha|\bjk\b))")
# "if my skin doesn't clear up i'm literally going to die": hyperbole
_LITERALLY = re.compile(r"\b(?:literally|actually) (?:going to|gonna) die\b(?! (?:tonight|today|soon|this week))|"
                        r"\bdie (?:of|from) (?:boredom|embarrassment|shame|laughter|laughing|cringe|jealousy)\b")
# "i stopped self harming 3 years ago" is history; so is "stopped for 3 years now", whose "now" is the count's
_STOPPED = re.compile(r"\b(?:stopped|quit|gave up)\b[^.?!]{0,30}\b(?:for|since) (?:\d+|a|one|two|three|four|five|six|"
                      r"several|many) (?:years?|months?)(?: now)?\b")
_DYE = re.compile(r"\bdie (?=(?:my|her|his|your|their|the) (?:hair|roots|brows|eyebrows|beard|lashes|grey|gray)\b)")
SPELLING = ("suicide suicidal kill myself self harm harming cutting slitting slit wrists overdose overdosed pills "
            "tablets living alive "
            "goodbye hopeless worthless disappear")


def read(text: str) -> UrgentCheck:
    """Whether a message (lower case, spelling read) describes a crisis."""
    found: list[str] = []
    text = _THREAT.sub("be cross with me", _DYE.sub("dye ", text))
    text = _LAUGHED_OFF.sub("made me fed up", _LITERALLY.sub("be fed up", text))
    for sentence in reading.SENTENCE_END.split(text):
        told_as_over = (reading.LONG_AGO.search(sentence) or _USED_TO.search(sentence) or _CLEAN.search(sentence)
                        or _STOPPED.search(sentence))
        unresolved = reading.RESOLVED.sub("", sentence)
        history = (bool(told_as_over) and not reading.NOW.search(_STOPPED.sub("", unresolved))
                   or bool(_TOLD_OF.search(sentence) and _SAFE_NOW.search(text)
                           and not reading.NOW.search(_SAFE_NOW.sub("", unresolved))))
        general = _SUBJECT.search(sentence) or _RATHER.search(sentence)
        for name, sign in _BOOK.items():
            if name in found:
                continue
            if name in LITERAL:  # matched as written: the English reading doesn't apply
                if any(pattern.search(sentence) for pattern, _ in sign):
                    found.append(name)
                continue
            if not reading.present(sign, sentence, False, _PLAIN):
                continue
            if name == "overdose on purpose" and (_ACCIDENT.search(text) or _YOUNG_CHILD.search(sentence)
                                                  or (_RECREATIONAL.search(text) and not _MEANT.search(text))):
                continue
            if name == "saying goodbye" and (_MOVING.search(text) or (_DONOR.search(text)
                                                                       and not _PRESSED.search(text))):
                continue
            # "my daughter who self-harmed last year ... says she wants to die": that clause is now
            told_now = history and any(
                reading.present(sign, part, False, _PLAIN) for part in reading.CLAUSE.split(sentence)
                if reading.PRESENT.search(part) and not (reading.LONG_AGO.search(part) or _USED_TO.search(part)
                                                         or _TOLD_OF.search(part) or _CLEAN.search(part)
                                                         or _STOPPED.search(part)))
            if (history and not told_now) or general or (name == "self-harm" and _SCARS.search(sentence)
                                      and (told_as_over or not (reading.NOW.search(sentence)
                                                                or _AGAIN.search(sentence)))):
                continue
            found.append(name)
    if not found and not _ACCIDENT.search(text):  # two things said apart (crisis_across.py)
        found.extend(dict.fromkeys(name for name, one, other in ACROSS if one.search(text) and other.search(text)))
    if not found:
        return UrgentCheck(False, (), "no sign of a crisis")
    return UrgentCheck(True, tuple(found), "crisis described: " + ", ".join(found), False, Escalation.CRISIS)
