"""A crisis read across sentences: two things said apart, each often calm alone, a crisis together (crisis.py).

"is 2 packs of paracetamol enough? dont try to talk me out of it": the means asked about, the resolve in another
sentence; "took my whole month's lithium this morning. it was deliberate."; "i wont make it to monday. ive decided on
sunday".
"""

from __future__ import annotations

import re

from faqbot.safety.crisis_words import PILLS

# Asked about the means, then resolved: "can you overdose on melatonin, i need it to be tonight"
MEANS_ASKED = (r"\bcan (?:you|u|i|someone|a person) (?:overdose|od)\b|\boverdos\w* on\b|\bhow (?:much|many)\b"
               r"[^.?!]{0,40}\b" + PILLS + r"\b|\b" + PILLS + r"\b[^.?!]{0,40}\benough\b|\benough\b[^.?!]{0,30}\b"
               + PILLS + r"\b|\b(?:does|do|would|will|is) (?:an? |the )?(?:\w+ )?(?:overdose|od)\b[^.?!]{0,15}"
               r"\b(?:hurt|painful|painless|quick|peaceful)\b|\bcan (?:you|u|i|someone|a person) die (?:from|of)\b|"
               r"\benough to (?:die|kill|overdose|od)\b|\bwould (?:i|it|that) (?:just )?(?:stop breathing|die|kill me|"
               r"stop my heart)\b|\b(?:is|are) (?:\w+ ){0,3}(?:toxic|poisonous|lethal|deadly) if (?:you|i|u) (?:drink|"
               r"swallow|eat)\b")
RESOLVED_TO = (r"\b(?:i'?m|im|i am) (?:so |just |completely |really )?done\b(?! with (?!(?:everything|it all|life|all "
               r"of (?:it|this))\b))|\btalk me out\b|\b(?:need|want) it to (?:be|happen|work) tonight\b|\b(?:asking|"
               r"need to know|it'?s|its) (?:\w+ )?for tonight\b|\b(?:it'?s|its|it is) my (?:choice|decision)\b|"
               r"\b(?:don'?t|dont|do not) (?:try (?:to|and) )?stop me\b|\bno(?: ?one|body) (?:can|will|is going to) "
               r"stop me\b|\b(?:\d+|two|three|four|five|six|several|a few|all (?:my|the)) (?:packs?|boxes|bottles?|"
               r"strips?)\b[^.?!]{0,30}\b(?:on the (?:table|bed|desk|counter|side)|in front of me|next to me|beside me|"
               r"lined up|ready)\b|\b(?:i|and i) (?:want|wanna|need) to\W*$|\b(?:want|need) (?:it|this|everything) "
               r"(?:all )?to (?:be over|end|stop)\b")

_ALCOHOL = r"(?:vodka|whisky|whiskey|gin|rum|wine|booze|alcohol)"
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|tomorrow|tonight|next week)"
# (sign, one, the other): each pair a crisis when both are said
ACROSS = (
    ("overdose on purpose", re.compile(MEANS_ASKED), re.compile(RESOLVED_TO)),
    # "took my whole month's lithium this morning. it was deliberate."
    ("overdose on purpose", re.compile(r"\b(?:took|taken|swallowed|drank|downed)\b"),
     re.compile(r"\b(?:it was|i did it|did it|i did this|it'?s) (?:deliberate|deliberately|on purpose|intentional)\b|"
                r"\bit wasn'?t an accident\b")),
    # "might not be here tmrw. just wanted someone to know", "im gona do it tonite i jus wanted sum1 to know"
    ("saying goodbye", re.compile(rf"\b(?:might|may|won'?t|wont|will not|probably won'?t) (?:not )?be (?:here|around|"
                                  rf"alive) (?:tmrw|tmr|{_DAY}|much longer)\b|"
                                  r"\b(?:i'?m|im|i am) (?:gonna|gona|going to) do it (?:tonight|tonite|today|now)\b"),
     re.compile(r"\b(?:just|jus|jst) (?:wanted|want|needed) (?:someone|somebody|anyone|you|sum1|some1) to know\b")),
    # "does microneedling work on self harm scars? ... i still do it most nights"
    ("self-harm", re.compile(r"\bself[- ]?harm\w*|\bcutting\b|\b(?:fresh |new )?cuts\b|\bcut (?:my|him|her|them)"
                             r"sel(?:f|ves)\b(?! (?:shaving|cooking|on|by accident|accidentally))"),
     re.compile(r"\bstill (?:do|doing) (?:it|that)\b|\bkeep doing it\b|\b(?:she'?s|he'?s|i'?m|they'?re|is|are) "
                r"(?:doing|done) it again\b|\b(?:did|made|do) (?:some|them|it|more)\b"
                r"[^.?!]{0,15}\bon my (?:thighs?|arms?|wrists?|legs?|stomach|hips?)\b[^.?!]{0,20}\b(?:last night|today|"
                r"tonight|this week|yesterday)\b")),
    # "what if i just don't wake up tomorrow? i've taken them already"
    ("overdose on purpose", re.compile(r"\b(?:i'?ve|i have|ive) (?:already )?taken (?:them|it|the lot|all of them)\b"),
     re.compile(r"\b(?:don'?t|dont|not|never) wake up\b")),
    # "i read online that its painless with helium. the tank came today."
    ("a plan or the means", re.compile(r"\bhelium\b"), re.compile(r"\b(?:tank|canister|cylinder) (?:came|arrived|is "
                                                                   r"here)\b")),
    # "i wont make it to monday. ive decided on sunday"
    ("a plan or the means", re.compile(rf"\b(?:won'?t|wont|will not) (?:make it|be (?:here|around|alive)) (?:to|till|"
                                       rf"until|by|on|for|through|past) {_DAY}\b(?!'s)"),
     re.compile(rf"\b(?:i'?ve|ive|i have) (?:decided|chosen|picked|set) (?:on )?(?:a date|the date|the day|{_DAY})\b")),
    # "planning on the whole bottle of vodka and my xanax tonight. is that enough or do i need more"
    ("a plan or the means", re.compile(rf"\b(?:whole|all (?:of )?my) (?:(?:bottle|box|pack|packet|stash)s? of )?"
                                       rf"(?:{_ALCOHOL}|{PILLS})\b[^.?!]{{0,40}}\b(?:{_ALCOHOL}|{PILLS})\b"),
     re.compile(r"\b(?:is|will|would) (?:that|it|this) (?:be )?enough\b|\bdo i need more\b")),
    # "is it normal for a teen to post a countdown on their story? ... '2 days' on hers with a picture of a bridge"
    ("saying goodbye", re.compile(r"\bcountdown\b"), re.compile(r"\b(?:bridge|goodbye|pills|rope|train tracks?)\b")),
    # "i bought the rat poison today. i will take it when my family is sleeping"
    ("a plan or the means", re.compile(r"\b(?:bought|got|have|found)\b[^.?!]{0,20}\b(?:rat poison|poison|weed ?killer|"
                                       r"antifreeze|paraquat|pesticide)\b"),
     re.compile(r"\b(?:will|'ll|going to|gonna) (?:take|drink|swallow) (?:it|them) (?:when|tonight|once|after)\b")),
    # "she's 'going to be with her grandma now' ... her grandma died last month"
    ("saying goodbye", re.compile(r"\bgoing to be with (?:my|her|his|their) \w+(?: \w+)? now\b"),
     re.compile(r"\b(?:died|passed away|lost (?:her|him|them|my)|funeral)\b")),
)
