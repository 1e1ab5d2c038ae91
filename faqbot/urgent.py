"""Urgent-symptom detection: does a question describe warning signs after a treatment?

Rules, not a model: each signal is a named pattern so staff can see which one fired. A strong sign
(pus, fever, trouble breathing...) is enough on its own; weak ones (heat, swelling, feeling unwell) need
company. Negated signs ("no fever") don't count; nor, sentence by sentence, do signs asked about in general ("what
are the risks of infection?"), as a what-if ("what should I do if I ever get a fever?"), before a treatment or of
an earlier time, unless the message describes something happening ("there's pus", "since yesterday"). A softener
("a bit swollen") makes a mild sign usual healing, but not pus, a vision change or a tight throat. Misspelled sign
words ("blury", "bleding") are read as meant.
The patterns were written from, and are checked against, the urgent and normal-healing questions of
eval/questions_dev.jsonl (README, "Quality").

Signs described without a word any pattern knows ("my pillowcase is covered in fresh bright red") get a second
opinion from a model learned from those questions (warning_model.py), asked only when `describes_now`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from faqbot.query import QueryAnalyzer, Synonyms

_COLOURED = r"(?:yellow|yellowish|green|greenish|cloudy|milky|white|creamy)"
_STUFF = r"(?:gunk|goo|gunge|gloop|muck|stuff|fluid|liquid|water|discharge|crusts?|ooze|oozing|matter|heads)"
_BODY = r"(?:lips?|tongue|throat|mouth|eyelids?|eyes?|face)"
_WONT_STOP = r"(?:won'?t|wont|doesn'?t|does not|can'?t|cant|cannot|not|isn'?t|hasn'?t) (?:\w+ ){0,3}stop(?:ping|ped)?\b"

STRONG: dict[str, tuple[str, ...]] = {
    "pus or discharge": (
        r"\bpus\b", r"\bpuss(?:y|ing)?\b", r"\bpurulent\b",
        r"\bdischarge\b(?! (?:letter|instructions|papers|notes|form))",
        r"\bhoney[- ]colou?r(?:ed)?\b", rf"\b{_COLOURED}\b[^.,;?!]{{0,25}}\b{_STUFF}\b",
        rf"\b(?:crust\w*|ooz\w*|weep\w*|leak\w*)\b[^.,;?!]{{0,15}}\b{_COLOURED}\b",
        r"\b(?:oozing|leaking|weeping) (?:yellow|green|pus|fluid|stuff)",
    ),
    "fever or chills": (
        r"\bfeverish\b", r"\bfever\b", r"\bchills\b", r"\bfebrile\b", r"\bpyrexi", r"\bshiver(?:y|ing|s)\b",
        # a temperature, but not the water's, nor a normal reading ("my temp is 37"), nor a temporary tattoo
        r"\b(?=temp)(?<!water )(?<!room )(?<!shower )(?<!bath )(?<!sauna )(?<!the )(?<!normal )temp(?:erature)?\b"
        r"(?! tattoo)"
        r"(?![^?!]{0,40}\b(?:3[56](?:\.\d)?|37(?:\.[0-4])?|9[5-8](?:\.\d)?|normal)\b)",
        r"\b(?:thermometer|temp(?:erature)?|fever)\b[^.?!]{0,20}\b(?:3[89](?:\.\d)?|4[01]|10[0-4](?:\.\d)?)\b",
        r"\b3[89](?:\.\d)? ?(?:c|°)", r"\brigou?rs\b", r"\bcold sweats?\b", r"\bhot and cold\b",
        r"\bburning up\b", r"\bthe shakes\b", r"\bcan'?t (?:get|stay|keep) warm\b", r"\bnight sweats\b",
        r"\b(?:coming down with (?:the |a )?(?:flu|fever|temperature)|flu-?like|"
        r"like (?:i'?ve got|i have|he has|she has|(?:i'?m|he'?s|she'?s) got) (?:the )?flu)",
        r"\b(?:freezing|shaking|shaky|shivering)\b[^.?!]{0,30}\b(?:cold|sweat\w*)\b",
        r"\bteeth (?:\w+ )?(?:clacking|chattering|rattling)\b", r"\bshaking so (?:hard|much|badly)\b",
        r"\bsweat\w* through (?:my |the |her |his )?(?:sheets|pyjamas|pajamas|clothes)\b",
    ),
    "spreading or worsening redness": (
        r"\bred (?:streaks?|lines?|ribbons?|stripes?|tracks?|trails?)\b", r"\bstreaks?\b", r"\bcellulitis\b",
        r"\blymphangitis\b",
        r"(?:redness|red|rash|patch)\b[^.?!]{0,80}"
        r"\b(?:spread(?:s|ing)?|(?:getting|got|gotten) (?:worse|bigger|larger)|worse again|growing|moving|moved|"
        r"travell?ing|crept|"
        r"creeping|now reaches|reaching|doubled)\b",
        r"\b(?:drew|drawn|marked) (?:a line )?(?:round|around)\b", r"\bincreasing (?:redness|swelling)\b",
        r"\bpast the (?:line|mark)\b",
        r"\b(?:creeping|crept|spreading|moving|travell?ing) (?:towards?|to|into|down|up|onto|over)\b",
        r"\bspreading\b[^.?!]{0,20}\b(?:redness|red|rash)\b",
        r"\b(?:red\w*|rash|swelling|swollen|patch)\b[^.?!]{0,40}\b(?:past|beyond|outside) (?:where (?:you|they|she|he|"
        r"it was) (?:did|treated|needled|done)|the (?:treated|treatment|needled) (?:area|part|zone))\b",
    ),
    "severe or worsening pain": (
        r"\b(?:severe|extreme|excruciating|unbearable|intense|terrible|awful|horrible|crazy|strong) (?:pain|burning)\b"
        r"(?! (?:threshold|tolerance))",
        r"\b(?:pain|hurts?|hurting|sore|aching)\b[^.?!]{0,40}\bmore and more\b",
        r"\b(?:stabbing|stabbed|shooting|searing)\b", r"\bhot iron\b",
        r"\b(?:pain|ache|soreness)\b[^.?!]{0,50}\bspread\w*\b",
        r"\bout of (?:10|ten)\b[^?!]{0,80}\b(?:now|today)\b[^.?!]{0,15}\b(?:[89]|10)\b",
        r"\b(?:[89]|10) out of (?:10|ten)\b",
        r"\b(?:pain|sore|soreness|hurts?|hurting|aching|ache)\b[^.?!]{0,40}\b(?:getting|got|gotten|is|gets|"
        r"keeps getting) (?:much |a lot |way |even |so much )?worse\b",
        r"\b(?:worse|worsening) pain\b", r"\b(?:pain|hurts?|sore)\b[^.?!]{0,30}\bworse every\b",
        r"\bpain ?killers? (?:not|aren't|don't)\b",
        r"\b(?:paracetamol|ibuprofen|tylenol|advil|panadol|painkillers?|pain ?meds?)\b[^.?!]{0,20}"
        r"\b(?:isn'?t|not|aren'?t|doesn'?t|don'?t|nothing|no) (?:touching|helping|working|doing|help|work|touch)",
        r"\b(?:9|10)/10\b",
        r"\bagon(?:y|i[sz]ing)\b",
        r"\b(?:very much|so much|a lot of|really bad|so bad) pain\b", r"\bpain\b[^.?!]{0,10}\b(?:so bad|unbearable)\b",
        r"\blike (?:burning|hot) knives\b", r"\bcan'?t even touch\b[^.?!]{0,40}\b(?:sore|pain|painful|hurts?|cry\w*)\b",
    ),
    "bleeding that won't stop": (
        rf"\b(?:bleed(?:ing|s)?|blood)\b[^.?!]{{0,80}}\b{_WONT_STOP}",
        r"\b(?:keeps?|still|non-? ?stop) (?:bleeding|dripping blood|(?:oozing|leaking|seeping) blood)\b",
        r"\bwon'?t stop bleeding\b",
        r"\bbleed(?:ing)?\b[^.?!]{0,80}\b(?:going|been going|on and off|bleeding) for (?:over |more than |about )?"
        r"(?:half an hour|an hour|\d+ (?:min|mins|minutes|hours?))\b",
        r"\bbleed(?:ing)?\b[^.?!]{0,20}\bnon-? ?stop\b",
        r"\bblood (?:keeps?|is still) (?:coming|dripping|running|pouring)", r"\b(?:bleeding|bled) through\b",
        r"\b(?:soak|seep)(?:ing|ed|s)? through\b",
        r"\bcom(?:ing|es) away soaked\b", r"\b(?:fresh red|red drops|fresh blood)\b",
        r"\bpouring (?:bright )?red\b", r"\bwon'?t slow down\b", r"\b(?:won'?t|not|isn'?t) clott?(?:ing)?\b",
        r"\btrickling down\b", r"\b(?:still|keeps?) trickling\b", r"\bnot ceased\b", r"\brun(?:s|ning)? red\b",
        r"\bblood (?:still|keeps?) (?:comes?|coming) (?:out|from)\b",
        r"\bkeeps? dripping\b",
        r"\b(?:bleed\w*|blood)\b[^.?!]{0,80}\b(?:running|dripping|pouring|streaming) down\b",
        r"\b(?:can'?t|cant|cannot) (?:\w+ )?stop (?:the |it |her |my )?bleed",
    ),
    "blistering": (
        r"\bblister(?:s|ing|ed)?\b",
        r"\b(?:water|watery|fluid|liquid)[- ]?(?:filled )?(?:bubbles?|bumps?|sacs?|pockets?|domes?)\b",
        r"\b(?:bubbles?|sacs?|pockets?|bumps?|domes?)\b[^.?!]{0,50}\b(?:of|with|full of|filled with) (?:clear )?"
        r"(?:fluid|liquid|water)\b",
        r"\braw (?:and )?wet\b", r"\bbubble ?wrap\b", r"\bclear bubbles?\b(?! of (?:serum|gel|product|cream))",
        r"\b(?:clear|raised|shiny) (?:\w+ )?domes?\b",
        r"\bfull of (?:clear )?(?:liquid|fluid|water)\b",
    ),
    "allergic swelling": (  # "slightly swollen lips" can be the numbing cream: this one softens
        r"\b(?:lips?|mouth|eyelids?)\b[^.?!]{0,30}\b(?:swell|swelling|swollen|puff)", r"\bswollen lips?",
        r"\blips? (?:look|looks|are|is|feel|feels) like (?:a |an )?(?:duck|balloon|sausage)", r"\bduck lips?\b",
    ),
    "itchy swollen lips": (  # an allergic reaction however mildly the swelling is put ("a little swollen and itchy")
        r"\b(?:lips?|mouth)\b[^.?!]{0,40}\b(?:swell\w*|swollen|puff\w*)\b[^.?!]{0,30}\bitch",
        r"\b(?:lips?|mouth)\b[^.?!]{0,40}\bitch\w*\b[^.?!]{0,30}\b(?:swell|swollen|puff)",
        r"\bitch\w* (?:and )?(?:\w+ )?(?:swollen|puffy) lips?\b",
    ),
    "throat or tongue swelling": (  # an airway sign however mildly it is put ("a bit tight")
        r"\b(?:tongue|throat)\b[^.?!]{0,30}\b(?:swell|swelling|swollen|puff)", r"\bswollen (?:tongue|throat)",
        r"\bthroat\b[^.?!]{0,20}\b(?:tight|closing)", r"\bswallow", r"\bhoarse\b", r"\blaryngitis\b",
        r"\bthroat (?:feels?|feeling|is|has gone|went) (?:\w+ )?(?:funny|weird|strange|odd|thick|itchy)\b",
        r"\blump in (?:my|her|his|the) throat\b", r"\bcan'?t get (?:food|anything|it|water|drinks?) (?:down|past)\b",
        r"\bsound\w* like a frog\b",
        r"\btongue\b[^.?!]{0,20}\b(?:too big|thick|heavy|fat)\b", r"\bslurr",
        r"\bsound\w* (?:\w+ )?(?:croaky|raspy|husky)\b",
        r"\bvoice\b[^.?!]{0,20}\b(?:hoarse|croaky|raspy|gone funny|sounds? (?:\w+ ){0,2}(?:weird|funny|strange|odd|"
        r"muffled|thick))",
    ),
    "severe swelling": (
        rf"\b{_BODY}\b[^.?!]{{0,30}}\b(?:blown up|blew up|ballooned)\b",
        r"\b(?:lips?|tongue|eyes?|eyelids?)\b[^.?!]{0,40}\b(?:twice (?:the|its|their|as big)|massive|huge|enormous|"
        r"fat)\b", r"\beyes? (?:are|is) (?:\w+ )?slits?\b",
        rf"\b{_BODY}\b[^.?!]{{0,30}}\b(?:doubled|double (?:the|its|their) (?:normal )?size)\b",
        r"\bswell\w* more (?:every|each|by the) (?:hour|minute)\b",
        r"\beyes?\b[^.?!]{0,30}\b(?:swollen|swelling|swelled|puffed|puffy)\b[^.?!]{0,12}\bshut\b",
        r"\beyes?\b[^.?!]{0,50}\b(?:can'?t|cant|cannot|won'?t) (?:\w+ )?open\b",
        r"\b(?:can'?t|cant|cannot) open (?:my |her |his |one |either |both )?eyes?\b",
    ),
    "one spot hotter than the rest": (r"\bhotter than the (?:rest|other)\b",),  # warmth is usual; a hot spot is not
    "skin turning grey, purple or mottled": (  # blood supply: a dusky, cold or lifeless patch
        # not a bruise's purple, nor "the grey area under my eyes" or "mottled pigmentation" a patient wants treated
        r"\b(?:dusky|ashen)\b", r"\bmottled\b(?! (?:pigment\w*|skin tone|tone|complexion))",
        r"\b(?:grey|gray|purple|blue)-(?:grey|gray|purple|blue)\b",
        r"\blike (?:the skin of a plum|ash\b|a lace doily)", r"\bcold (?:compared|next) to the rest\b",
        r"\bcandle ?wax\b", r"\b(?:doesn'?t|does not|won'?t|isn'?t) (?:go |turn |pink |colou?r )(?:\w+ )?back\b",
    ),
    "allergic reaction": (  # not the question "is this an allergic reaction or normal?"
        r"(?<!is this an )(?<!is it an )(?<!could this be an )(?<!could it be an )\ballergic reaction\b", r"\banaphyla",
        r"\bangio-?o?edema\b",  # clinicians' words, as a nurse writing for a patient puts it
    ),
    "fainting": (r"\b(?:room|everything|vision|world) (?:went|goes|going|turned) "
                 r"(?:grey|gray|black|dark|white|fuzzy)\b", r"\bfainted\b", r"\bpass(?:ed|ing) out\b",
                 r"\bblack(?:ed|ing) out\b", r"\bcollapsed\b", r"\bdropped to the (?:floor|ground)\b",
                 r"\bkeeled over\b", r"\bnext thing i knew (?:i|she|he) was (?:on|lying)\b", r"\bhad to crawl\b",
                 r"\b(?:woke up|came to|ended up) on the (?:floor|ground)\b",
                 r"\b(?:almost|nearly) (?:fell (?:over|down|to the)|fainted|passed out|collapsed|keeled)\b",
                 r"\b(?:about|going|like|gonna|might|could) (?:to )?(?:faint|pass out)\b"),
    "hives": (r"\bhives\b", r"\burticaria\b", r"\bwelts\b", r"\bitch(?:y|ing) all over\b",
              r"\b(?:itchy|raised)\b[^.?!,;]{0,15}\b(?:blotches|welts|lumps|patches)\b",
              r"\bblotchy\b[^.?!,;]{0,15}\b(?:blotches|welts|lumps)\b",  # "blotchy red patches" is day-one redness
              r"\b(?:itchy|raised|lumpy|hivey) blotch(?:es|y)\b[^.?!]{0,25}\b(?:everywhere|all over)\b",
              r"\b(?:bumps?|welts?|lumps?|spots?|blotches)\b[^.?!]{0,30}\blike (?:mosquito|insect|bug|midge) bites\b",
              r"\b(?:come|coming|came|broke|broken) (?:out|up) in\b[^.?!]{0,30}\b(?:blotches|lumps|bumps|rash|"
              r"welts)\b"),
    "trouble breathing": (
        r"\b(?:trouble|difficulty|hard|struggling|can'?t|cant|cannot)\b(?: \w+){0,3} breath(?:e|ing)?\b",
        r"\b(?:barely|hardly) (?:\w+ )?breath(?:e|ing)?\b",
        r"\bshort(?:ness)? of breath\b", r"\bwheez", r"\bthrough a straw\b", r"\bwhistl\w*\b[^.?!]{0,30}\bbreath",
        r"\bbreath\w*\b[^.?!]{0,30}\bwhistl", r"\bwhistl\w*\b[^.?!]{0,30}\b(?:take|taking|get|getting) air\b",
        r"\bchest (?:\w+ )?(?:heavy|tight)\b[^.?!]{0,20}\b(?:sitting|sat|pressing|band)\b",
        r"\bcatch(?:ing)? (?:my|her|his|their) breath\b",
        r"\bbreathless\b", r"\bbreathing (?:is|feels|got|getting|has got) (?:\w+ )?(?:hard|difficult|tight|harder)\b",
    ),
    "changes in vision": (
        r"\bvision\b(?! (?:is|was|seems|looks) (?:\w+ )?(?:fine|normal|ok|okay|good|clear|perfect))"
        r"(?! (?:isn'?t|is not|wasn'?t|was not|hasn'?t been|has not been) (?:\w+ )?(?:blurr\w*|fuzzy|hazy|foggy|"
        r"affected|changed|different|double|dark|dim|funny|weird|off|bad|worse)\b)",  # "vision isn't blurry"
        r"\bblurr(?:y|ed)\b",
        r"\b(?:sight|vision)\b[^.?!]{0,30}\b(?:went|gone|going) (?:dark|black|grey|gray|dim)\b",
        r"\bcurtain coming down\b", r"\bcan'?t see\b", r"\bflashes\b", r"\bspots in my eyes?\b",
        r"\beyes?\b[^.?!]{0,20}\b(?:swollen shut|(?:is|are) closing|closed up)\b",
        r"\bsee(?:ing)? (?:spots|dots|stars|flashes|double|things|two of)\b", r"\bdouble vision\b", r"\bfloaters\b",
        r"\btwo of everything\b", r"\b(?:look|looks|looking|looked|seem|seems|appear|appears) double\b"
        r"(?! (?:the|a|an|its|their|his|her|what|that|as)\b)",
        r"\b(?:dark|black) (?:patch|area)\b[^.?!]{0,40}\b(?:what (?:i|she|he) (?:see|sees|look at)|vision|sight)\b",
        r"\b(?:smudge|shadow|blind spot|dark spot|grey patch|gray patch|curtain|halos?)\b[^.?!]{0,40}"
        r"\b(?:look|see|vision|sight|eyes?|lights?)\b",
        r"\b(?:spots|dots|specks)\b[^.?!]{0,30}\b(?:floating|in my (?:eye|sight))",
        r"\b(?:fuzzy|hazy|foggy|cloudy|dim)\b[^.?!]{0,30}\beyes?\b", r"\beyes?\b[^.?!]{0,30}\b(?:fuzzy|hazy|foggy)\b",
        r"\beverything (?:looks|is|seems) (?:\w+ )?"
        r"(?:fuzzy|hazy|foggy|blurry|blurred|dim|smeary|smudged|misty|cloudy)\b",
        r"\blooking through (?:vaseline|fog|frosted glass|water|a film|(?:a )?(?:steamed|fogged|misted)[- ]up)\b",
        r"\bsight\b[^.?!]{0,20}\b(?:gone|going|blurry|fuzzy|worse|funny|weird|lost|strange)\b",
    ),
    "throbbing": (  # strong, but "a bit throbbing" softens it
        r"\bthrobb?(?:ing|s)?\b(?! head)", r"\bpounding\b(?! head)",
        r"\b(?:in time|with (?:every|each))\b[^.?!]{0,10}heart ?beat\b",
    ),
    "eye pain": (
        r"\beyes? pain\b", r"\blight hurts (?:it|them|my eyes?)\b",
        r"\beyes?\b (?:\w+ ){0,3}(?:hurts?|hurting|is painful|are painful|aches?|aching|paining|pains)\b",
        r"\beyes?\b[^.?!]{0,30}\b(?:really|very|so|extremely) painful\b", r"\bpain in (?:my|her|his|the) eyes?\b",
        r"\bhurts? to look at (?:the )?light\b", r"\b(?:bright )?light (?:is )?(?:killing|hurting)\b",
        r"\beyes?\b[^.?!]{0,40}\b(?:grit|sand)", r"\b(?:ache|pain|aching)\b[^.?!]{0,20}\beye(?:ball)?s?\b",
        r"\blight makes (?:it|them) (?:much |even )?worse\b", r"\blight is (?:unbearable|too bright|painful)\b",
        r"\bhurts to look\b", r"\beyes?\b[^.?!]{0,20}\bwon'?t stop watering\b",
        r"\bcan'?t keep (?:it|them|my eyes?) open\b",
        r"\bgrit\w*\b[^.?!]{0,30}\beyes?\b",
        r"\beyes?\b[^.?!]{0,30}\b(?:sensitive to|can'?t stand) (?:the )?(?:bright )?light\b",
    ),
    "bad smell": (r"\b(?:sour|off|bad|foul|rotten|nasty|horrible|awful)\b[^.?!]{0,10}\bsmell\b",
                  r"\bgone off in the fridge\b", r"\bsmells? like (?:something|it)(?:'s| has| had)? gone off\b",
                  r"\bsmell(?:s|y|ing|ed)? (?:\w+ ){0,2}"
                  r"(?:bad|awful|foul|rotten|off|gross|horrible|disgusting|funny)\b",
                  r"\bfoul\b(?!-mouthed)", r"\bstinks?\b", r"\bstinking\b", r"\brotten\b"),
}
# "It hurts more": worsening pain only when the message places it in time (_IN_TIME: "now", "since Saturday", "day 5",
# "than it did"); unplaced, it asks about the treatment ("will my second session hurt more?", "is it more painful on the
# forehead?"), and "does it hurt more if ..." asks a what-if.
COMPARED: dict[str, tuple[str, ...]] = {
    "severe or worsening pain": (
        r"\bhurts? (?:way |a lot |much |so much |even )?more\b(?! than (?!(?:it|they|before|yesterday)\b))(?! if\b)",
        r"\bmore (?:painful|sore)\b(?! than (?!(?:it|they|before|yesterday)\b))(?! if\b)",
        r"\b(?:pain|sore\w*|hurt\w*|ach(?:e|es|ing)|throbb\w*)\b[^.?!]{0,60}\b(?:much|way|a lot|even|far) worse\b",
    ),
}

WEAK: dict[str, tuple[str, ...]] = {
    "heat": (r"\bhot to the touch\b", r"\b(?:really|very|so|burning) hot\b", r"\bwarm to the touch\b",
             r"\b(?:feels?|is|are) hot\b", r"\b(?:swell\w*|swollen|red|puffy) and hot\b"),
    "very sore": (r"\b(?:super|really|very|so|extremely|incredibly) (?:painful|sore|tender)\b",
                  r"\bhurts? so (?:much|bad)\b", r"\blike (?:a )?(?:bad )?burn\b", r"\bon fire\b"),
    "getting worse": (r"\bgetting (?:worse|bigger)\b", r"\bdoubled\b", r"\bmore (?:every|each) (?:day|hour)\b",
                      r"\binstead of (?:less|smaller|better|going down)\b",
                      r"\b(?:ramping up|intensifying|getting more intense|by the hour)\b",
                      r"\bworse (?:\w+ )?than (?:yesterday|before|this morning|the first day|day (?:one|1))\b",
                      r"\b(?:growing|grows)\b",
                      r"\bworse (?:not|instead of) better\b",
                      r"\b(?:really|so much) hurts?\b", r"\blooks? angry\b"),
    "swelling": (r"\bswell(?:ing)?\b[^.?!]{0,30}\b(?:worse|bigger|spreading|so bad)\b", r"\bpuffing up\b",
                 r"\bswollen\b", r"\bswelled up\b", r"\bpuff(?:y|ed up)\b", r"\b(?:much|very|so|really) swell\b"),
    "feeling unwell": (r"\b(?:feel|feeling) (?:sick|ill|unwell|awful|terrible)\b", r"\bunwell\b", r"\baches all over\b",
                       r"\bnause", r"\bsweat(?:ing|y)\b", r"\bheart(?:'s| is)? (?:racing|pounding)\b",
                       r"\bcoming down with (?!(?:the |a )?(?:flu|fever|temperature)\b)"),
    "faint or dizzy": (r"\b(?:feel(?:s|ing)?|felt|going|went) (?:\w+ )?(?:faint|dizzy|light-?headed|woozy)\b",
                       r"\bdizzy\b", r"\b(?:room|everything|world|head) (?:\w+ )?spinning\b"),
    "lump": (r"\blump\b", r"\babscess\b", r"\bboil\b", r"\b(?:red|hot|swollen) and hard\b",
             r"\bhard and (?:hot|red|swollen)\b"),
    "fluid": (r"\boozing\b", r"\bleaking\b", r"\bweeping\b", r"\bcrust(?:y|ing)\b"),
}
# Words the signs are written in: a misspelling of one ("blury", "bleding", "streeks") is read as it, unless it is
# itself a common English word (query.QueryAnalyzer's corrector, over this vocabulary instead of the documents').
# The last line holds everyday healing words, so that their misspellings ("peelling") aren't read as signs.
LEXICON = """pus discharge yellowish greenish cloudy honey coloured colored gunk ooze oozing leaking weeping crusty
fever feverish chills shivery shivering shivers temperature rigors sweats sweating freezing streaks redness spreading
spread growing moving travelling traveling severe extreme excruciating unbearable intense terrible awful horrible
worse worsening painkillers throbbing pounding agony agonising agonizing bleeding bleeds blood dripping stopping
blister blisters blistering blistered bubbles fluid liquid swelling swollen swell lips tongue throat mouth eyelids
eyelid swallow swallowing ballooned allergic reaction anaphylaxis hives welts blotches blotchy breathe breathing
breath breathless wheezing wheeze vision blurry blurred flashes floaters fuzzy hazy foggy sight puffy stinks stinking
rotten smell smells abscess nausea nauseous yellow green milky double faint dizzy hoarse voice light thermometer
peeling peel flaking flaky itching itchy tingling tight tightness dryness numbing serum lipo possible possibly"""
_SPELLING = QueryAnalyzer.from_texts([LEXICON], Synonyms(()))
# Signs that a softener ("slightly swollen lips", "a bit hot") makes usual healing; "kinda blurry" vision, "a bit
# of pus" or a smell "kind of off" are warning signs however they are put.
SOFTENED = {"allergic swelling", "heat", "getting worse", "swelling", "feeling unwell", "faint or dizzy", "throbbing",
            "very sore"}
_SOFTENER = re.compile(r"\b(?:a bit|a little|slightly|kinda|kind of|mildly|mild|little bit|tiny bit|a touch)"
                       r"\s+(?:\w+\s+)?$")
# "throbbing like a bad sunburn": the usual feeling of the first evening, in the articles' own words
_LIKE_SUNBURN = re.compile(r"\s+like (?:a )?(?:bad |mild |strong )?sunburn\b")
# "no fever", "isn't swollen"; not "not sure but there's pus", and never across "but" or a colon
_NEGATION = re.compile(
    r"\b(?:no|not|without|never|none|nor|free of|isn't|aren't|don't|doesn't|didn't|haven't|hasn't|no sign of)"
    r"\b(?! (?:sure|idea|know|think|certain)\b)(?:(?!\b(?:but|though|although|however|yet)\b)[^.,;:!?]){0,25}$"
)
_GENERAL = re.compile(  # "please can you explain what happens in the treatment" too
    r"^(?:(?:please|so|ok|okay|and|hi|hello|hey)\s+)*"
    r"(?:what|wat|whats|what's|which|how|is|are|can|could|does|do|will|would|should)\b[^.?!]*\b(?:risks?|chances?|"
    r"side effects?|cause|causes|possible|happen|signs?|symptoms?|likely|get|have an?|affect|harm|damage|ever|make|"
    r"mess (?:with|up)|ruin|give|gives|"
    r"look like|feel like|common|rare|explain)\b"
)
# "can microneedling affect my vision?": a general question about the treatment, even with "my" in it
_ABOUT_TREATMENT = re.compile(r"(?:can|could|does|do|will|would|might|may|is|are) (?:micro-?needling|needling|it|"
                              r"the (?:treatment|procedure|needles?|serum|numbing(?: cream)?))\b")
_HYPOTHETICAL = re.compile(  # what-ifs
    r"\b(?:what if|what happens if|what (?:should|do|would|shall) (?:i|we|you) do if|"
    r"if (?:i|you|it|my|there'?s?|someone'?s?|anyone'?s?|people)\b[^.?!]{0,15}\b"
    r"(?:ever|get|gets|got|notice|see|have|has|develop|start|started|starts|felt)|"
    r"in case|look out for|watch out for|(?:what|signs?) to (?:look|watch) (?:out )?for|just so i know|"
    r"jus(?:t)? asking|just curious|just wondering|chances? of|happen to me|"
    r"could (?:that|this|it) happen|how (?:common|rare|likely)|"
    r"\bif\b[^.?!]{0,40}\bwhat (?:do|should|would) (?:i|we) do|"
    r"^will i (?:have|get|be|need|feel)|"
    r"^(?:am i|is it|are they) (?:going|gonna) to (?:have|get|be|need)|"
    r"is (?:\w+ ){0,2}(?:rare|common|likely))\b"
)
_RECENT = r"(?! (?:few|couple|several|two|three|\d+|hour|day|week|24|48)\b)"  # "in the past few hours" is now
_LONG_AGO_WORDS = (rf"years? ago|as a (?:kid|child|teen(?:ager)?)|when i was (?:a |little|young)|in the past{_RECENT}|"
                   r"last year")
_PAST = re.compile(rf"\b(?:{_LONG_AGO_WORDS}|once|used to|"
                   r"at my last|last time|after my last|my last (?:treatment|session|appointment)|back in|"
                   r"last month|before my (?:treatment|session)|"
                   r"my (?:sister|brother|friend|cousin|aunt|uncle|colleague|mate|neighbou?r|mum|mom|mother|dad|"
                   r"father|co-?worker)\b[^.?!]{0,30}\b(?:had|got|broke|came|said|says|told|read|heard))\b")
# Settling down: mild signs ("throbbing and warm ... calming down now") are then usual healing, unless something is
# also getting worse.
_SETTLING = re.compile(r"\b(?:calming down|calmed down|settling|settled|going down|gone down|went down|much better|"
                       r"improving|fading|faded|eased|easing|evened out|evening out|subsid(?:ed|ing)|died down|"
                       r"dying down|toned down)\b")
_WORSENING = re.compile(r"\b(?:worse|bigger|spreading|more (?:every|each)|again|c[oa]me back|coming back|returned|"
                        r"darker)\b")
_BEFORE_TREATMENT = re.compile(
    r"\b(?:next (?:week|month)|thinking (?:of|about) (?:having|getting) (?:it|microneedling)|before i go|"
    r"before i book|before booking|before my (?:first |next )?(?:appointment|treatment|session)|"
    r"(?:ok|okay|safe|fine|alright) to (?:get|have|book|start) (?:microneedling|it done|the treatment|a session)|"
    r"can i (?:still )?(?:get|have|book) (?:microneedling|it done|the treatment|a session))\b"
)
# "I'm fine now": a past sign has resolved, which is not something happening now.
_RESOLVED = re.compile(r"\b(?:i'?m|i am|she'?s|he'?s|it'?s|all|they'?re) (?:\w+ )?(?:fine|ok|okay|better|well|gone|"
                       r"cleared) now\b|\b(?:nothing|none|no problems?|not once) since\b")
# Long ago ("as a teenager", "years ago"): that sentence's signs are history even beside a present-tense "i've got",
# unless it also says now.
_LONG_AGO = re.compile(rf"\b(?:{_LONG_AGO_WORDS})\b")
# ... judged clause by clause: "I had hives as a kid and my lips are swelling up" describes the lips now.
_CLAUSE = re.compile(r",\s*|\s+\b(?:and|but|while|though)\b\s+")
_NOW = re.compile(r"\b(?:now|right now|today|tonight|this (?:morning|afternoon|evening)|currently|since)\b")
# The message says nothing is happening: "not happening, just reading the aftercare sheet".
_NOT_HAPPENING = re.compile(r"\b(?:not happening|isn'?t happening|hypothetically)\b")
_WHEN = (r"now|right now|rn|since|today(?!'s)|yesterday(?!'s)|this morning|this afternoon|this evening|tonight|"
         r"last night|"
         r"days? ago|hours? ago|an hour ago|day \d+")
# Where COMPARED's "hurts more" is placed in time: any of those times ("today's" too), or a change over time.
_IN_TIME = re.compile(rf"\b(?:{_WHEN}|today|yesterday|every (?:single )?(?:day|hour)|each (?:day|hour)|"
                      r"more and more|by the hour|than (?:it|they) (?:did|was|were)|than before|still|keeps?)\b")
# Something said to be happening: a time, or a sign described in the present ("i have", "there's", "i feel").
_DESCRIBING = re.compile(
    rf"\b(?:{_WHEN}|woke up|there's|theres|there is|there are|"
    r"(?<!if )(?<!will )(?:i have(?! (?:a|some|few|two|one) (?:quick )?questions?)|i've got|ive got|i've had|"
    r"ive had|i got|i feel|i'm feeling|im feeling))\b|"
    r"\b(?:is|are|keeps?) (?:\w+ )?(?:swelling|swollen|bleeding|oozing|leaking|weeping|spreading|throbbing|blurry|"
    r"tight|closing)\b|\b(?:coming out|coming from|oozing|leaking|weeping|pouring|dripping)\b|"
    r"\bmine (?:is|are|has|have)\b"
)
_PERSONAL = re.compile(rf"\b(?:i|i'm|im|i've|ive|my|me|mine|we|our|she|he|her|his|they're)\b|\b(?:{_WHEN})\b")
_SENTENCE_END = re.compile(r"(?<=[.?!;:])\s+")
# "the redness isn't spreading", "my lips aren't swollen": a negation inside the match, just before the sign's last
# words, unsays it; not one that doesn't reach them ("isn't going away and is spreading"), nor "hasn't stopped".
_NEGATED_INSIDE = re.compile(r"\b(?:no|not|never|nor|without|isn'?t|aren'?t|wasn'?t|weren'?t|don'?t|doesn'?t|"
                             r"didn'?t|haven'?t|hasn'?t)\s+(?!(?:stop\w*|gone|go|going|went|calm\w*|settl\w*|eas\w*|"
                             r"improv\w*|better)\b)(?:\w+\s+){0,2}$")
# ... unless the pattern names a negation of its own: "won't stop", "painkillers not working".
_OWN_NEGATION = re.compile(r"n'\?t|n't|\b(?:not|no|nothing|cannot|cant|wont)\b")
Sign = tuple[tuple[re.Pattern[str], bool], ...]  # (regex, whether a negation inside a match unsays it)


def _compile(patterns: tuple[str, ...]) -> Sign:
    own = [bool(_OWN_NEGATION.search(p.replace(r"\b", " "))) for p in patterns]  # r"\bnot ceased": "not" is a word
    groups = ((True, [p for p, o in zip(patterns, own, strict=True) if not o]),
              (False, [p for p, o in zip(patterns, own, strict=True) if o]))
    return tuple((re.compile("|".join(group)), inside) for inside, group in groups if group)


_STRONG = {name: _compile(patterns) for name, patterns in STRONG.items()}
_WEAK = {name: _compile(patterns) for name, patterns in WEAK.items()}
_COMPARED = {name: _compile(patterns) for name, patterns in COMPARED.items()}


# Hedged: "a little puffy", "tiny dots of blood", "kinda tender". The embedding second opinion (warning_model.py)
# leaves such messages to the rules.
_HEDGED = re.compile(r"\b(?:a bit|bit of|slight|slightly|kinda|kind of|mildly|mild|little|tiny|a touch|some|minor|"
                     r"pinpoint)\b")


@dataclass(frozen=True)
class UrgentCheck:
    urgent: bool
    signals: tuple[str, ...]  # the warning signs found
    explanation: str
    # The message plainly describes something happening to the writer now (personal or timed; no sign named and
    # read as negated or softened, nothing hedged, settling, asked about, asked as a what-if or told of the past):
    # where a sign in the patient's own words may be that no pattern names. warning_model.py asks only then.
    describes_now: bool = False


def _present(sign: Sign, text: str, softens: bool) -> bool | None:
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
            softened = softens and (_SOFTENER.search(before) or _SOFTENER.search(inside)
                                    or _LIKE_SUNBURN.match(text, m.end()))
            negated = _NEGATION.search(before) or (negated_inside and _NEGATED_INSIDE.search(inside))
            if not negated and not softened:
                return True
            start = m.start() + 1
    return False if seen else None


def _asked(sentence: str, before_treatment: bool, describing: bool) -> str:
    """Why a sentence's signs are asked about rather than described ("" when they are described). `describing`:
    the message describes something happening, which keeps general and what-if sentences' signs."""
    unresolved = _RESOLVED.sub("", sentence)
    if _PAST.search(sentence) and not _DESCRIBING.search(unresolved) or (
            _LONG_AGO.search(sentence) and not _NOW.search(unresolved)):  # "pus after my last ...", "as a teen"
        return "told of an earlier time, not described as happening now"
    if describing:
        return ""
    if _GENERAL.search(sentence) and (not _PERSONAL.search(sentence) or _ABOUT_TREATMENT.match(sentence)):
        return "asked in general, not described as happening"
    if _HYPOTHETICAL.search(sentence) or before_treatment:
        return "asked as a what-if, not described as happening"
    return ""


