"""How a message talks about a sign, whatever the sign: shared by the crisis, emergency and clinic checks.

A sign named in a message is not always happening to the writer now. It can be negated ("no fever", "isn't
spreading"), softened ("a bit swollen"), asked about in general ("what are the signs of infection?"), asked as a
what-if ("what if I faint?"), before a treatment, told of the past ("as a teenager"), heard from someone else ("my
friend said ..."), or settling down. None of that depends on a clinic or its specialty: the signs themselves do
(signs.py), and the clinic's names for its treatments (`Reading`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

SOFTENER = re.compile(r"\b(?:a bit|a little|slightly|kinda|kind of|mildly|mild|little bit|tiny bit|"
                      r"a touch)\s+(?:\w+\s+)?$")
# "no fever", "isn't swollen"; not "not sure but there's pus", and never across "but" or a colon
NEGATION = re.compile(
    r"\b(?:no|not|without|never|none|nor|free of|isn't|aren't|don't|doesn't|didn't|haven't|hasn't|"
    r"no sign of)\b(?! (?:sure|idea|know|think|certain)\b)(?:(?!\b(?:but|though|although|however|"
    r"yet)\b)[^.,;:!?]){0,25}$"
)
GENERAL = re.compile(  # "please can you explain what happens in the treatment" too
    r"^(?:(?:please|so|ok|okay|and|hi|hello|hey)\s+)*(?:what|wat|whats|what's|which|how|is|are|can|could|does|do|"
    r"will|would|should)\b[^.?!]*\b(?:risks?|chances?|side effects?|cause|causes|possible|happen|signs?|symptoms?|"
    r"likely|get|have an?|affect|harm|damage|ever|make|mess (?:with|up)|ruin|give|gives|look like|feel like|common|"
    r"the same as|same thing as|"
    r"rare|explain|always|usually|normally)\b"
    # "signs of anaphylaxis?", "heart attack symptoms in women?": a topic named, not something described
    r"|^(?:[\w'-]+ ){0,3}(?:signs?|symptoms?)(?: (?:of|in|for) (?:[\w'-]+ ){0,3}[\w'-]+)?\W*$"
)
HYPOTHETICAL = re.compile(  # what-ifs
    r"\b(?:what if|what happens if|what (?:should|do|would|shall) (?:i|we|you) do if|if (?:i|you|it|my|there'?s?|"
    r"someone'?s?|anyone'?s?|people|she|he|they|we|her|his|our|your)\b[^.?!]{0,15}\b(?:ever|get|gets|got|notice|"
    r"see|have|has|had|develop|start|started|take|took|eat|ate|drink|drank|use|starts|felt|think|thought|suspect|are|"
    r"fall|fell|faint|collapse|"
    r"'re|swell\w*|went|goes|stopped|couldn'?t|can'?t)|is it true|"
    # "anxious about having a stroke while he's off it", "brush up on how patients with chest pain are triaged"
    r"\b(?:worried|anxious|scared|afraid|nervous|frightened|terrified) (?:about|of) (?:having|getting)\b|"
    r"\bbrush(?:ing)? up on\b|\bhow (?:patients|people) with\b|\bhow long should (?:we|i|you) wait\b|"
    r"\b(?:leaflets? for|posters?|spotting the signs|quiz)\b|\b(?:leaflets?|handouts?|booklets?|fact ?sheets?|"
    r"information sheets?|education(?:al)? materials?) (?:on|about|for)\b|"
    r"\bwriting (?:a|an|my) (?:\w+ ){0,2}(?:novel|story|book|"
    r"script|screenplay|play)\b|\b(?:one of )?my characters?\b|\bwhat (?:does|do|would) (?:\w+ ){1,3}(?:look|feel) "
    r"like\b|\b(?:are|is) (?:your |the |all )?(?:staff|team|nurses?|"
    r"doctors?|receptionists?) (?:\w+ )?trained\b|how long (?:should|do|must) (?:i|you|we) wait after\b|"
    # "what temperature should i worry about", "when do we need to worry": where the line is, not a description
    r"\b(?:what|which|when|at what|how (?:high|low|long|bad|much|many))\b[^.?!]{0,30}\b(?:should|do|would|shall|"
    r"need to) (?:i|we|you) (?:\w+ )?(?:worry|be worried|be concerned|panic)\b|"
    r"how (?:do |would |does )?(?:you|your (?:team|staff|nurses)) triage|in case|look out for|watch out for|"
    r"what would happen if|if (?:someone|somebody|a person|a patient)\b|"
    r"when (?:should|do|would) (?:i|we|you) (?:go to|call|ring)|first aid|(?:programme|program|documentary|show|talk|"
    r"article) (?:about|on)|how (?:do|would|can|will|should) (?:i|you|we) (?:know|tell) if|(?:should|need to|must|"
    r"have to|to) (?:look|watch|keep an eye) (?:out )?for|(?:what|signs?) to (?:look|watch) (?:out )?for|"
    r"just so i know|jus(?:t)? asking|just curious|how (?:do|would|can|will|should) (?:i|you|we) (?:recogni[sz]e|spot|"
    r"identify)|(?:explain|what'?s|what is) the difference between|for (?:my|an?|our) (?:\w+ )?(?:assignment|essay|"
    r"dissertation|exam|module|project|leaflet)|writing (?:a|an|my|our) (?:\w+ )?(?:leaflet|essay|assignment|article|"
    r"policy|guide)|(?:saw|seen|watched) (?:it |this |that )?on (?:a |the )?(?:tv|telly|show|drama|film|movie|"
    r"news)|(?:we'?re|i'?m|i was|we were) watching|writing (?:a|an|my) (?:school |uni |college )?report|(?:dream|"
    r"dreamt|dreamed|nightmare) (?:that|about)|(?:trying|want) to understand|reading about|"
    r"first aid (?:course|training|refresher|kit)|refresher|(?:our|the) (?:policy|protocol) (?:if|"
    r"when|for)|(?:did|doing|had|took|take|run|runs|attended|attend) (?:an? |the |"
    r"some |our )?(?:\w+ )?(?:training|course|workshop|lecture)|just wondering|chances? of|happen to me|could "
    r"(?:that|this|it) happen|how (?:common|rare|likely)|\bif\b[^.?!]{0,40}\bwhat (?:do|should|would) (?:i|we) do|"
    r"^will i (?:have|get|be|need|feel)|^(?:am i|is it|are they) (?:going|gonna) to (?:have|get|be|need)|"
    r"is (?:\w+ ){0,2}(?:rare|common|likely)|suppos(?:e|ing)|imagine if|(?:i|we) (?:should|need to|ought to) know "
    r"about|(?:offer|offers|provide|provides|run|runs|do you do|any|proper|basic|some|staff) (?:\w+ )?(?:training|"
    r"courses?|workshops?)|(?:management|life support|first aid|cpr|resuscitation|awareness) (?:training|courses?|"
    r"sessions?)|(?:protocols?|polic(?:y|ies)|procedures?|flowcharts?|guidelines?) (?:for|if|when|you (?:use|follow)|"
    r"(?:your|the) (?:clinic|practice|team) (?:uses?|follows?))|what (?:protocol|procedure|policy)|(?:updating|"
    r"reviewing|writing|update|review) (?:our|the|their) (?:\w+ ){0,2}(?:protocols?|polic(?:y|ies)|procedures?|"
    r"guidance|folder|kit)|\brevising\b|(?:at|in) (?:the |our |an? )?(?:\w+ )?class\b|(?:said|says|told (?:us|me)) "
    r"(?:that )?if\b|"
    r"writing (?:a|an|my|our) (?:\w+ )?(?:novel|story|book|script|screenplay|play|scene)|a character (?:who|that|"
    r"takes|has|is)|(?:the |a |your )?(?:form|questionnaire) (?:asks?|says|wants)|my (?:\w+ )?(?:novel|story|book|"
    r"script)|(?:putting together|preparing|giving|doing) (?:a|my|our) (?:\w+ )?(?:presentation|talk|poster|"
    r"project)|presentation (?:on|about)|(?:book|arrange|"
    r"organise|organize|run) (?:a|an|some) (?:[\w-]+ )?(?:session|course|training|workshop)|(?:sessions?|courses?|"
    r"training|workshops?) (?:covering|on|about)|(?:film|movie|show|series|episode|book|novel|play) (?:last night |"
    r"yesterday )?(?:had|has|with|where|in which|about)|main character|what'?s the difference|vs\.?|versus|doing "
    r"(?:an?|our) (?:\w+ )?(?:audit|survey|review|study|research)|(?:calls?|messages?) (?:mentioning|about)|how "
    r"(?:\w+ ){0,3}(?:handle|deal with|respond to)|(?:explain|know|tell (?:me|us)|show (?:me|us)) (?:what|how) "
    r"(?:\w+ ){0,2}looks? like|so (?:i|we) (?:know|can tell)"
    r" the difference|how (?:should|do|can) (?:i|we) (?:store|keep|dispose)|(?:safe|ok|okay) to (?:have|keep|store))\b"
)
# months but May, which is also a verb ("in may cause")
MONTHS = r"january|february|march|april|june|july|august|september|october|november|december"
_RECENT = r"(?! (?:few|couple|several|two|three|\d+|hour|day|week|24|48)\b)"  # "in the past few hours" is now
_LONG_AGO_WORDS = (r"years? ago|yrs? ago|years later|from when (?:i|she|he|they) (?:was|were)|(?:since|in|"
                   r"back in) (?:19|20)\d\d|(?:years|months|a while) back|"
                   r"(?:when|since) (?:she|he|i|they) "
                   r"(?:was|were) (?:\d+|little|a baby|a toddler|small|a kid)|"
                   r"(?:summers?|winters?|springs?|autumns?) ago|"
                   r"a long time ago|ages ago|decades ago|last (?:christmas|easter|summer|winter|spring|autumn|"
                   r"new year)|"
                   r"the (?:year|month) (?:after|before)|the following year|"
                   r"\d+ years? (?:later|after)|"
                   r"in my (?:teens|twenties|20s|thirties|30s)|as a (?:kid|child|teen(?:ager)?|toddler|baby|"
                   r"little (?:boy|girl|one))|(?:\d+|six|eight|nine|ten|eleven|twelve|eighteen) months ago|"
                   rf"when i was (?:a |little|young)|in the past{_RECENT}|"
                   r"last year|in (?:19|20)\d\d|in the (?:19|20)?\d0'?s|\(?(?:19|20)\d\d\)?(?= is| was|\.|,|$)|"
                   rf"aged (?:1\d|[5-9])\b|last (?:{MONTHS})|"
                   r"when (?:i|she|he|we) (?:was|were) (?:\d+|"
                   r"at school|in school|a student|younger|a teenager|a teen|a kid|a child|little|young)")
_PAST_TIME = (rf"{_LONG_AGO_WORDS}|once|used to|sometimes|from time to time|"
              r"at (?:my|her|his|their) last|last time|after my last|my last (?:treatment|session|appointment)|"
              r"back in|last month|"
              rf"in (?:{MONTHS})|before my (?:treatment|session)|before i was born|(?:at|with|after) my "
              r"(?:first|last|previous|second) (?:birth|delivery|baby|pregnancy|labou?r)")
# Heard from someone else: "my friend said", "saw on tiktok that"; unlike time words, it yields to a message that
# describes something happening ("my neighbour's girl got into the weedkiller ... what do we do right now?").
_HEARSAY = (r"(?:saw|seen|watched) (?:a|this|some|an) (?:video|post|tiktok|reel|documentary|article)|"
            r"(?:the|a|this) (?:film|movie|show|programme|program|episode|series|soap|drama)\b[^.?!]{0,25}\b(?:had|"
            r"showed|where)|watched\b[^.?!]{0,30}\b(?:and|where) (?:someone|somebody|a (?:guy|man|woman|girl|boy|"
            r"character|patient))|"
            r"(?:saw|seen|read|watched) (?:a|an|this|the) (?:news )?(?:story|article|report|piece|item) (?:about|on)|"
            r"(?:read|heard) "
            r"(?:online|somewhere|that|about)|(?:saw|seen|read|heard) (?:it |this |that )?(?:on|in) (?:a |the )?"
            r"(?:tiktok|instagram|facebook|youtube|reddit|forum|internet|news|paper|article|group chat|radio|podcast|"
            r"telly|tv)|(?:read|heard) (?:\w+ )?(?:can|could|may|might) cause|(?:story|piece|report|item) (?:on|in) "
            r"the (?:news|paper|radio)|(?:someone|"
            r"somebody|people) (?:(?:on|in|at) (?:a |the |my )?(?:\w+ ){1,2})?(?:said|says|told me|claim\w*|reckon\w*|"
            r"swear\w*)|(?:i|i'?ve) (?:read|heard) (?:they|it|you|some)|"
            r"heard (?:that )?(?:someone|somebody|a (?:patient|man|woman|lady|guy|child|kid))|"
            r"(?:a|one of the) (?:girl|guy|woman|man|lady|mum|mom|dad|colleague|parent)s? (?:at|from|in|on) "
            r"(?:\w+ ){1,2}(?:said|says|told)|(?:my|a) (?:friend|sister|brother|cousin|colleague|neighbou?r|mate)'?s "
            r"(?:\w+ )?(?:had|said|says|told|swears|reckons)|"
            r"(?:post|video|article|story|message) (?:going round|going around|online|on \w+) "
            r"(?:saying|that|about)|"
            r"(?:my|a) (?:\w+'s )?(?:sister|brother|friend|cousin|aunt|uncle|colleague|mate|neighbou?r|mum|mom|"
            r"mother|dad|father|co-?worker|grandma|grandmother|grandpa|grandfather|grandad|granddad|gran|"
            r"nan|nana)\b[^.?!]{0,30}\b(?:(?<!'s )(?<!has )had|(?<!'s )(?<!has )got|broke|came|said|says|told|telling|"
            r"mentioned|read|"
            r"heard|died|passed(?! out)|"
            r"swears|"
            r"swore|reckons|claims|thinks|thought)")
PAST_TIME = re.compile(rf"\b(?:{_PAST_TIME})\b")
HEARSAY = re.compile(rf"\b(?:{_HEARSAY})\b")
PAST = re.compile(rf"\b(?:{_PAST_TIME}|{_HEARSAY})\b")  # either
# Settling down: mild signs ("throbbing and warm ... calming down now") are then usual healing, unless something is
# also getting worse.
SETTLING = re.compile(r"\b(?:calming down|calmed down|settling|settled|going down|gone down|went down|much better|"
                      r"improving|fading|faded|eased|easing|evened out|evening out|subsid(?:ed|ing)|died down|"
                      r"dying down|toned down)\b")
WORSENING = re.compile(r"\b(?:worse|bigger|spreading|more (?:every|each)|again|c[oa]me back|coming back|returned|"
                       r"darker)\b")
RESOLVED = re.compile(r"\b(?:i'?m|i am|she'?s|he'?s|it'?s|all|they'?re) (?:(?!not\b)\w+ )?(?:fine|ok|okay|better|well|"
                      r"gone|home|back home|"
                      r"cleared)(?: right)? now\b|\b(?:nothing|none|no problems?|not once) since\b|"
                      r"\bbeen (?:fine|well|ok|okay|good|great|better) (?:ever )?since\b(?! (?:this|last|yesterday)\b)|"
                      r"\bdoing (?:really |so |very |much |honestly )?(?:well|brilliantly|great|better|fine) now\b|"
                      # "i'm 34 now and doing well", "in a much better place now", "clean since"
                      r"\b(?:i'?m|i am|she'?s|he'?s) \d+(?: and (?:\w+ ){1,2})? now\b|\b(?:i'?m|i am|she'?s|he'?s|"
                      r"who'?s|who is) now \d+\b|\bnow \d+ ?(?:weeks?|wks?|months?|years?|yrs?)\b|"
                      r"\bbeen (?:stable|settled|well) on (?:my |the |her |his )?(?:\w+ )?"
                      r"(?:meds|medication|tablets) (?:ever )?since\b|\b(?:is|are) (?:(?!not\b)\w+ )?(?:fine|ok|"
                      r"okay|better|well|healthy|happy) now\b|\bdoing (?:really |very |so )?(?:well|fine|ok|okay|great|"
                      r"much better|good)(?: (?:with|at|on|in)(?: \w+){1,2}?)?(?: now)?\b|"
                      r"\bin a (?:much |way |far |really )?(?:better|good) place(?: now)?\b|"
                      r"\b(?:(?:sees|seeing|has|with|under) (?:a |the |her |his )?(?:counsellor|therapist|camhs|"
                      r"psychologist|psychiatrist|mental health team)|in (?:therapy|counselling|treatment)|getting "
                      r"(?:help|support))(?: now)?\b|"
                      r"\b(?:clean|sober) (?:since|for)\b|\bbeen (?:well|fine|ok|okay|good|stable) for (?:years|months|"
                      r"a long time)(?: now| since)?\b|"
                      r"\b(?:totally |completely )?(?:fine|normal) (?:after|afterwards|since)\b|"
                      r"\b(?:well|fine|ok|okay|good|stable|great|healthy) ever since\b|\bwas fine after\b|"
                      r"\b(?:a long time|long|years|ages|decades) ago now\b|\bwell[- ]controlled\b|\b(?:had )?none "
                      r"(?:for|in) (?:\w+ ){0,2}(?:years?|months)\b|\b(?:which is |is |it'?s )?normal for "
                      r"(?:him|her|me|them)\b|\b(?:it'?s|is|are|now|all) back to normal\b")
# Over: "turned out to be her gallbladder", "he's recovering", "it's getting better": told of, not happening, unless
# something is said to happen after it ("... but now there's pus")
RECOVERED = re.compile(r"\b(?:turned out (?:to be|that|it was|fine|ok|okay|nothing|(?:he|she|they|it)\b)|"
    r"(?:doctors?|they|gp|a&e|\w+ologist|consultant|specialist|hospital|paramedics?) said "
    r"(?:it was|it'?s|its|it is)|checked everything and it was fine|sent (?:her|him|me|us) home|discharged|recovering|"
    r"recovered|(?:well|fully) controlled|under control|(?:it|that|the pain) passed|doing "
    r"(?:well|great|fine|really well|brilliantly|amazingly)|(?:x-?ray|scan|tests?|bloods?) (?:was|were|came back) "
    r"(?:clear|fine|normal)|passed (?:fine|through|normally)|all (?:normal|fine)|(?:ambulance|paramedics) (?:came|"
    r"arrived|took (?:him|her|them))|coughed it (?:straight |right )?(?:up|out)|(?:it )?came (?:straight |right )?"
    r"(?:out|up) (?:straight away|at once|immediately)|pass on (?:my|our) thanks|"
    r"(?:staff|team|nurses?) (?:were|was) (?:amazing|brilliant|great|fantastic)|"
    r"getting better|home now|(?:was|were|been|got) seen (?:by|at) (?:the |a |our |his |her )?(?:doctor|gp|"
    r"a&e|hospital|nurse|paramedics?)|"
    r"stable now|all clear)\b")
# Said in jest: "i choked when the hygienist asked how often i floss haha"
# "i almost fainted when i saw the bill", "nearly had a heart attack when i read the results": surprise, not a sign
SURPRISED = re.compile(r"\b(?:almost|nearly|practically|about) (?:fainted|passed out|died|fell over|had a heart "
                       r"attack|collapsed|keeled over|choked(?: on (?:my |a )?\w+)?)(?= (?:(?:when|as soon as|after) "
                       r"(?:i|we) "
                       r"(?:saw|heard|read|opened|looked at|found out|got the (?:bill|price|quote|results?|letter))|"
                       r"(?:reading|seeing) (?:your|the|my|those|these)\b))|\b(?:heat|air|room|atmosphere|humidity|"
                       r"crowd|office|waiting room|place)\b[^.?!]{0,20}\b(?:is|was|'s) (?:so |really |absolutely )?"
                       r"suffocating\b")
# "hay fever", "a yellow fever jab": an illness's or a vaccine's name, not a fever; read as one word by every book
NAMED_NOT_SIGN = re.compile(r"\b(hay|yellow) fever\b")
# "the phone number for poison control": a service's name
SERVICE = re.compile(r"\bpoisons? (?:control|information|helpline|centre|center|line|unit)\b")
# "my dog just had a seizure, which vet is open?": an animal's
_ANIMALS = r"(?:dog|cat|puppy|kitten|rabbit|hamster|guinea pig|horse|pony|budgie|parrot)"
ANIMAL = re.compile(rf"\b{_ANIMALS}\b[^.?!]*\bvets?\b|\bvets?\b[^.?!]*\b{_ANIMALS}\b")
# "how do you actually use an epipen": instructions asked for
HOW_TO_USE = re.compile(r"\bhow (?:do|to|should|would|can|does) (?:you |i |we |u |one )?(?:actually |properly |"
                        r"correctly |even )?(?:use|give|inject) (?:an? |the |his |her |my |their )?(epi-?pens?|"
                        r"adrenaline)\b")
# what a programme or the news was about is its topic: "a tv programme about anaphylaxis last night, is it true ..."
MEDIA_TOPIC = re.compile(r"\b((?:news|story|article|programme|program|documentary|podcast|video|post|episode|film) "
                         r"(?:about|on|of)) [^.?!,;]{1,60}?(?=[.?!,;]|\s(?:and|but|so|now|then)\s|$)")
PRESENT = re.compile(r"\b(?:says|wants|keeps|is|are|am|isn'?t|aren'?t|won'?t|can'?t|has been|have been|going to|"
                     r"gonna)\b|\b(?:she|he|they|i|it)'(?:s|re|m|ll)\b")
DOWNPLAYED = re.compile(r"\b(?:probably|prob|likely|maybe|prolly) (?:just )?(?:nothing|fine|ok|overreacting|being "
                        r"(?:dramatic|silly|paranoid))\b|\bthis (?:is|might be|sounds) (?:dumb|silly|stupid)\b|"
                        r"\bnot sure if\b|\bdo i need to "
                        r"worry\b|\bshould i (?:be )?worr(?:y|ied)\b")
LISTED = re.compile(r"\b(?:etc|and so on)\b")
# "whats the difference between a tia and a stroke?": a comparison names both and describes neither
COMPARISON = re.compile(r"\bdifference between [^.?!,]{1,40}? and [^.?!,]{1,40}?(?=[.?!,]|$)")
LAUGH = re.compile(r"\b(?:lol|lmao|haha\w*|hehe|rofl)\b|\U0001f602|\U0001f923")


def jesting(text: str) -> bool:
    """A laugh in a message that doesn't ask whether to worry: "lol ... do i need to worry" laughs nervously."""
    return bool(LAUGH.search(text)) and not DOWNPLAYED.search(text)


