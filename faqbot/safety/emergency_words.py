"""The emergency signs' names, strengths and patterns (emergency.py reads them as a sign book).

Patterns are lower case, read after spelling and synonyms; a sign's patterns are tried clause by clause with the
shared reading (negation, what-ifs, history: reading.py). The "literal" ones, in other languages, are matched as
written.
"""

from __future__ import annotations

from faqbot.safety.emergency_other_languages import OTHER_LANGUAGES
from faqbot.safety.poisoning_words import POISONING

_WHO = r"(?:my|his|her|their|our|the|a)"
_NOT_NOW = r"(?! (?:years?|months?|weeks?) ago)"
_NO_TOOTH = (r"^(?!.*\b(?:extract\w*|sockets?|wisdom (?:tooth|teeth)|tooth out|teeth out|dental|scale and polish|"
             r"hygienist|brushing|floss\w*)\b)")  # the dentist's
_HEAD = (r"\b(?:fell|had a fall|took a fall|(?:hit|hitting|bang\w*|bump\w*|knock\w*|smack\w*|fell on|fall on|"
         r"landed on|struck)\b[^.?!]{0,40}\bhead|head (?:injury|injuries|trauma|bang|bump|knock)|concuss\w*)\b")
_AFTER_HEAD = (r"(?<!no )(?<!not )(?<!without )\b(?:vomit\w*|throw(?:ing|n)? up|threw up|being sick|puk(?:ing|ed)|"
               r"drowsy|sleepy|confused|confusion|dazed|groggy|disoriented|not making sense|talking nonsense|"
               r"can'?t stay awake|keeps? falling asleep|not (?:himself|herself|acting right)|unequal pupils|"
               r"pupils? (?:are )?different)\b")