def check(question: str) -> UrgentCheck:
    """Which warning signs, if any, a question describes."""
    text = _SPELLING.analyze(" ".join(question.lower().replace("\u2019", "'").split())).corrected
    describing = bool(_DESCRIBING.search(text))
    before_treatment = bool(_BEFORE_TREATMENT.search(text) or _NOT_HAPPENING.search(text))
    settling = bool(_SETTLING.search(text)) and not _WORSENING.search(text)
    in_time = bool(_IN_TIME.search(text))
    strong: list[str] = []
    weak: list[str] = []
    asked: list[str] = []
    general = False
    dismissed: set[str] = set()  # named, but read as negated or softened ("not so much pain")
    for sentence in _SENTENCE_END.split(text):  # a what-if sentence doesn't hide a sign described in the next
        general = general or bool(_GENERAL.search(sentence) and not _DESCRIBING.search(sentence))
        for part in _CLAUSE.split(sentence) if _LONG_AGO.search(sentence) else (sentence,):
            found = []
            for name, p in (*_STRONG.items(), *_WEAK.items(), *(_COMPARED.items() if in_time else ())):
                if settling and name in SOFTENED:
                    continue
                if (present := _present(p, part, name in SOFTENED)) is False:
                    dismissed.add(name)
                elif present:
                    found.append((name, name in STRONG))
            if found and (why := _asked(part, before_treatment, describing)):
                asked.append(why)
                continue
            for name, is_strong in found:
                group = strong if is_strong else weak
                if name not in group:
                    group.append(name)
    signals = (*strong, *weak)
    # a sign named but read as negated or softened is the rules' call too (settling ones: `settling` below)
    now = (not (asked or dismissed - set(signals) or settling or general or before_treatment)
           and bool(_DESCRIBING.search(text) or _PERSONAL.search(text))
           and not (_HYPOTHETICAL.search(text) or _PAST.search(text) or _HEDGED.search(text)))
    if not signals:
        return UrgentCheck(False, (), asked[0] if asked else "no warning sign mentioned", now)
    if strong or len(weak) >= 2:
        return UrgentCheck(True, signals, "warning sign described: " + ", ".join(signals), now)
    return UrgentCheck(False, signals, "a single mild sign, usual during healing", now)