# A time ahead ("should i book him in for next week?"): the signs of that sentence are asked about before a visit
AHEAD = re.compile(r"\bnext (?:week|month)\b")
# Long ago ("as a teenager", "years ago"): that sentence's signs are history even beside a present-tense "i've got",
# unless it also says now.
LONG_AGO = re.compile(rf"\b(?:{_LONG_AGO_WORDS})\b")
# ... judged clause by clause: "I had hives as a kid and my lips are swelling up" describes the lips now.
CLAUSE = re.compile(r",\s*|\s+\b(?:and|but|while|though)\b\s+")
NOW = re.compile(r"\b(?:now|right now|today|tonight|this (?:morning|afternoon|evening)|currently|since)\b")
# The message says nothing is happening: "not happening, just reading the aftercare sheet".
NOT_HAPPENING = re.compile(r"\b(?:not happening|isn'?t happening|hypothetically|no symptoms)\b")
WHEN = (r"now|right now|rn|since|today(?!'s)|yesterday(?!'s)|this morning|this afternoon|this evening|tonight|"
        r"just (?:fainted|collapsed|passed out|fell|swallowed)|"
        r"last night|days? ago|hours? ago|an hour ago|(?:\d+|a few|few) (?:mins?|minutes) ago|day \d+")
# Where COMPARED's "hurts more" is placed in time: any of those times ("today's" too), or a change over time.
IN_TIME = re.compile(rf"\b(?:{WHEN}|today|yesterday|every (?:single )?(?:day|hour)|each (?:day|hour)|"
                     r"more and more|by the hour|than (?:it|they) (?:did|was|were)|than before|still|keeps?)\b")