SIGNS: dict[str, tuple[str, tuple[str, ...]]] = {  # name -> (strength, patterns)
    "chest pain or pressure": ("strong", (
        r"\bjaw\b[^.?!]{0,40}\b(?:shoulder|arm)\b[^.?!]{0,20}\b(?:ach\w*|pain\w*|hurt\w*|sore)\b[^?!]{0,60}\b(?:sick|"
        r"sweat\w*|breath\w*|clammy|dizzy|nause\w*)\b",
        r"\bchest\b[^.?!]{0,40}\b(?:pains?|painful|hurts?|hurting|pressure|tight\w*|crush\w*|squeez\w*|heavy|"
        r"heaviness|ache|aching|burning|elephant|sitting on)\b",
        r"\b(?:pain|pressure|tightness|heaviness|ache|squeezing)\b[^.?!]{0,20}\b(?:in|on|across) "
        rf"{_WHO} chest\b",
        r"(?<!silent )(?<!old )(?<!previous )(?<!prior )(?<!nearly had a )(?<!almost had a )(?<!gave me a )"
        r"(?<!give me a )(?<!giving me a )(?<!going to have a )(?<"
        r"!gonna have a )(?<!will have a )\bheart attack\b(?! (?:when|at|over|looking) (?:i|the|my|it|that|she|he|"
        r"they))(?![\x22\x27\u2019\u201d] (?:episodes|scares?|attacks)\b)",  # my 'heart attack' episodes
        r"\bpain\b[^.?!]{0,30}\b(?:down|into|to|up) (?:my|his|her) (?:left )?(?:arm|jaw)\b",
        r"\bleft arm\b[^.?!]{0,20}\b(?:numb\w*|tingl\w*|hurts?|pain\w*|heavy|weak)\b",
        r"\b(?:pain|pressure|tightness|heaviness|ache|squeezing|hurts?)\b[^.?!]{0,30}\bin (?:the middle of )?(?:my |"
        r"his |her |the )?chest\b",
        r"\b(?:tight|heavy|crushing|painful|squeezing) chest\b",
        r"\b(?:grabbed|clutch\w*|holding) (?:his|her|my) chest\b",
        r"\b(?:pain|ache|aches|aching|pressure|heaviness)\b[^.?!]{0,40}\b(?:jaw|upper back|between (?:her|his|"
        r"my) shoulder blades|left arm|down (?:the|my|his|her) (?:left )?arm)\b[^?!]{0,80}\b(?:sweat\w*|clammy|grey|"
        r"gray|pale|breathless|sick|nause\w*|exhausted|pass out|faint)\b",
        r"\b(?:sweat\w*|clammy|grey|gray|pale)\b[^?!]{0,80}\bpain\b[^?!]{0,60}\b(?:jaw|left arm|shoulder blades)\b",
        r"\b(?:sweat\w*|clammy|grey|gray|pale|breathless|nause\w*)\b[^?!]{0,80}\b(?:jaw|upper back|shoulder blades|"
        r"left arm)\b[^.?!]{0,20}\b(?:hurts?|aches?|aching|pain)\b",
        r"\b(?:holding|clutching|rubbing) (?:his|her|my) (?:left )?arm\b[^?!]{0,60}\b(?:sweat\w*|grey|gray|pale)\b|"
        r"\b(?:sweat\w*|grey|gray|pale)\b[^?!]{0,60}\b(?:holding|clutching) (?:his|her|my) (?:left )?arm\b",
        r"\b(?:defibrillator|icd) (?:has )?shocked\b", r"\bpacemaker\b[^?!]{0,40}\b(?:passing out|passed out|"
        r"fainting)\b",
    )),
    "stroke signs": ("strong", (
        r"\b(?:face|mouth|smile|lip)\b[^.?!]{0,30}\b(?:droop\w*|sag\w*|lopsided|crooked|fallen|dropp\w*)\b",
        r"\b(?:droop\w*|sagg\w*|lopsided|crooked)\b[^.?!]{0,20}\b(?:face|mouth|smile)\b",
        r"\bslurr\w*\b", r"\bspeech\b[^.?!]{0,20}\b(?:slurr\w*|garbled|jumbled|weird|strange|funny|gone)\b",
        # "her words sound thick", "dropping things with her left hand", "one side of her mouth isn't moving"
        r"\bwords?\b[^.?!]{0,10}\b(?:sound(?:s|ing)?|are|coming out) (?:thick|garbled|jumbled|slurred)\b",
        r"\bdropping things (?:with|from|in) (?:his|her|my) (?:left|right) hand\b",
        r"\bone side of (?:his|her|my|their|the) (?:mouth|face)\b(?=[^.?!]{0,20}\b(?:isn'?t|not|won'?t|doesn'?t|"
        r"can'?t) (?:moving|move)\b)",
        r"\b(?:can'?t|cannot|cant|unable to|couldn'?t) (?:\w+ ){0,2}(?:speak|talk|get (?:my|his|her|the) words out|"
        r"find (?:my|his|her|the) words)\b",
        r"\b(?:one|left|right) side\b[^.?!]{0,40}\b(?:weak\w*|numb\w*|paraly\w*|dead|limp|can'?t move|droop\w*|"
        r"tingl\w*)\b",
        r"\b(?:weak\w*|numb\w*|paraly\w*|limp|droop\w*)\b[^.?!]{0,40}\b(?:one|left|right) side\b",
        r"\b(?:can'?t|cannot|cant|unable to) (?:move|lift|feel|raise) (?:my|his|her|one) (?:left |right )?(?:arm|leg|"
        r"hand|face|side)\b",
        rf"(?<!heat )(?<!sun )\b(?:having|had|has|is having|having a|had a|mini|a)\s+(?:mini[- ])?stroke\b{_NOT_NOW}",
        r"\b(?:left|right|one) (?:arm|leg|hand)\b[^.?!]{0,10}\b(?:isn'?t|is not|not|stopped|won'?t) (?:working|"
        r"moving)\b[^?!]{0,60}\b(?:mumbl\w*|speech|words|talking funny|confused|face)\b|\b(?:mumbl\w*|speech|"
        r"words)\b[^?!]{0,60}\b(?:left|right|one) (?:arm|leg|hand)\b[^.?!]{0,10}\b(?:isn'?t|is not|not|stopped|"
        r"won'?t) (?:working|moving)\b",
        r"\bsudden(?:ly)?\b[^.?!]{0,20}\b(?:confused|confusion|can'?t walk|can'?t see|dizzy and|lost (?:my|his|"
        r"her) (?:balance|vision|sight)|loss of (?:vision|sight|balance))\b",
        r"\bwords? (?:are |were )?(?:come|came|coming) out (?:wrong|jumbled|funny|muddled|garbled|mixed up)\b",
        r"\b(?:left|right) (?:hand|arm|leg) (?:hasn'?t|has not|isn'?t|won'?t|doesn'?t) (?:work\w*|mov\w*)\b",
        r"\b(?:trouble|difficulty|struggl\w*|problems?|a hard time) (?:getting|finding) (?:his|her|my|the|their) "
        r"words\b",
        r"\bcan'?t walk straight\b",
        r"\bcan'?t hold (?:his|her|my) (?:cup|phone|fork|spoon|pen)\b",
        r"\bcan'?t see out of (?:one|my|his|her|either) eye\b",
        r"\b(?:gibberish|words that aren'?t words|talking nonsense|(?:smile|face|mouth) is (?:wonky|lopsided|"
        r"crooked))\b",
        r"\b(?:half|one side of) (?:my|his|her) face\b[^.?!]{0,20}\b(?:numb|droop\w*|dropped|fallen)\b",
        r"\b(?:hand|arm|leg)\b[^.?!]{0,20}\b(?:won'?t|can'?t|cannot) (?:grip|hold|lift|move)\b",
        r"\bsuddenly (?:doesn'?t know|can'?t remember|lost|confused|can'?t see|blind)\b",
        r"\b(?:lost|losing) (?:the )?(?:vision|sight) in (?:my|his|her|one) (?:left |right )?eye\b",
        r"\bcurtain (?:came|coming) down\b", r"\b(?:vision|sight)\b[^.?!]{0,30}\b(?:gone|went|going) (?:\w+ and )?"
        r"(?:dim|dark|black)\b", r"\b(?:shadow|curtain|veil)\b[^.?!]{0,30}\b(?:across|over|coming down)"
        r"\b[^.?!]{0,20}\b(?:vision|eye|sight)\b",
    )),
    "not breathing": ("strong", (
        r"\b(?:having|in the middle of) an? (?:bad |severe |really bad )?asthma attack\b",
        r"\b(?:can'?t|cannot|cant|can not|couldn'?t|unable to|struggling to|hard to|trouble|difficulty|not|isn'?t|"
        r"wasn'?t|stopped|stops|barely|hardly|won'?t)\s+(?:\w+\s+){0,2}breath(?:e|ing)?\b(?! through (?:my|the) nose)",
        r"\bgasping\b",
        r"(?<!nearly )(?<!almost )\bchok(?:e|es|ing|ed)\b(?! up)(?! on (?:how|the (?:price|cost|bill)))(?! with "
        r"laughter)(?! out in (?:a|the) (?:competition|match|fight|bout|training))",
        r"\bsomething stuck in (?:my|his|her|the) throat\b",
        r"\b(?:lips?|face|skin|fingers?|fingernails?|nails?)\b[^.?!]{0,25}\b(?:blue|bluish|purple|grey|gray)\b",
        r"\bturn(?:ed|ing|in'?|s)? (?:blue?|purple|grey|gray)\b", r"\bblue lips?\b",
        r"\b(?:asthma attack|inhaler)\b[^.?!]{0,50}\b(?:not working|isn'?t working|doesn'?t help|barely|can'?t)\b",
        r"\bwheez\w*",
        r"\bwhistl\w*\b[^.?!]{0,20}\bbreath\w*", r"\bgrunt\w*\b[^.?!]{0,30}\bbreath\w*",
        r"\b(?:squeak\w*|high[- ]pitched|crowing) (?:sound|noise)s? when (?:she|he|they|i|my \w+) breathes? in\b",
        r"\bsucking in (?:between|under) (?:her|his|the) ribs\b",
        r"\b(?:pulled|got|dragged) (?:him|her|them|my \w+|our \w+) out of (?:the )?(?:pool|water|river|sea|lake|bath|"
        r"pond)\b[^?!]{0,100}\b(?:cough\w*|breath\w*|drowsy|sleepy|blue|not waking)\b|\b(?:nearly|almost) drown\w*|"
        r"\bnear[- ]drown\w*",
        r"\b(?:was|went|been|stayed|pulled from) under (?:the )?water\b[^?!]{0,100}\b(?:cough\w*|breath\w*|drowsy|"
        r"sleepy|blue|not waking)\b",
        r"\bbreathing (?:is )?(?:very |really |so )?(?:slow|shallow|noisy|weird|strange)\b",
        r"\b(?:can'?t|cannot|unable to) (?:cough|cry|speak) or (?:cough|cry|speak|breathe)\b",
        r"\b(?:trying to|tries to|can'?t) cough\b[^?!]{0,30}\b(?:nothing (?:is )?coming out|no (?:sound|noise))\b|"
        r"\b(?:no (?:noise|sound) at all|not making (?:a|any) (?:sound|noise))\b[^?!]{0,60}\bcough\w*",
        r"\bclutch\w* (?:at )?(?:his|her|my) throat\b",
        r"\bbreathed in (?:a lot of )?(?:smoke|fumes|gas)\b",
        r"\bcan (?:barely|hardly) (?:speak|talk)\b",
        r"\bsuffocat\w*(?! (?:my|his|her|the|our|your) (?!breath))", r"\b(?:can )?only say (?:a )?(?:couple of|few|"
        r"one or two) words\b",
        r"\binhaler\b[^.?!]{0,30}\b(?:isn'?t|not|no|doesn'?t) (?:doing|working|help\w*|better)\b",
        r"\b(?:blue one|reliever|inhaler|ventolin|salbutamol|puffer)\b[^?!]{0,80}\b(?:not|isn'?t|is not) touching it\b",
        r"\bhurts to breathe\b", r"\bbreathing (?:really |very |so )?(?:fast|heavily|hard)\b[^?!]{0,60}\b(?:drowsy|"
        r"sleepy|vomit\w*|confused|ketones)\b",
        r"\b(?:can'?t|cannot|unable to|can (?:hardly|barely)) swallow (?:my own |his own |her own )?"
        r"(?:spit|saliva)\b", r"\bdrool\w*\b[^?!]{0,40}\b(?:can'?t "
        r"swallow|cough\w*|chest)\b|\b(?:cough\w*|swallowed)\b[^?!]{0,40}\bdrool\w*",
        r"\b(?:getting|got) harder to (?:swallow|breathe)\b", r"\bbreathing feels harder\b",
    )),
    "severe allergic reaction": ("strong", (
        r"\banaphyla\w*", r"\bthroat\b[^.?!]{0,30}\b(?:closing|clos(?:ed|es) up|swell\w*|swollen|tight\w*)\b",
        r"\btongue\b[^.?!]{0,30}\b(?:swell\w*|swollen|huge|too big)\b", r"\b(?:used|use|using|gave|give|needed|need|"
        r"had to use) (?:\w+ )?(?:epi-?pen|adrenaline)\b", r"\bepinephrine\b",
        r"\b(?:severe|bad|serious) allergic reaction\b",
        # "her lips are very big and she breath with noise", "lips puffed up ... his breathing sounds whistly"
        r"\b(?:lips?|tongue|face|eyes?)\b[^.?!]{0,20}\b(?:puff\w*|swell\w*|swollen|(?:very |so |"
        r"really )big)\b[^?!]{0,100}"
        r"\bbreath\w* (?:sounds? |is |are |with )?(?:\w+ )?(?:noise|noisy|whistl\w*|wheez\w*|squeak\w*|rasp\w*)\b",
        r"\b(?:lips?|tongue|face)\b[^.?!]{0,20}\b(?:puff\w*|swell\w*|swollen)\b[^?!]{0,60}\bthroat (?:feels?|is|was) "
        r"(?:funny|weird|strange|tight|scratchy|itchy|thick)\b",
        r"\bthroat\b[^.?!]{0,20}\b(?:thick|closing)\b",
        r"\b(?:nuts?|peanuts?|sting|stung|bee|wasp|shellfish|allergic|allergy)\b[^?!]{0,100}\b(?:face|lips?|tongue|"
        r"throat|eyes?)\b[^.?!]{0,20}\b(?:swell\w*|swollen)\b[^?!]{0,60}\b(?:cough\w*|floppy|wheez\w*|breath\w*|"
        r"faint\w*|hoarse|voice)\b",
        r"\b(?:nuts?|peanuts?|sting|stung|bee|wasp|shellfish|allergic|allergy|injection)\b[^?!]{0,80}\b(?:hives|"
        r"itchy all over|rash)\b[^?!]{0,60}\b(?:wheez\w*|breath\w*|faint|throat|swallow\w*)\b",
        r"\b(?:hives|itchy all over)\b[^?!]{0,50}\b(?:cough\w*|voice|wheez\w*|dizzy|faint)\b",
        r"\b(?:hives|puff\w*|swell\w*|swollen)\b[^?!]{0,120}\b(?:squeak\w*|high[- ]pitched|crowing|noisy|whistl\w*|"
        r"wheez\w*|rasp\w*)\b[^.?!]{0,30}\bbreath\w*",
        r"\b(?:stung|sting|bite|bitten|nuts?|peanuts?)\b[^?!]{0,60}\b(?:lips?|tongue|throat|"
        r"face)\b[^.?!]{0,15}\b(?:puff\w*|swell\w*|swollen)\b[^?!]{0,40}\b(?:dizzy|pale|faint|cough\w*|swallow|"
        r"breath\w*)\b",
        r"\b(?:stung|sting|bite|bitten|nuts?|peanuts?)\b[^?!]{0,60}\b(?:dizzy|pale|faint)\b[^?!]{0,40}\b(?:lips?|"
        r"tongue|throat|face)\b[^.?!]{0,15}\b(?:puff\w*|swell\w*|swollen)\b",
    )),
    "collapse or unresponsive": ("strong", (
        r"\b(?:collapsed|collapsing|unconscious|unresponsive|keeled over|out cold|lifeless)\b(?! (?:into|onto|on) "
        r"(?:my |the )?(?:bed|sofa|couch|settee))", r"\b(?:very |really )?(?:hard|difficult) to (?:rouse|wake)\b",
        r"\b(?:won'?t|will not|can'?t|cannot|isn'?t|is not|not) (?:\w+ )?(?:wake|waking|respond\w*|come round|"
        r"coming round|come to)\b(?! (?:early|on time|in the morning))",
        r"(?<!almost )(?<!nearly )\bpassed out\b(?! (?:drunk|from drinking|when i saw|at the (?:price|bill)))",
        r"\b(?:not|isn'?t|won'?t) answering (?:me|us)\b",
        r"\bnobody'?s home\b", r"\b(?:passed out|fainted|blacked out|went down)\b[^.?!]{0,30}\bstill (?:out|"
        r"unconscious|not (?:awake|responding|waking|breathing right))\b",
        r"\bfloppy\b",
        r"\beyes rolled back\b",
        r"\b(?:just )?fainted\b[^.?!]{0,40}\b(?:black|tarry|blood|chest|pregnant|toilet)\b|"
        r"\bblack,? (?:and )?(?:tarry|sticky|tar-like)\b",
        r"\b(?:hasn'?t|has not|not) come (?:round|to)\b", r"\bonly mumbling\b", r"\bwon'?t answer properly\b",
        r"\bkeeps? (?:passing out|fainting|collapsing)\b", r"\b(?:fainted|passed out|blacked out) (?:twice|again|"
        r"two times|three times|several times)\b", r"\bfound (?:him|her|my \w+|them) on the (?:floor|ground)\b",
        r"\b(?:on the (?:bathroom )?floor)\b[^?!]{0,40}\b(?:cold|mumbling|won'?t|not)\b",
    )),
    "seizure": ("strong", (
        r"\bseiz(?:ure|ures|ing)\b(?! (?:action plan|plan|management|training|policy|diary|meds|medications?|"
        r"medicines?|tablets|pills|drugs|nurse|clinic|team|alert|dog))", r"\bconvuls\w*",
        r"\b(?:having|havin'?|had|has|in|into) (?:a )?fits?\b(?! (?:of|"
        r"about))",
        r"(?<!coil )(?<!iud )(?<!brace )(?<!braces )(?<!denture )(?<!lens )(?<!crown )(?<!implant )(?<!aid )(?<!cast )"
        r"(?<!pessary )(?<!glasses )(?<!wig )\bfitting\b(?! (?:room|in|the|a|for|into|session|appointment|of|"
        r"went|(?:me|us|him|her|them|you) in))",
        r"\bjerking\b[^.?!]{0,30}\b(?:won'?t stop|all over|"
        r"uncontrollabl\w*|arms|legs|body)\b",
        r"\beyes (?:rolled|rolling) back\b",
        r"\bjerking\b(?! (?:off|around))", r"\bfitting and\b", r"\bfoaming at the mouth\b",
        r"\b(?:started|starting|began|begun|(?:is|are|was|has been|have been|'s been|'s) still) fitting\b(?! (?:in )?"
        r"(?:well|nicely|fine|ok|okay|properly|better|with|at|into|comfortably|snugly)\b)",
    )),
    "heavy bleeding": ("strong", (
        r"\b(?:bleeding|blood)\b[^.?!]{0,40}\b(?:everywhere|pouring|gushing|spurting|squirting|pooling|"
        r"soaked through|soaking through|so much|a lot|heavily|won'?t stop after)\b",
        r"\b(?:heavy|massive|severe|uncontrolled|uncontrollable) bleeding\b", r"\bbleeding (?:heavily|badly)\b",
        r"\b(?:gushing|spurting|pouring) (?:out )?blood\b", r"\blost a lot of blood\b",
        r"\bso much blood\b", r"\bblood (?:is )?pumping\b",
        r"\b(?:pouring|soaking|soaked) through (?:the |a |\d+ |several |two |three )?(?:towels?|gauze|pads?|bandages?|"
        r"dressings?)\b",
        r"\bblood everywhere\b",
        r"\bbleeding (?:really |very |so )?bad(?:ly)?\b", r"\bbleeding (?:loads|lots|like crazy|everywhere)\b",
        r"\b(?:(?:nose)?bleed\w*|bled)\b[^?!]{0,80}\b(?:lightheaded|light-headed|pale|faint\w*|dizzy)\b",
        r"\b(?:it'?s|is) gushing\b",
        r"\bsoaked (?:through )?(?:(?:maybe|about|around|like|over) )?(?:loads of|lots of|several|\d+) (?:gauze|"
        r"towels?|pads?)\b",
        r"\b(?:bled|bleeding|soaked|soaking) (?:through )?(?:\d+|a|two|three|four|several) (?:towels?|pads?|cups?)\b",
        r"\b(?:filled|soaked) (?:\d+|two|three) (?:cups|towels)\b", r"\bkeep(?:s)? spurting\b",
        r"\bpad every (?:\d+|half an|an|fifteen|ten) (?:minutes|hour|mins)\b",
        r"\bmouth (?:keeps |is )?fill(?:ing|s)? (?:up )?with blood\b",
        r"\bblood in (?:my|his|her|the) (?:poo|poop|stools?)\b[^?!]{0,60}\b(?:dizzy|faint\w*|lightheaded|pure blood|"
        r"clots)\b|\b(?:lot of|lots of|pure) blood\b[^?!]{0,40}\b(?:dizzy|faint\w*|lightheaded)\b",
    )),
    "bleeding in pregnancy": ("strong", (
        r"\bpregnan\w*\b[^?!]{0,80}\b(?:bleed\w*|blood|spotting heavily|clots?)\b",
        r"\b(?:bleed\w*|blood|clots?)\b[^?!]{0,60}\b(?:pregnan\w*|weeks along)\b",
        r"(?:^|\b(?:i'?m|i am|she'?s|she is|is|at|currently) )(?:[12]\d|3\d|4[0-2]) weeks\b(?! (?:ago|post|after|since|"
        r"out|of))[^?!]{0,160}\b(?:bleed\w*|blood|(?:sudden|severe|terrible|awful|agonising|agonizing) pain)\b",
        r"\bpregnan\w*\b[^?!]{0,80}\b(?:soak\w* (?:through )?(?:a |the )?pads?|(?:terrible|severe|"
        r"bad) headache\b[^?!]{0,60}\b(?:vision|blurr\w*|swell\w*))",
    )),
    "vomiting or coughing blood": ("strong", (
        r"\b(?:vomit\w*|throw\w* up|threw up|puk\w*|cough\w*|being sick)\b[^.?!]{0,25}\bblood\w*\b"
        r"(?![^.?!]{0,40}\b(?:from (?:my |his |her |the )?gums?|brush\w*|floss\w*)\b)",
        _NO_TOOTH + r".*?\bspit\w*\b[^.?!]{0,25}\bblood\w*\b(?![^.?!]{0,40}\b(?:gums?|brush\w*|floss\w*)\b)",
        r"\bblood\b[^.?!]{0,20}\bin (?:my|his|her|the) (?:vomit|sick)\b",
        _NO_TOOTH + r".*?\bblood\b[^.?!]{0,20}\bin (?:my|his|her|the) spit\b",
        r"\b(?:throwing up|vomiting|being sick|threw up)\b[^.?!]{0,120}\b(?:blood with clots|dark red blood|bright red "
        r"blood|clots of blood)\b",
        r"\b(?:vomit\w*|sick|throw\w* up|threw up|puk\w*)\b[^.?!]{0,40}\bcoffee grounds?\b|\bcoffee grounds?\b"
        r"[^.?!]{0,20}\b(?:vomit|sick)\b",
        r"\bco(?:u)?ff?ing up\b[^.?!]{0,25}\bblood",
    )),
    "poisoning or something swallowed": ("strong", POISONING),
    "back pain with numb legs": ("strong", (
        r"\b(?:back|spine)\b[^?!]{0,40}\b(?:legs?|both legs) (?:are |have gone |gone |feel )?(?:numb|weak|dead)\b|"
        r"\blegs? (?:are |have gone |gone )?numb\b[^?!]{0,40}\b(?:back|fever)\b",
    )),
    "head injury with vomiting or drowsiness": ("strong", (
        rf"{_HEAD}[^?!]{{0,120}}{_AFTER_HEAD}", rf"{_AFTER_HEAD}[^?!]{{0,120}}{_HEAD}",
        rf"{_HEAD}[^?!]{{0,120}}\b(?:blood|bleeding|fluid|watery stuff)\b[^.?!]{{0,30}}\b(?:ear|nose)\b",
        r"\bknocked out\b[^?!]{0,80}\b(?:sick|vomit\w*|same questions|confused|sleepy|drowsy)\b",
        rf"{_HEAD}[^?!]{{0,120}}\b(?:muddled|repeating|same questions|dozy|been sick|squishy)\b",
    )),
    "major trauma": ("strong", (
        r"\b(?:fell|fallen|slipped|tripped)\b[^?!]{0,100}\b(?:can'?t (?:stand|get up|put weight)|(?:foot|leg)'?s? "
        r"(?:is )?(?:pointing|turned) out\w*)\b",
        r"\bhip\b[^.?!]{0,40}\b(?:foot|leg)'?s? (?:is )?(?:pointing|turned) out\w*",
        r"\b(?:car|motorbike|motorcycle|bike|traffic|road|bus) (?:crash|accident|collision)\b",
        r"(?<!like )(?<!like it's been )(?<!like its been )(?<!like i've been )(?<!like ive been )\bhit by a (?:car|"
        r"truck|bus|van|lorry|train)\b",
        r"\b(?:took|cut|chopped|sliced|taken|chopped) (?:\w+ )?(?:fingers?|toes?|thumb) off\b",
        r"\bburn\w*\b[^?!]{0,60}\b(?:white and leathery|leathery|charred)\b",
        r"\bburn\w*\b[^?!]{0,60}\bblister\w*\b[^?!]{0,30}\bwhite (?:patches|areas|skin)\b",
        r"\bfell (?:from|off) (?:a |the |our )?(?:roof|ladder|balcony|window|height|scaffold\w*|cliff|second floor|"
        r"2nd floor|bunk bed)\b",
        r"\b(?:been|got|was|were|is|just) (?:stabbed|shot)\b", r"\bgunshot\b", r"\bstab wound\b",
        r"\bbone\b[^.?!]{0,20}\b(?:sticking|poking) out\b", r"\bdeep (?:cut|wound|gash|laceration)\b",
        r"\b(?:burn(?:ed|t)|scald\w*)\b[^.?!]{0,30}\b(?:all over|whole (?:arm|leg|back|chest|body)|large|big|badly)\b",
        r"\b(?:large|big|bad|severe|serious) burns?\b", r"\bamputat\w*", r"\bcut off (?:his|her|my) (?:finger|toe)\b",
        r"\belectrocut\w*",
        r"\bbadly crushed\b|\bcrush(?:ed)? (?:his|her|my) (?:arm|leg|hand|chest)\b",
        r"\bcaught in (?:the|a) machine\b", r"\b(?:fingers?|toes?|thumb|hand) (?:\w+ )?(?:nearly|almost|partly|"
        r"partially|half) (?:off|cut off|severed|hanging)\b|\b(?:fingers?|toes?|thumb) (?:is |are )?hanging off\b",
        r"\bfell through (?:a |the )?(?:glass|window)\b",
        r"\bburn\b[^.?!]{0,20}\bcovers\b",
        r"\b(?:boiling|scalding) (?:water|oil)\b[^?!]{0,60}\b(?:over|on) (?:him|her|my|his)\w*\b",
        r"\bcut (?:him|her|my)sel(?:f|ves) with (?:the|a) (?:chainsaw|saw|axe|machete)\b",
        r"\b(?:went|gone) deep (?:into|through)\b",
        r"\b(?:hot oil|boiling|fireworks?|scald\w*)\b[^?!]{0,80}\b(?:skin (?:is )?(?:coming|peeling) off|burnt|burned|"
        r"blister\w*|black)\b",
        r"\b(?:crushed|crush injury)\b", r"\bcan'?t get up\b[^?!]{0,60}\b(?:hip|leg)\b",
        r"\bleg (?:looks )?short(?:er)? and turned\b",
        r"\bcast\b[^?!]{0,80}\b(?:fingers|toes)\b[^?!]{0,30}\b(?:white|blue|cold|numb)\b|\b(?:fingers|toes)\b"
        r"[^?!]{0,30}\b(?:white|blue|cold|numb)\b[^?!]{0,60}\bcast\b",
        r"\bneck\b[^?!]{0,40}\b(?:tingl\w*|numb|can'?t feel)\b",
        r"\bfell\b[^?!]{0,60}\b(?:belly|stomach|tummy)\b[^?!]{0,40}\b(?:swollen|pale|sweaty)\b",
        r"\bcan'?t feel my (?:legs|feet)\b", r"\b(?:leg|arm|foot|hand) (?:suddenly )?(?:went|gone|"
        r"is) cold and (?:white|pale|blue)\b",
    )),
    "worst headache": ("strong", (
        r"\bworst headache\b", r"\bthunderclap\b",
        r"\bsudden\w*\b[^.?!]{0,25}\b(?:severe|terrible|excruciating|blinding|explosive|massive) headache\b",
        r"\bheadache\b[^.?!]{0,40}\blike (?:being hit|a bomb|an explosion|a thunderclap|something burst)\b",
        r"\b(?:severe|terrible|excruciating|blinding|explosive|worst) headache\b[^.?!]{0,30}\bsudden\w*",
        r"\bheadache\b[^.?!]{0,60}\bnever had anything like\b",
    )),
    "very low blood sugar": ("strong", (
        r"\b(?:sugar|glucose|bg)\b[^.?!]{0,20}\b(?:really |very |dangerously |so )?low\b[^?!]{0,40}\b(?:shaking|"
        r"confused|can'?t|barely|sweating|passing out|faint)\b",
    )),
    "fever in a baby, or with confusion": ("strong", (
        r"\b(?:\d+|one|two|three|four|five|six) (?:day|week)s?[- ]old\b[^?!]{0,100}\b(?:fever|hot|high temp\w*|"
        r"38(?:\.\d)?|39(?:\.\d)?)\b|"
        r"\bnewborn\b[^?!]{0,40}\bfever\b",
        r"\bfever\b[^?!]{0,40}\b(?:confused|mottled|won'?t wake|floppy|stiff neck)\b",
        r"\brash\b[^.?!]{0,40}\b(?:doesn'?t|does not|won'?t) fade\b",
    )),
    "pregnancy or birth emergency": ("strong", (
        # an ectopic pregnancy's signs: shoulder-tip pain with fainting
        r"\bshoulder[- ]tip\b[^.?!]{0,60}\b(?:faint\w*|dizzy|collaps\w*|passed out)\b|\b(?:faint\w*|collaps\w*|"
        r"passed out)\b[^.?!]{0,60}\bshoulder[- ]tip\b", r"\bectopic\b",
        r"\bpositive (?:pregnancy )?test\b[^?!]{0,80}\b(?:severe|sudden|sharp)\b[^.?!]{0,20}\bpain\b",
        r"\b(?:haven'?t|hasn'?t|hadn'?t|not) (?:felt|feel|feeling) (?:the )?(?:baby|her|him|them|any) (?:move|moving|"
        r"kick\w*)\b", r"\b(?:reduced|fewer|less|decreased) (?:baby'?s? |fetal |foetal )?movements?\b",
        r"\bbaby (?:has )?(?:gone|been|is) (?:very )?quiet\b",
        r"\bwaters? (?:broke|broken|"
        r"have gone)\b[^?!]{0,60}\b(?:cord|green|blood|bleed\w*)\b",
        r"\b(?:\d+ weeks|pregnan\w*)\b[^?!]{0,160}\bheadache\b[^?!]{0,120}\b(?:flashing|vision|blurr\w*|puff\w*|spots|"
        r"swell\w*)",
        r"\b(?:pregnan\w*|\d+ weeks)\b[^?!]{0,120}\b(?:sharp|severe|bad) pain\b[^?!]{0,160}\b(?:shoulder|faint|dizzy|"
        r"went grey)\b",
        r"\b(?:gave birth|miscarriage|delivered)\b[^?!]{0,60}\b(?:bleed\w*|soak\w*|clots)\b",
        r"\b(?:waters?|water) (?:just |have |has )?(?:broke|broken|went|gone)\b[^?!]{0,60}\b(?:1\d|2\d|3[0-6]) weeks\b|"
        r"\b(?:1\d|2\d|3[0-6]) weeks\b[^?!]{0,60}\b(?:waters?|water) (?:just |have |has )?(?:broke|broken|went|gone)\b|"
        r"\b(?:1\d|2\d|3[0-6]) weeks\b[^?!]{0,80}\b(?:contractions|regular tightenings?|tightenings? every|fluid "
        r"leaking|leaking fluid)\b",
        r"\bbaby'?s head\b[^?!]{0,30}\b(?:coming|out|crowning)\b|\b(?:in labour|in labor)\b[^?!]{0,30}\bat home\b",
    )),
    "sepsis or meningitis signs": ("strong", (
        r"\b(?:fever|temperature|temp)\b[^?!]{0,60}\brash (?:all over|everywhere|over (?:my|his|her) (?:whole )?body)\b"
        r"[^?!]{0,60}\b(?:faint\w*|dizzy|vomit\w*|confused)\b",
        r"\b(?:confused|confusion)\b[^?!]{0,60}\b(?:grey|gray|heart racing|racing heart|burning up)\b|\b(?:burning up|"
        r"heart racing)\b[^?!]{0,60}\bconfused\b",
        r"\b(?:numbing|anaesthetic|anesthetic|lidocaine)\b[^?!]{0,80}\b(?:shaking uncontrollably|twitch\w*|fitting|"
        r"heart racing|racing heart)\b",
        r"\b(?:fever|temperature|temp|shiver\w*|rigors)\b[^?!]{0,100}\b(?:confused|muddled|heart (?:is )?racing|"
        r"mottled|blotchy|haven'?t peed|"
        r"hasn'?t (?:peed|passed urine|wee)|not passed urine|breathing fast|can barely stand|purple spots|stiff neck|"
        r"feel like i'?m dying|chemo|never felt this ill|light hurts)\b",
        r"\b(?:confused|mottled|blotchy|stiff neck|purple spots|chemo)\b[^?!]{0,100}\b(?:fever|"
        r"temperature|temp \d|shiver\w*|high temp|hot)\b",  # "chemo ... no temperature" unsays it (reading.py)
        r"\bnever felt this ill\b[^?!]{0,100}\b(?:fever|temperature|temp \d|shiver\w*|high temp|hot)\b",
        r"\bstiff neck\b[^?!]{0,60}\b(?:light|fever|rash|headache|vomit\w*)\b", r"\bhigh[- ]pitched cry\b",
        r"\bheart (?:is )?(?:racing|pounding)\b[^?!]{0,60}\b(?:shiver\w*|rigors|cold and clammy)\b",
        r"\bdoesn'?t want to be touched\b",
        r"\b(?:on|having|had) (?:\w+ ){0,4}chemo\w*\b[^?!]{0,120}\b(?:fever|temp\w*|3[89](?:\.\d)?|40|shaking|"
        r"shivering|rigors)\b",
        r"\b(?:skin|rash)\b[^?!]{0,30}\b(?:blister\w*|peeling off)\b[^?!]{0,80}\b(?:mouth|eyes|lips)\b",
        r"\b(?:rash|antibiotics?|new (?:medicine|medication|tablets?|drug|pills?))\b[^?!]{0,80}\bpeeling off in "
        r"sheets\b",
        r"\brash\b[^?!]{0,80}\b(?:lips|mouth|eyes)\b[^?!]{0,20}\b(?:crust\w*|blister\w*|peeling|sores|raw)\b",
        r"\b(?:clozapine|carbimazole|propylthiouracil)\b[^?!]{0,80}\b(?:high temp\w*|fever|sore throat)\b",
    )),
    "diabetic emergency": ("strong", (
        r"\bketones?\b[^?!]{0,40}\b(?:[3-9](?:\.\d)?|high|vomit\w*)\b|\bvomit\w*\b[^?!]{0,60}\bketones\b",
        r"\bpear drops\b", r"\bmeter (?:just )?says hi\b", r"\binsulin pump\b[^?!]{0,40}\b(?:stopped|failed|"
        r"broke)\b[^?!]{0,60}\b(?:vomit\w*|drowsy|breath\w*)\b",
        r"\b(?:sugar|glucose|bm|bg)\b[^.?!]{0,15}\b(?:is|was|of|at|reads?) (?:[0-2]\.\d|[12][0-9] mg)\b",
    )),
    "other emergencies": ("strong", (
        r"\bsudden\w*\b[^?!]{0,40}\bpain\b[^?!]{0,20}\b(?:testic\w*|balls?|scrotum)\b",
        r"\bfiller\b[^?!]{0,200}\b(?:vision|can'?t see|(?:can )?(?:barely|hardly) see|blind\w*|sight|blurr\w*|"
        r"(?:went|gone|going) dark)\b",
        r"\bfiller\b[^?!]{0,240}\b(?:gone white|went white|turned white|very pale|blanch\w*|lacy|net pattern|mottled|"
        r"white and patchy)\b",
        r"\b(?:palpitations|heart (?:is )?racing|pulse|heart rate|watch says)\b[^?!]{0,60}\b(?:black out|pass out|"
        r"faint\w*|collapse)\b",
        r"\b(?:ecstasy|mdma|molly|cocaine|speed|ket|pills)\b[^?!]{0,60}\b(?:burning up|overheat\w*|confused|"
        r"twitch\w*|fitting|unresponsive)\b",
        r"\b(?:toddler|baby|child|kid|son|daughter|little one|\d+ ?(?:year|yr|month)[- ]old)\b[^?!]{0,60}\b(?:found|"
        r"got into|got hold of)\b[^?!]{0,30}\b(?:pills?|tablets?|medicine|meds)\b[^?!]{0,60}\b(?:ate|eaten|swallowed|"
        r"had some|took some|chewed)\b",
        r"\b(?:eye|cataract|retina\w*) (?:op|operation|surgery|injection)\b[^?!]{0,80}(?<!no )(?<!not )(?<!without )"
        r"\b(?:pain\w*|agony|agonising|"
        r"agonizing|excruciating)\b[^?!]{0,60}\b(?:vision|blurr\w*|can'?t see|(?:barely|hardly) see)\b",
        r"\b(?:metal|glass|wire|nail|splinter|shard)\b[^?!]{0,20}\bin (?:my|his|her|their|the) eye\b[^?!]{0,60}"
        r"\b(?:bleed\w*|blood|can'?t see|(?:barely|hardly) see)\b",
        r"\bhernia\b[^?!]{0,100}\b(?:vomit\w*|purple|agony|won'?t go back|can'?t push)\b",
        r"\b(?:swollen|swelling|swelled)\b[^?!]{0,60}\b(?:getting bigger|growing)\b[^?!]{0,40}\b(?:faint|dizzy|pale)\b",
        r"\bstridor\b", r"\bdrool\w*\b[^?!]{0,40}\b(?:fever|temp|can'?t swallow)\b",
        r"\b(?:colonoscopy|endoscopy|gastroscopy)\b[^?!]{0,80}\b(?:belly|tummy|stomach|abdomen)\b[^?!]{0,40}\b"
        r"(?:swollen|hard|rigid)\b",
        r"\btoe\w* (?:has |have )?(?:gone|turned) black\b|\bred streaks?\b[^?!]{0,60}\b(?:fever\w*|shaky|chills|"
        r"shivering)\b",
        r"\b(?:barely|hardly|hasn'?t|not) (?:weed|peed|passed urine|had a wee)\b[^?!]{0,80}\b(?:pale|puffy|spots|"
        r"drowsy|floppy)\b",
        r"\b(?:took|taken) something\b[^?!]{0,80}\b(?:confused|twitching|fitting|boiling|overheating|unconscious)\b",
        r"\bingoiat\w* (?:una |le |delle |un )?(?:pil[ae]|batteri[ae]|calamit\w*|candeggina)\b",
        r"\b(?:soft spot|fontanelle)\b[^?!]{0,20}\bsunken\b", r"\bno (?:tears|wet nappies|wet diapers)\b",
        r"\b(?:2[2-9]\d|1[89]\d)/(?:1[2-9]\d)\b", r"\bcan'?t (?:wee|pee|pass urine)\b[^?!]{0,60}\b(?:legs|back)\b|"
        r"\b(?:legs|back)\b[^?!]{0,60}\bcan'?t (?:wee|pee|pass urine)\b",
    )),
    "emergency, in another language": ("literal", OTHER_LANGUAGES),  # read as written
    "emergency services": ("strong", (
        r"\b(?:call(?:ing)?|ring|phone|get) (?:an? |the )?(?:ambulance|911|999|112|000|paramedics)\b",
        r"\b(?:should|do) (?:i|we) (?:go to|take (?:him|her|them) to) (?:the )?(?:er|a&e|emergency room|"
        r"hospital)\b(?! for (?:a|the) (?:check|scan|consult))",
    )),
}
