"""The words of a crisis, as regular expressions over a message in lower case (its spelling read): thoughts of
suicide, a plan or the means, saying goodbye, self-harm, an overdose on purpose, and phrases in other languages.
How a message is read for them (negation, history, subjects, idioms) is crisis.py's."""

from __future__ import annotations

from faqbot.safety.crisis_means import ME, MEANS, PILLS
from faqbot.safety.crisis_other_languages import OTHER_LANGUAGES

SIGNS: dict[str, tuple[str, ...]] = {
    "suicidal thoughts": (
        r"\b(?:don'?t|do not|dont) (?:really )?care if (?:i|he|she|they) (?:wake|wakes) up\b",
        r"\bthink\w* (?:about|of) (?:killing|hurting|harming|ending) yourself (?:every|all the time|constantly|"
        r"daily)\b",
        r"\b(?:thinking|think|thought|going|about) (?:of |about |to )?(?:doing )?something stupid\b[^?!]{0,40}"
        r"\b(?:tonight|permanent|for good)\b",
        r"\bsuicid\w*", r"\bkill(?:ing)? " + ME + r"(?! (?:trying|to|at|with|working|laughing|over)\b)",
        r"\b(?:kill|shoot|hang) (?:him|her|them)sel(?:f|ves)\b",
        r"\b(?:end|ending|finish|finishing|take|taking) (?:my|his|her) (?:own )?life\b",
        r"\bend(?:ing)? (?:it all|things|it|everything)\b(?! (?:with|for|early|by|at|in the|on)\b)",
        r"\bvoices?\b[^.?!]{0,40}\b(?:telling|tell|told) me to (?:jump|die|kill|hurt|cut|end)\b",
        r"\b(?:balcony|roof|bridge|window|ledge|cliff)\b[^?!]{0,40}\b(?:want|wanted|wanna|going) to jump\b",
        r"\b(?:stopped|stop) caring (?:if|whether) i (?:live|die)\b", r"\bfor when i decide\b",
        r"\b(?:pray|praying|hope|hoping|wish|want|wanted|wanting) (?:\w+ )?not to wake up\b",
        r"\b(?:talk\w* about|keeps? saying|on about) (?:going to|go to) sleep and (?:not|never) wak\w* up\b",
        r"\b(?:hope|pray|wish) (?:god|the lord) "
        r"(?:takes|will take|would take) me\b",
        r"\b(?:imagin|imajin|pictur|think)\w*\b[^.?!]{0,10}\bmy (?:own )?fune?ral\b",
        r"\b(?:don'?t|do not|can'?t) trust (?:my ?self|me)\b(?! (?:with|around) (?:chocolate|cake|sweets|food|"
        r"biscuits|money|shopping))",
        r"\bwants? to \W?(?:go to|be with|join|follow) (?:dad|mum|mom|him|her)\b\W?[^?!]{0,40}\b(?:died|passed|"
        r"dead)\b",
        r"\b(?:don'?t|dont|do not) (?:really )?care if (?:it|this|i) (?:kills? me|die)\b",
        r"\bhoping\b[^.?!]{0,40}\b(?:won'?t|not|never|don'?t) wake up\b",
        r"\b(?:give out|die|dying|dead|death|not wake up)\b[^?!]{0,80}\b(?:sounds|would be|feels) like (?:a )?relief\b",
        r"\btried to (?:strangle|hang|drown|suffocate|smother) (?:him|her|my|them)sel(?:f|ves)\b",
        r"\bwants? to (?:follow|join) (?:\w+ )?(?:lolo|lola|husband|wife|grandpa|grandma|dad|mum|mom|him|her)\b"
        r"[^?!]{0,60}\bon purpose\b|\bstopped (?:eating and drinking|eating|drinking) on purpose\b",
        r"\b(?:know|worked out|figured out) (?:exactly )?(?:what|how much) i'?d (?:take|need|use)\b",
        r"\b(?:know|worked out|figured out) (?:exactly )?what to take and how (?:much|many)\b",
        r"(?<!like i'm )(?<!like im )(?<!like i was )(?<!thought i was )\b(?:want|wants|wanted|wanting|wanna|going|"
        r"need|deserve|ready|way out is|better|plan\w*) to die\b(?! (?:if|"
        r"of|laughing|from|when|before|after|for)\b)",
        r"\b(?:wants?|wanna|wanted|plan\w*|thinking (?:about|of)|thought about|ready|deserve|wish i could|"
        r"rather) (?:to )?(?:die|dying|be dead|not exist|not be here|not wake up|disappear forever|"
        r"go to sleep and not)\b",
        r"\b(?:don'?t|do not|dont|doesn'?t|does not|didn'?t|no longer|not) (?:\w+ )?(?:want|wanna|wish) (?:to )?"
        r"(?:live|be alive|be here|exist|"
        r"wake up|go on|keep going|carry on)\b",
        r"\bnot exist any ?more\b", r"\b(?:peaceful|nice|easier|a relief)\b[^.?!]{0,30}\bto (?:just )?(?:not exist|"
        r"not be here|disappear for good|never wake up|not wake up)\b",
        r"\b(?:until|till|til) i (?:just )?(?:disappear|vanish|"
        r"fade away|stop existing|waste away)\b", r"\bthoughts? of (?:dying|death|suicide|killing|ending)\b",
        r"\b(?:want|need) (?:it|this|everything|it all|the pain) (?:to )?(?:be )?(?:over|end|"
        r"stop)\b(?=[^.?!]*\b(?:permanently|forever|for good|all of it|i just want)\b)|\bjust want (?:it|this|"
        r"everything|it all) (?:to )?(?:be )?(?:over|to end|to stop)\b",
        r"\b(?:no|what'?s the|whats the|what is the|don'?t (?:really )?see (?:the|any|a)|not (?:any|a)) "
        r"(?:point|reason|"
        r"use) (?:in |of |to |for me to )?(?:living|life|live|going on|keep going|being alive|being here|carrying on|"
        r"carry on|anything anymore|trying anymore|waking up)\b",
        r"\bwhy bother (?:living|being alive|going on)\b", r"\bnothing (?:left )?to live for\b",
        r"\blife (?:is|isn'?t|is not) (?:not )?worth (?:living|it)\b", r"\b(?:i'?m|im|"
        r"i am) (?:so )?done with (?:life|living|everything|it all|all of it)\b",
        r"\b(?:no|don'?t see a|don'?t see any|not any) future for me\b", r"\bdon'?t see a future\b",
        r"\b(?:no ?one|nobody|no body|noone|no-one) (?:would|will|'?d) (?:even )?(?:care|notice|miss me|"
        r"mind)\b[^.?!]{0,50}\b(?:gone|dead|died|disappeared|wasn'?t (?:here|around)|weren'?t (?:here|around)|ever "
        r"again)\b",
        r"\b(?:easier|easiest|better|best|simpler|a relief)\b[^.?!]{0,25}\b(?:not (?:to )?wake up|not to be here|not "
        r"be here|to not exist|if i (?:didn'?t|did not|never) wake up|if i (?:just )?(?:wasn'?t|weren'?t|was not) "
        r"(?:here|around))\b",
        r"\bwon'?t have to worry about me (?:much longer|any ?more|for long|soon)\b",
        r"\b(?:burden|better place|better off|relieved|move on)\b[^.?!]{0,40}\b(?:without me|dead|if i (?:was|were|"
        r"wasn'?t|weren'?t) (?:gone|here|around|dead)|if i wasn'?t here|(?:one|mum|mom|dad) who isn'?t me|"
        r"if i (?:just )?"
        r"(?:disappeared|vanished|went away|was gone|were gone|died|wasn'?t (?:here|around|alive)))\b",
        r"\b(?:wish|hope) (?:i|that i) (?:was|were|'?d|had) (?:dead|never been born|not wake up|never wake up)\b",
        r"\b(?:wish|hope|pray) (?:that )?i (?:just )?(?:don'?t|dont|do not|won'?t|wont|never) wake up\b",
        r"\bsleep (?:and|forever and) never wake up\b", r"\bgo to sleep and not wake up\b", r"\bbetter off gone\b",
        r"\b(?:stopped|stop|don'?t|can'?t) see(?:ing)? the point (?:in|of) (?:getting up|going on|living|anything|"
        r"carrying on|life|being here)\b", r"\bto '?sleep forever\b",
        r"(?<!\d)(?<!\d )\bkms\b(?! (?:away|from|to|of|drive|walk|north|south|east|west)\b)",
        r"\b(?:sewer ?slide|s\*icide|su\*\*ide|unalive (?:my ?self|me))\b(?! (?:means|prevention|awareness))",
        r"\bplanning[- ]the[- ](?:day|date)\b", r"\b(?:this time )?i'?ll get it right\b|\bdo what i tried to do\b",
        r"\b(?:have|got|'ve got) (?:the |a |my )?(?:belt|rope|cord|gun|knife|blade|razor)s? (?:ready|here|with me|"
        r"next to me|in (?:the|my) car)\b",
        r"\b(?:same|those) (?:thoughts|feelings)\b[^.?!]{0,40}\b(?:before|when) (?:my|i) "
        r"(?:overdose|tried|attempt\w*|took)\b", r"\b(?:planning|plan|ready) to go (?:soon|for good)\b(?! (?:to|on|for|"
        r"abroad|away|home|back|into|with|and)\b)",
        r"\bif i (?:just )?(?:crash(?:ed)?|drove|drive|steer(?:ed)?)\b[^.?!]{0,40}\b(?:it would (?:all )?(?:stop|end|"
        r"be over)|no ?one would|nobody would)\b",
        r"\bscared of (?:myself|what i (?:might|could|will) do)\b", r"\bpoint any ?more\b",
        r"\bwon'?t be (?:a problem|a burden|trouble|around|here) (?:for (?:you|anyone|them) )?(?:much longer|"
        r"for long)\b",
        r"\bcan'?t (?:go on|keep going|do this (?:any ?more|no more|much longer)|take (?:it|this|life) any ?more)\b"
        r"(?! with (?:this|my) (?:acne|skin|scars?))",
        r"\btired of (?:living|being alive|life|everything|it all)\b", r"\bwanted out\b", r"\bunaliv\w*",
        r"\b(?:lying|lie|lay) down\b[^.?!]{0,40}\bnot (?:getting|get) (?:back )?up\b",
        r"\b(?:don'?t|dont) see the point\b[^?!]{0,80}\bwon'?t be (?:around|here)\b",
        r"\bdon'?t see myself (?:still )?(?:here|alive|around)\b",
        r"\b(?:get|got) it right this time\b|\bdo it again and\b",
        r"\bforgive\w*\b[^?!]{0,40}\b(?:take (?:their|your|one'?s|my|his|her) own li(?:fe|ves)|suicide)\b",
        r"\b(?:who|anyone|anybody) would (?:even )?(?:come|"
        r"go) to my funeral\b",
        r"\b(?:want|wanna) to join (?:him|her|them)\b", r"\bthe only thing (?:stopping|keeping) me\b",
        r"\bnot (?:going to|gonna) be (?:around|here)\b(?! (?:for|on|at|next (?:week|month)) (?:the|my|"
        r"your)? ?(?:appointment|session|booking))",
        r"\bwon'?t be (?:around|here) (?:next|much longer|tomorrow|anymore|for long|after (?:this|the|today|tonight|"
        r"tomorrow))\b(?![^.?!]{0,40}\b(?:holiday|"
        r"vacation|trip|away|abroad|travel\w*|out of town|on leave|visiting|moving|relocating|emigrating)\b)",
    ),
    "a plan or the means": MEANS,
    "saying goodbye": (
        r"\b(?:i'?ll|ill|i will) be gone (?:by|before) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"tomorrow|tonight|the weekend)\b",
        r"\b(?:leave|go from|depart) this world\b",
        r"\b(?:rang|called|texted|messaged|phoned) (?:me|us) (?:to say|saying) goodbye\b",
        r"\b(?:doesn'?t|don'?t|does not|do not) want to see another (?:birthday|christmas|year|summer|spring)\b",
        r"\b(?:suicide )?note\b[^.?!]{0,30}\b(?:goodbye|family|wrote|written|writing)\b(?!.*\bdoctor\b)",
        r"\bwrote (?:\w+ )?(?:letters?|notes?) to (?:my|everyone)\b",
        r"\b(?:saying|said|say) goodbye to (?:everyone|everybody|my (?:family|kids|friends))\b",
        r"\bgoodbye (?:everyone|everybody|world|all)\b", r"\b(?:this is )?my last (?:message|goodbye|words)\b",
        r"\bnot (?:going to|gonna) be (?:a |your )?(?:problem|burden) (?:for|to) (?:anyone|anybody|you|them) (?:soon|"
        r"much longer|for long|any ?more)\b",
        r"\bgiv(?:ing|en) away (?:all )?my (?:things|stuff|belongings)\b", r"\btonight(?: is|'?s) the night\b",
        r"\bmade up my mind\b", r"\b(?:i'?ve|i have) decided i'?m done\b", r"\b(?:i'?m|im|i am) done fighting\b",
        r"\b(?:this is|this will be) (?:my |the )?last (?:message|time)\b",
        r"\b(?:final|last) (?:msg|message|text)\b[^?]{0,60}\b(?:thanks for everything|goodbye|bye|don'?t bother)\b|"
        r"^(?:my )?(?:final|last) (?:msg|message|text)\W*$",
        r"\bone last (?:appointment|session|visit|time)\b[^?!]{0,80}\b(?:goodbye|say bye)\b|"
        r"\bsay goodbye (?:properly )?before i go\W*$",
        r"\bwon'?t (?:be (?:around|here|alive)|need (?:it|them|this|my \w+))\b[^?!]{0,60}\b(?:made (?:up )?my mind|"
        r"(?:i'?ve|i have) decided|my choice)\b",
        r"\b(?:i'?ll|ill|i will) (?:\w+ )?be dead\b[^?!]{0,40}\bmy (?:choice|decision)\b",
        r"\bthis is me saying (?:thanks|goodbye)\b", r"\bsee you (?:all )?on the other side\b",
        r"\bmake sure (?:my )?(?:kids|children|son|daughter|wife|husband|partner|family) (?:gets?|have|has) my\b",
        r"\b(?:i'?ve|i have|i) (?:already )?said (?:all )?my goodbyes\b",
        r"\bwon'?t be (?:alive|coming back|needing (?:them|it|any)|here by)\b",
        r"\b(?:won'?t|wont|not going to|don'?t) need (?:them|any more|anything|teeth|the implant|"
        r"any more appointments)\b[^.?!]{0,30}(?:where|after|anymore|\.|$)",
        r"\bcancel (?:all|everything|all of them|all my)\b[^.?!]{0,60}\b(?:won'?t|wont|permanently|need)\b",
        r"\bgive my (?:slot|place|appointment) to someone\b", r"\blast time (?:you|anyone) (?:will )?sees? me\b",
        r"\b(?:take|remove) me off (?:the|your) (?:list|books|register)\b[^?!]{0,80}\b(?:after|won'?t|anymore|"
        r"no longer)\b", r"\b(?:posting|posted|sent|sending|texting|texted) goodbyes\b",
        r"\bafter this (?:weekend|week|friday|saturday|sunday)\b[^.?!]{0,40}\b(?:take|remove) me off\b",
        r"\bwhere i'?m going\b[^?!]{0,10}$|\bwon'?t need\b"
        r"[^.?!]{0,40}\bwhere i'?m going\b",
        r"\b(?:it )?(?:wasn'?t|wasnt|is not|isn'?t|it'?s not) (?:her|his|your|anyone'?s|anybody'?s) fault\b",
        r"\bleave my body to\b", r"\b(?:after|when|if) i(?:'?m gone| die| died|'?m dead| am dead)\b",
        r"\bgoodbye letters?\b", r"\bwhen (?:they|someone|somebody|you) finds? me\b",
        r"\bmy own (?:eulogy|obituary)\b", r"\b(?:i'?ve |ive )?sorted everything else\b",
        r"\b(?:wrote|written|made|sorted) (?:my|a) will\b[^?!]{0,80}\b(?:gave|giving|deleted|bye|goodbye)\b|"
        r"\bdeleted (?:all )?my (?:socials|accounts|social media)\b",
        r"\b(?:took|taken|swallowed)\b[^?!]{0,60}\b(?:said|saying) goodbye\b",
        r"\bthat'?s when i'?m planning to go\b|\bnext of kin\b[^?!]{0,80}\bplanning to go\b",
        r"\bwon'?t be needing\W{0,2} (?:the|my|his|her|any) (?:appointment|follow[- ]up|prescription|tablets|pills)\b",
        r"\bdied\b[^?!]{0,120}\b(?:be )?(?:seeing|see|join\w*|be with) (?:her|him|them) (?:again )?soon\b",
        r"\b(?:made|making) my decision\b", r"\bat peace with my decision\b", r"\bdecided (?:to die|not to be around|"
        r"to stop being)\b", r"\b(?:chosen|picked) (?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|a day|"
        r"the day|the date)\b", r"\b(?:this weekend|tonight|tomorrow) is (?:when|the night|the day)\b",
        r"\b(?:i'?ve|i have) done it\b", r"\b(?:left|wrote|written|writing) (?:a )?notes?\b",
        r"\b(?:sorry for everything|it'?s better this way|tell my (?:parents|mum|mom|dad|family) (?:i'?m sorry|"
        r"i love))\b",
        r"\bfeel like a ghost\b", r"\b(?:sorted|paid off|tidied) (?:my )?(?:will|debts)\b",
        r"\bgave (?:my|away my|all my) \w+(?: and my \w+)? to\b[^.?!]{0,60}\b(?:that'?s it|look after)\b",
        r"\bgiving (?:his|her|my) \w+ away\b",
        r"\bdon'?t (?:try to )?(?:call|ring) (?:me|my family)\b", r"\bnot (?:answering|"
        r"picking up)\b[^?!]{0,80}\b(?:goodbye|sorry|note|pills|low|better this way)\b|\b(?:goodbye|sorry|note|pills|"
        r"better this way|see you on the other side|thanks for (?:always )?being there|look after (?:mum|mom|dad|the "
        r"kids))\b[^?!]{0,120}\b(?:(?:not|isn'?t|aren'?t) (?:answering|picking up)|"
        r"won'?t answer|voicemail|phone (?:is )?off|"
        r"off grid|locked)\b",
        r"\b(?:texted|messaged|sent|wrote)\b[^?!]{0,40}\bgoodbye\b",
    ),
    "self-harm": (
        r"\b(?:press\w*|put\w*|hold\w*)\b[^.?!]{0,20}\bhot\b[^.?!]{0,20}\b(?:on|onto|against) (?:my|his|her) (?:arms?|"
        r"skin|legs?|wrists?|thighs?|hands?|stomach)\b",
        r"\b(?:hit|hitting|bang\w*|punch\w*|slam\w*) (?:my|his|her) (?:face|head|fists?|"
        r"hands?)\b[^.?!]{0,30}\b(?:against|"
        r"into|on) (?:the |a )?(?:wall|door|floor|mirror)\b[^?!]{0,60}\b(?:bled|bleed\w*|blood|worse|again|on purpose|"
        r"hate)\b",
        r"\bcarv\w*\b[^.?!]{0,30}\binto my (?:arm|leg|skin|wrist|thigh|stomach)\b",
        r"\b(?:slapp\w*|punch\w*|hitting|bang\w*|scratch\w*)\b[^.?!]{0,20}\b(?:my own (?:face|head|arms?|legs?)|"
        r"my ?self)\b[^.?!]{0,30}\b(?:because i hate|to punish|until it (?:hurts|bleeds)|on purpose|can'?t stop)\b",
        r"\bself[- ]?harm\w*(?! scars?)", r"\b(?:hurt|harm)(?:ing)? (?:my|him|her|them)sel(?:f|ves)\b",
        r"\b(?:cut|cutting|burn|burning|burnt|burned|scratch\w*|hitting|punch\w*|starv\w*|punish\w*) " + ME +
        r"\b(?! (?:shaving|cooking|chopping|on|by accident|accidentally|slightly|a bit|with (?:a|the) (?:knife|"
        r"razor) (?:while|when)))",
        r"\b(?:cut|cutting) my (?:arms|legs|thighs)\b",
        # someone else's: "she's been cutting herself", "he cut himself again" (not "cut himself shaving")
        r"\b(?:cutting|burning|scratching|starving) (?:him|her|them)sel(?:f|ves)\b(?! (?:shaving|cooking|on|by "
        r"accident|accidentally))|\b(?:cut|burnt|burned) (?:him|her|them)sel(?:f|ves) (?:again|on purpose|"
        r"deliberately)\b", r"\bcutting (?:my|his|her) (?:arm|leg|thigh)s? again\b",
        r"\bcutting (?:again|him|her)\w*\b",
        r"\b(?:until|till|til) (?:i|it) bleeds?\b", r"\bdon'?t feel safe (?:with|around) " + ME,
        r"\bon purpose\b[^.?!]{0,40}\b(?:cut|burn|hurt|bleed)\w*", r"\b(?:cut|burn|hurt|"
        r"bleed)\w*\b[^.?!]{0,30}\bon purpose\b",
        r"\b(?:burn\w*|cut\w*|bit\w*|scratch\w*|hit\w*|bang\w*|punch\w*)\b[^.?!]{0,30}\b(?:till|until) (?:they|it|"
        r"i) bleeds?\b", r"\bbanging my head\b", r"\bburning (?:my|her|his) (?:arm|skin|leg|hand)s? with\b",
        r"\b(?:keep|kept|been) (?:hitting|banging|punching) (?:my ?self|my (?:legs|arms|head|body))\b",
        r"\bthe thing with the (?:razor|blade|lighter)\b",
        r"\bcutting where\b", r"\b(?:cut|cutting|went)\b[^.?!]{0,20}\bdeeper (?:than ever|on purpose|this time)\b",
        r"\bhand on the hob\b", r"\bholding my breath\b[^.?!]{0,40}\b(?:see how long|longer than)\b",
        r"\b(?:cut|cutting|scratch\w*|burn\w*|carv\w*|slash\w*)\b (?:into )?my (?:arms?|legs?|thighs?|wrists?|stomach|"
        r"skin|hips?)\b[^?!]{0,80}\b(?:again|deeper|on purpose|because i|to feel|felt numb|do more|than usual|"
        r"(?:find|found) out|without telling)\b",
        r"\b(?:self[- ]?harm|cuts?|scars)\b.{0,80}\b(?:make|do|making|doing|cut) (?:some )?more\b",
        r"\b(?:as (?:a )?punishment|to punish (?:my ?self|me))\b",
        r"\b(?:don'?t|do not|dont) deserve (?:food|to eat)\b",
        r"\bskipp\w* meals? on purpose\b", r"\bhitting my (?:own )?head\b",
        r"\b(?:i'?ve |i )(?:cut|burned|burnt|scratched) again\b",
        r"\bcutting\b[^?!]{0,60}\b(?:every (?:night|day)|steri[- ]?strips|stitches)\b",
        r"\bhad a go at my (?:wrists?|arms?|legs?|thighs?)\b", r"\b(?:thinking (?:about|of)|want to|going to) "
        r"(?:go(?:ing)?|cut(?:ting)?) deeper\b", r"\bcutting (?:the |my )?(?:\w+ ){0,2}(?:patches|skin|arms?|legs?) "
        r"with (?:scissors|a blade|a razor|a knife)\b",
        r"\b(?:burning|cutting|scratching) (?:her|him|them)sel(?:f|ves)\b",
        r"\b(?:razor blades?|blades)\b[^?!]{0,80}\b(?:her|his|my (?:son|daughter)'?s?) (?:room|bin|bag|drawer)\b|"
        r"\blong sleeves\b[^?!]{0,40}\b(?:summer|hot|heat|hide|hiding)\b",
        r"\bfresh cuts\b.{0,60}\bdid (?:them|it|those)\b|\bdid (?:them|it) (?:myself|to myself)\b",
        r"\bhates? (?:her|him|my|them)sel(?:f|ves)\b[^?!]{0,80}\b(?:cuts?|cutting|does it|did it)\b|\b(?:cuts?|"
        r"cutting|does it|did it)\b[^?!]{0,80}\bhates? (?:her|him|my|them)sel(?:f|ves)\b",
    ),
    "overdose on purpose": (
        r"\b(?:took|taken|swallowed)\b[^?!]{0,80}\b(?:it was|on) (?:deliberate|intentional|purpose)\b|\b(?:see|know|"
        r"find out) if (?:it|they|that) (?:would|will|could) (?:finish|kill|end) me\b",
        r"\b(?:we|both|we both|me and (?:my )?\w+(?: both)?) (?:\w+ )?(?:took|taken|swallowed)\b[^.?!]{0,30}"
        r"\b(?:a packet|a pack|a bottle|a box|all|a handful|loads)\b",
        r"\benough to (?:go through with it|do it|end it)\b",
        r"\b(?:took|taken|swallowed)\b[^?!]{0,60}\b(?:said|says|saying) (?:that )?(?:she|he|they) meant (?:it|to)\b",
        r"\b(?:i|i'?ve|i have|ive|just) (?:\w+ )?(?:took|taken|swallowed|downed|ate)\b[^.?!]{0,30}\b(?:all|a whole|"
        r"whole|the whole|a bottle|bottle|box|a box|a pack|pack|a packet|a strip|a handful|handful|a load|loads|lots|"
        r"a lot|a bunch|bunch|"
        r"everything|\d{2,}|twenty|thirty|fifty)\b[^.?!]{0,30}\b" + PILLS,
        r"\b(?:i|i'?ve|i have|i'?m going to|i'?m gonna|i will|i want to|thinking (?:of|about)|thought about|"
        r"planning) (?:\w+ )?overdos\w*", r"\b(?:taken|took|take|taking) an overdose\b",
        r"\b(?:took|taken|take|taking|swallowed|injected|inject)\b[^.?!]{0,20}\b(?:all|a load|a bottle|"
        r"the whole)\b[^.?!]{0,40}\b(?:so (?:i|it) (?:don'?t|won'?t|would|will|can)|to end|tonight|at once)\b",
        r"\b(?:so (?:it|this|everything) (?:would|will|'?ll) end|so i (?:don'?t|won'?t|dont|"
        r"wont) (?:have to )?wake up)\b",
        r"\b" + PILLS + r"\b[^.?!]{0,40}\b(?:so (?:it|i) (?:ends?|can die|won'?t wake)|to (?:end it|die|"
        r"not wake up))\b",
        # ... but "i've taken the whole course", "took all of my antibiotics": a course finished as prescribed
        r"\b(?:swallowed|taken|took|injected|downed)\b[^.?!]{0,20}\b(?:the whole|a whole|all (?:my|of my|her|his|"
        r"their)|a load of|a lot of|loads of)\b(?! (?:\w+ )?(?:course|antibiotics?)\b)",
        r"\b(?:i'?ve|i have) taken something\b", r"\btake (?:her|his|their) whole\b",
        r"\bthinking (?:about|of) taking all\b", r"\b(?:thinking|think|thought) (?:about|of) taking (?:them all|all of "
        r"them|the lot)\b", r"^(?:just |i )?overdos(?:ed|ing) on\b(?! (?:chocolate|sugar|cake|carbs?|caffeine|coffee|"
        r"sweets|candy|netflix|tv|food|cheese|pizza|mince pies|turkey|christmas|crisps|biscuits|ice cream))",
        r"^(?:just |i )?(?:drank|drunk|swallowed|downed)\b[^.?!]{0,20}\b(?:bleach|antifreeze|weed ?killer|rat poison|"
        r"paraquat|drain cleaner|poison|pesticide)\b",
        r"\b(?:she'?s|he'?s|they'?re|she is|he is|they are|said (?:she|he|they)(?:'d| would| will)?) (?:going to|"
        r"gonna|planning to|threatening to|about to)? ?(?:overdose|od|take (?:all )?(?:her|his|their) (?:pills|"
        r"tablets|meds))\b",
        r"\bi (?:just |have |'?ve )?(?:drank|drunk|swallowed|downed)\b[^.?!]{0,20}\b(?:bleach|antifreeze|weed ?killer|"
        r"rat poison|paraquat|drain cleaner|poison|pesticide)\b",
        r"\b(?:took|taken|swallowed|drank|drunk|downed|od'?d|od'?ed|overdosed)\b[^.?!]{0,60}\bon purpose\b",
        r"\b(?:already|just) (?:took|taken|swallowed) (?:them|it|the lot|all)\b[^?!]{0,40}\b(?:waiting|lying here|"
        r"goodbye)\b",
        r"\b(?:saying|says|said|told (?:me|us)) (?:that )?(?:he|she|they) (?:has |have |had )?(?:taken|took|drank|"
        r"swallowed)\b[^.?!]{0,20}\b(?:poison|pills|tablets|bleach|an overdose)\b",
        r"\b(?:want|going|gonna|planning|plan) to (?:take|swallow) (?:them|the lot|all of them) all\b|\b(?:want|going|"
        r"gonna|planning|plan) to (?:take|swallow) (?:them |all of them |the lot )?all at (?:once|the same time)\b",
        r"\b(?:drank|took|swallowed|taken|drunk|ate|eaten)\b[^.?!]{0,40}\bto make (?:the thoughts|it all|everything|"
        r"the pain|it) "
        r"stop\b",
        r"\boverdos\w*\b[^?!]{0,80}\b(?:before i do it|when i do it|i'?m going to do it|i'?ll do it)\b",
        r"\bi (?:just )?took something\b(?! (?:for|to|from|before|after|like|with|earlier|last|this|yesterday|at|on|"
        r"in|that|which|and it)\b)",
        r"\b(?:thinking|think|thought) (?:about|of) (?:drinking|swallowing|taking|eating|downing) "
        r"(?:the |some |a |that )?(?:\w+ )?(?:bleach|antifreeze|weed ?killer|rat poison|paraquat|drain cleaner|"
        r"poison|pesticide)\b",
    ),
    "crisis, in another language": OTHER_LANGUAGES,
}
LITERAL = {"crisis, in another language"}