# Something said to be happening: a time, or a sign described in the present ("i have", "there's", "i feel").
DESCRIBING = re.compile(
    rf"\b(?:{WHEN}|woke up|there's|theres|there is|there are|"
    r"(?<!if )(?<!will )(?<!case )(?<!when )(?<!should )(?:i have(?! (?:a|some|few|two|one) (?:quick )?questions?)"
    # "i have a 1 year old" says who is in the family, not what is happening (unless "... who just swallowed")
    r"(?! (?:a|an|two|three|\d+) (?:\d+ ?(?:year|yr|month)s?[- ]old|sons?|daughters?|baby|babies|toddlers?|kids?|"
    r"children)\b(?! (?:who|that|and|which)\b))|"
    r"i've got|ive got|i've had|ive had|"
    r"i got|i feel|i'm feeling|im feeling)(?! (?:completely |totally |absolutely |perfectly )?(?:fine|ok|okay|well|"
    r"good|great|normal)\b))\b|(?<!common )(?<!normal )(?<!usual )(?<!^)\b(?:is|are|keeps?) (?:\w+ )?(?:swelling|"
    r"swollen|"
    r"bleeding|oozing|"
    r"leaking|weeping|spreading|throbbing|blurry|tight|closing|burning)\b|"
    r"\b(?:coming out|coming from|oozing|leaking|weeping|"
    r"pouring|dripping)\b|\bmine (?:is|are|has|have)\b"
)
PERSONAL = re.compile(rf"\b(?:i|i'm|im|i've|ive|my|me|mine|we|our|she|he|her|his|they're)\b|\b(?:{WHEN})\b")
SENTENCE_END = re.compile(r"(?<=[.?!;:])\s+")
# "the redness isn't spreading", "my lips aren't swollen": a negation inside the match, just before the sign's last
# words, unsays it; not one that doesn't reach them ("isn't going away and is spreading"), nor "hasn't stopped".
NEGATED_INSIDE = re.compile(r"\b(?:no|not|never|nor|without|isn'?t|aren'?t|wasn'?t|weren'?t|don'?t|doesn'?t|didn'?t|"
                            r"haven'?t|hasn'?t)\s+(?!(?:stop\w*|gone|go|going|went|calm\w*|settl\w*|eas\w*|improv\w*|"
                            r"better)\b)(?:\w+\s+){0,2}$")
# "seizure-free for 6 years", "pain free": the sign named as absent
FREE_OF = re.compile(r"[- ]?free\b")
# ... unless the pattern names a negation of its own: "won't stop", "painkillers not working".
OWN_NEGATION = re.compile(r"n'\?t|n't|\b(?:not|no|nothing|never|cannot|cant|wont)\b")

# Hedged: "a little puffy", "tiny dots of blood", "kinda tender". The embedding second opinion (warning_model.py)
# leaves such messages to the rules.
HEDGED = re.compile(r"\b(?:a bit|bit of|slight|slightly|kinda|kind of|mildly|mild|little|tiny|a touch|some|minor|"
                    r"pinpoint)\b")
# A question about a condition, not a description: "what is a heart attack?", "how is a stroke treated?".
DEFINITION = re.compile(r"^(?:(?:please|so|ok|okay|hi|hello|hey)\s+)*(?:what|whats|what's|wat|how|why|which|who|when|"
                        r"where)\b")

Sign = tuple[tuple[re.Pattern[str], bool], ...]  # (regex, whether a negation inside a match unsays it)


def compile_sign(patterns: Sequence[str]) -> Sign:
    """One regex for a sign's patterns that name no negation of their own, one for those that do ("won't stop")."""
    own = [bool(OWN_NEGATION.search(p.replace(r"\b", " "))) for p in patterns]  # r"\bnot ceased": "not" is a word
    groups = ((True, [p for p, o in zip(patterns, own, strict=True) if not o]),
              (False, [p for p, o in zip(patterns, own, strict=True) if o]))
    return tuple((re.compile("|".join(group)), inside) for inside, group in groups if group)


def _alternatives(phrases: Sequence[str]) -> str:
    return "|".join(re.escape(p.lower()).replace(r"\ ", " ") for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class Reading:
    """The clinic's own words a reading needs: its treatments as patients name them, and what the documents call
    the usual feeling ("like a sunburn")."""

    treatments: tuple[str, ...] = ("it", "the treatment", "the procedure")
    usual_like: tuple[str, ...] = ()
    # made from those two
    about_treatment: re.Pattern[str] = field(init=False, repr=False, compare=False)
    before_treatment: re.Pattern[str] = field(init=False, repr=False, compare=False)
    like_usual: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        named = _alternatives(self.treatments)
        things = _alternatives([t for t in self.treatments if t != "it"] or ["the treatment"])
        usual = _alternatives(self.usual_like)
        # "can microneedling affect my vision?": a general question about the treatment, even with "my" in it
        # ... but "is it normal to have a yellow crust on my nose?" asks about the writer's own skin
        about = re.compile(rf"(?:can|could|does|do|will|would|might|may|is|are) (?:{named})\b(?! (?:normal|ok|okay|"
                           r"common|usual|expected|fine) to\b)")
        before = re.compile(
            rf"\b(?:thinking (?:of|about) (?:having|getting) (?:it|{things})|before i go|"
            r"before i book|before booking|before my (?:first |next )?(?:appointment|treatment|session)|"
            rf"(?:ok|okay|safe|fine|alright) to (?:get|have|book|start) (?:{things}|it done|the treatment|a session)|"
            rf"can i (?:still )?(?:get|have|book) (?:{things}|it done|the treatment|a session))\b")
        object.__setattr__(self, "about_treatment", about)
        object.__setattr__(self, "before_treatment", before)
        object.__setattr__(self, "like_usual", re.compile(rf"\s+like (?:{usual})\b") if usual else None)


def present(sign: Sign, text: str, softens: bool, reading: Reading) -> bool | None:
    """True when the sign occurs at least once not negated ('no fever', "isn't spreading") and, when `softens`, not
    softened ('a bit hot'); False when it occurs only negated or softened; None when it doesn't occur.

    A vision change or pus is a warning sign however mildly it is put ("kinda blurry"); heat or swelling is not."""
    seen = False
    for pattern, negated_inside in sign:
        start = 0
        while m := pattern.search(text, start):  # every start, so a negated match can't swallow a later one
            seen = True
            before = text[max(0, m.start() - 40) : m.start()]
            last_word = m.start() + m.group(0).rstrip().rfind(" ") + 1  # "eyelids were a tiny bit puff(y)"
            inside = text[m.start():last_word]
            softened = softens and (SOFTENER.search(before) or SOFTENER.search(inside)
                                    or (reading.like_usual is not None and reading.like_usual.match(text, m.end())))
            negated = (NEGATION.search(before) or (negated_inside and NEGATED_INSIDE.search(inside))
                       or FREE_OF.match(text, m.end()))
            if not negated and not softened:
                return True
            start = m.start() + 1
    return False if seen else None


# A sentence about a course, a drill or a care plan names its signs as topics, even beside one that describes
# ("do your first aid courses cover asthma attacks, seizures and allergic reactions?")
TOPIC = re.compile(r"\b(?:courses?|training|workshops?|drills?|care plans?|protocols?|flowcharts?|do (?:they|you|"
                   r"these|those|the courses?) cover|(?:process|pathway|procedure)e?s? for|calls? (?:from (?:patients|"
                   r"people) )?(?:that |which |who )?(?:mention\w*|describ\w*|report\w*)|dissertation|thesis|module|"
                   r"textbooks?|podcast|videos?|questions about|emergencies like|plan in place|management|"
                   r"(?:was|were) (?:just )?talking about|rules|(?:novel|book|film|movie|story|show|series) where|"
                   r"in (?:the|"
                   r"a|this) (?:photo|picture|pic))\b")
# "if I ever get chest pain on the plane", "should I be worried if ever his seizures get longer": never now
EVER = re.compile(r"\bif (?:i|you|we|he|she|they|my \w+|our \w+|a \w+) ever\b|\bif ever\b")


def asked(sentence: str, before_treatment: bool, describing: bool, reading: Reading, jest: bool = True) -> str:
    """Why a sentence's signs are asked about rather than described ("" when they are described). `describing`:
    the message describes something happening, which keeps general and what-if sentences' signs; `jest`: the
    message may be laughing (reading.jesting), so a sentence's laugh can make it a joke."""
    unresolved = RESOLVED.sub("", sentence)
    past = PAST_TIME.search(sentence) or (not describing and HEARSAY.search(sentence))
    if past and not DESCRIBING.search(unresolved) or (
            LONG_AGO.search(sentence) and not NOW.search(unresolved)):  # "pus after my last ...", "as a teen"
        return "told of an earlier time, not described as happening now"
    if (over := RECOVERED.search(sentence)) and not (  # "not getting better", "was getting better, now worse"
            NOW.search(RESOLVED.sub("", sentence[over.end():])) or WORSENING.search(sentence, over.end())
            or re.search(r"\b(?:not|isn'?t|wasn'?t|hasn'?t|no)\s+(?:\w+\s+)?$", sentence[:over.start()])):
        return "told of as over, not described as happening now"
    if jest and LAUGH.search(sentence) and not (DESCRIBING.search(sentence) or DOWNPLAYED.search(sentence)):
        return "said in jest"
    if ANIMAL.search(sentence):
        return "told of an animal"
    if TOPIC.search(sentence) and not DESCRIBING.search(sentence):
        return "named as a topic, not described as happening"
    if EVER.search(sentence):
        return "asked as a what-if, not described as happening"
    if describing:
        return ""
    if LISTED.search(sentence) and not PERSONAL.search(sentence):  # "baby cpr, choking etc": topics
        return "named among topics, not described as happening"
    personal = PERSONAL.search(sentence)
    if GENERAL.search(sentence) and (not personal or reading.about_treatment.match(sentence)):
        return "asked in general, not described as happening"
    if HYPOTHETICAL.search(sentence) or before_treatment:
        return "asked as a what-if, not described as happening"
    if DEFINITION.search(sentence) and not personal:
        return "asked in general, not described as happening"
    return ""
