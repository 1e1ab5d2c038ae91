"""Crisis patterns of a plan or the means (crisis_words.py names them as one sign): methods looked up, means at hand
or stockpiled, an amount asked about with what it would do, a time set.
"""

from __future__ import annotations

ME = r"(?:my ?self|meself|myslef|mself)"
PILLS = (r"(?:pills|tablets|meds|medication|medicine|sleeping pills|paracetamol|tylenol|acetaminophen|ibuprofen|"
          r"aspirin|insulin|antidepressants|painkillers|pain ?killers|xanax|oxy\w*|sertraline|citalopram|fluoxetine|"
          r"amitriptyline|mirtazapine|codeine|tramadol|diazepam|zopiclone|methadone|quetiapine|lithium|propranolol)")

# "how many of my tablets would stop my heart", "would a week's worth be peaceful"
_AMOUNT = (r"(?:h(?:o)?w (?:much|many)|maximum (?:amount|dose|number)|enough|\d{2,}|a weeks?'? ?worth|months?'? supply|"
           r"all (?:of )?(?:my|them|her|his)|"
           r"a lot of|the whole|whole (?:box|bottle|pack|pen)|loads)")
_DEADLY = (r"(?:lethal|deadly|fatal|overdoses? kill|(?<!going to )(?<!gonna )kill (?:you|me|someone)|"
    r"stop (?:my|your|the) heart|(?:not|never|"
    r"don'?t|dont|wouldn'?t) wake up|too late (?:for them )?to save|past fixing|peaceful|painless|post[- ]mortem)")

MEANS: tuple[str, ...] = (
        r"\b(?:ways?|how) to (?:die|kill " + ME + r"|end it)\b", r"\bpainless (?:way|method) to (?:go|die)\b",
        r"\b(?:lethal|fatal|deadly) (?:dose|amount)\b", r"\bbleed out\b",
        r"\b(?:search\w*|googl\w*|look\w* up|research\w*)\b[^.?!]{0,20}\bhow (?:many|much)\b[^.?!]{0,40}"
        r"\b(?:overdose|od|die|kill|fatal|lethal)\b",
        r"\bsuicide pact\b|\b(?:made|make|making) a pact to (?:take|end|die|jump|kill|overdose|do it)\b",
        r"\b(?:researching|research|looking (?:up|into)|where to (?:buy|get)|order\w*|bought|buying)\b[^.?!]{0,20}"
        r"\bhelium\b(?![^.?!]{0,30}\bballoons?\b)|\bexit bag\b",
        r"\bhelium\b[^?!]{0,60}\b(?:tank|canister|cylinder) (?:came|arrived|is here)\b|\b(?:tank|canister|cylinder) "
        r"(?:came|arrived)\b[^?!]{0,60}\bhelium\b",
        r"\b(?:edge of the platform|platform edge)\b[^?!]{0,80}\b(?:step\w* off|jump\w*|in front)\b",
        r"\b(?:dignitas|assisted (?:dying|suicide)|euthanas\w*)\b[^?!]{0,100}\b(?:do it|end it) (?:myself|on my own|"
        r"alone|at home)\b",
        r"\bhow much\b[^.?!]{0,40}\b(?:is|would be) (?:deadly|lethal|fatal|enough)\b",
        r"\b(?:hang|hanging|drown|drowning) " + ME, r"\bnoose\b", r"\bcar running\b",
        r"\b(?:jump\w*|step\w*|throw\w* (?:my ?self|me)) (?:off|from|in front of|under) (?:a |the )?(?:\S+ )?(?:bridge|"
        r"building|roof|train|bus|truck|lorry|car|cliff|balcony|multi ?-?stor(?:e)?y|car park|parking garage|tower|"
        r"block of flats|overpass|motorway bridge)\b",
        r"\b(?:skipp\w*|stopp\w*|not taking|missing) (?:all )?(?:my|his|her) (?:\w+ )?(?:meds|medication|medicine|"
        r"insulin|tablets|pills)\b[^.?!]{0,40}\b(?:on purpose|hoping|so (?:that )?(?:i|it) (?:die|end|won'?t))\b",
        r"\b(?:thought|thinking|think|talked|talking|planning) (?:about|of) (?:doing )?\W?something (?:bigger|worse|"
        r"more permanent|final|drastic)\b",
        r"\b(?:stand|standing|sit|sitting|go and stand|going to stand) on (?:the|a) (?:roof|bridge|ledge)\b",
        r"\bi'?m (?:up |out |standing |sitting )?on (?:the|a|my) (?:roof|ledge|bridge|edge)\b", r"\bengine running\b",
        r"\b(?:bought|buying|got|tied|have) (?:a|the|some) rope\b(?! (?:swing|ladder|light|bracelet|for))",
        r"\b(?:got|get|has|had|taken) (?:his|her|my|their|the|dad'?s) (?:shotgun|gun|rifle|pistol) out\b",
        r"\bstash of\b[^.?!]{0,20}\b(?:pills|tablets|codeine|paracetamol|meds|tramadol|morphine)\b",
        r"\bwh?at happens if (?:u|you|i|someone) (?:take|took|swallow\w*) (?:\d{2,}|a whole|all)\b",
        r"\b(?:rather|don'?t want) the coroner\b|\bthe coroner (?:didn'?t|doesn'?t|not) (?:know|find)\b",
        r"\btimetable for the (?:fast |express )?train\b|\bwith a (?:razor|blade|knife)\b[^.?!]{0,30}\bfor (?:an|a|"
        r"\d+) (?:hour|while|minutes)\b",
        r"\btipped (?:all )?(?:her|his|my) (?:tablets|pills|meds)\b",
        r"\bwith (?:the|a|my|his|dad'?s) (?:shotgun|gun|rifle|pistol)\b[^.?!]{0,40}\b(?:sitting|sat|thinking|alone)\b|"
        r"\b(?:sitting|sat|alone)\b[^.?!]{0,40}\bwith (?:the|a|my|his|dad'?s) (?:shotgun|gun|rifle|pistol)\b",
        r"\bhose\b[^?!]{0,100}\b(?:garage|exhaust)\b|\b(?:garage|exhaust)\b[^?!]{0,100}\bhose\b",
        r"\bwaiting for (?:the house|everyone|them|the kids|my \w+) to (?:be empty|leave|go out|be asleep|"
        r"fall asleep)\b",
        r"\b(?:walk|walking) into the (?:sea|ocean|river|lake|water)\b",
        r"\b(?:height|how high|floor|storey|story)\b[^?!]{0,40}\bfor it to be (?:certain|sure|fatal|enough|final)\b",
        r"\b(?:height|how high|floor|storey|story)\b[^?!]{0,40}\b(?:to (?:definitely |surely |certainly )?die|be "
        r"fatal|kill (?:you|me|someone))\b",
        r"\b(?:crash\w*|swerv\w*|drive|driving|drove)\b[^?!]{0,80}\bon purpose\b",
        r"\b(?:taking|take|have|having|go for|going for) the (?:long|big|eternal|permanent|forever|final) "
        r"(?:nap|sleep)\b",
        r"\balready (?:got|have|put) (?:all )?the (?:pills|tablets) (?:out|lined up|counted)\b|\b(?:pills|tablets) "
        r"(?:lined up|counted out)\b",
        r"\b(?:i'?m|im|i am) (?:going to|gonna) jump (?:tonight|today|now)\b"
        r"(?! (?:in|into|on|off the (?:diving|high)))",
        r"\bhow much (?:antifreeze|rat poison|weed ?killer|paraquat)\b|\b(?:antifreeze|rat poison|weed ?killer|"
        r"paraquat)\b[^?!]{0,60}\bhow much\b",
        r"\b(?:bought|buying|collected|collecting|saved)\b[^.?!]{0,40}\b(?:paracetamol|pills|tablets|packs|packets)\b"
        r"[^.?!]{0,40}\b(?:different (?:shops|pharmacies|chemists)|as (?:many|much) as (?:they|i could))\b",
        r"\blocked (?:him|her|my|them)sel(?:f|ves) in\b[^?!]{0,60}\b(?:razor|knife|pills|blade|rope|gun)\b",
        r"\bdriv\w* (?:my car |the car |off )?(?:into|off) (?:a |the )?(?:wall|tree|road|bridge|cliff|river)\b",
        r"\bdriv\w* (?:my car |the car )?off (?:the top of )?(?:a |the )?(?:multi ?-?stor(?:e)?y|car park|parking "
        r"garage|building|bridge|cliff)\b",
        # "he says he will drink the poison for the plants", "he say he will take all his medicines and finish"
        r"\b(?:will|'ll|going to|gonna|wants? to|want to)\b[^.?!]{0,10}\b(?:drink|"
        r"swallow)\b[^.?!]{0,10}\b(?:the )?(?:poison|"
        r"bleach|weed ?killer|antifreeze|pesticide|rat poison)\b",
        r"\btake all (?:his|her|my|their|of (?:his|her|my|their)) (?:medicines?|medications?|pills|tablets|meds)\b"
        r"[^.?!]{0,20}\b(?:and|to) (?:finish|end it|die|be done|not wake up)\b",
        r"\bgarage\b[^.?!]{0,60}\b(?:engine|car) (?:is |was )?(?:still )?running\b",
        r"\bhow long (?:it )?(?:takes?|does it take|would it take) to die (?:from|of|by)\b",
        # "say she will jump from window", "he have the rat poison in the hand and say he drink it"
        r"\b(?:will|'ll|going to|gonna|wants? to)\b[^.?!]{0,10}\bjump (?:from|off|out of) (?:the |a |my |his |her )?"
        r"(?:window|roof|bridge|balcony|building|cliff)\b",
        r"\b(?:rat poison|poison|bleach|weed ?killer|antifreeze|pesticide)\b[^.?!]{0,60}\b(?:say|says|said|"
        r"threaten\w*)\b[^.?!]{0,20}\bdrink (?:it|them)\b",
        r"\b(?:not|don'?t|do not) plan(?:ning)? to be (?:here|around|alive)\b",
        r"\b(?:won'?t|don'?t think i'?ll|not going to|wouldn'?t) climb back\b",
        # "he's going to 'finish it' with his morphine patches", "is 40 ibuprofen enough", "i've got it measured out"
        r"\b(?:going to|gonna|will|'ll|wants? to) '?(?:finish it|end it)'? (?:all )?with\b",
        rf"\b(?:is|are|would|will) \d{{2,}} (?:of )?(?:my |the |these )?(?:\w+ )?{PILLS} (?:be )?enough\b",
        r"\b(?:got|have) (?:it|them) (?:all )?measured out\b",
        r"\bplan(?:ning)? (?:to not|not to) be (?:here|around|alive)\b",
        r"\b(?:quickest|easiest|fastest|least painful) way (?:2|to) (?:go|die|end it)\b(?! (?:to|2|into|in|by|from|"
        r"home|back|there|about|through|for|and|on|out|up|down|over|round|around|via|if)\b)|\bway (?:2|to) (?:go|die) "
        r"with ?out (?:pain|hurting)\b",
        r"\b(?:sitting|sat|standing|stood) (?:at|on) the edge\b(?! of (?:the |my |a )?(?:bed|chair|sofa|couch|bath|"
        r"seat|"
        r"pool|stage|table))", r"\bi know (?:exactly )?what i'?m "
        r"(?:taking|going to take|gonna take)\b", r"\blast thing (?:i need )?before i do it\b",
        r"\bdoes (?:drinking|swallowing|taking) (?:bleach|antifreeze|poison|weed ?killer|pills|"
        r"an overdose)\b[^.?!]{0,15}"
        r"\bhurt\b", r"\b(?:decide|deciding|decided) (?:whether|if) (?:i should |to )?jump\b|\bwhether (?:or not )?to "
        r"jump\b",
        r"\b(?:keeping|kept)\b[^.?!]{0,30}\b(?:patches|pills|tablets|meds)\b[^.?!]{0,30}\b(?:all at once|at once|"
        r"together|in one go)\b",
        r"\b(?:overdose|od)\b[^.?!]{0,15}\bkill (?:you|me|someone)\b[^.?!]{0,10}\b(?:quickly|fast|painlessly)\b",
        r"\b(?:bought|buy|buying)\b[^.?!]{0,30}\b(?:paracetamol|pills|tablets|packs?)\b[^.?!]{0,30}\b(?:from|in|at) "
        r"(?:\w+ )?(?:two|three|four|several|different|many) (?:shops?|pharmac\w*|chemists?|stores?)\b",
        r"\bcan (?:you|u|i|someone|a person) (?:overdose|od)\b[^.?!]{0,30}\bon purpose\b",
        r"\btrains? (?:that|which) (?:doesn'?t|don'?t|does not|won'?t) stop\b",
        r"\b(?:rope|blades?|razors?|gun|pistol|rifle|shotgun|firearm|knife)\b[^.?!]{0,50}\b(?:on " + ME +
        r"|keep looking at|use it on)\b",
        r"\b(?:razors?|razor blades?|blades?|rope|gun|pistol)\b[^?!]{0,100}\b(?:going to|gonna|will|'ll) use "
        r"(?:them|it)\b[^.?!]{0,15}\b(?:tonight|today|on " + ME + r")\b",
        r"\benough (?:pills|tablets|paracetamol|meds|medication)\b[^.?!]{0,20}\bto (?:overdose|od|die|end it|kill)\b",
        r"\b(?:make|made|making) it look like an accident\b",
        r"\bin the bath with a (?:blade|razor|knife)\b", r"\b(?:slit|slitting|cut|cutting) (?:my|his|her) (?:wrists?|"
        r"throat)\b(?! on (?:a |the )?(?:broken )?(?:window|glass|bottle|fence|tin|can|knife))",
        r"\bstockpil\w*\b[^.?!]{0,20}\b(?:pills|meds|medication|tablets)\b",
        r"\b(?:stockpil\w*|hoard\w*|stash\w*)\b[^.?!]{0,20}\b" + PILLS + r"\b|"
        r"\b(?:pills|tablets|meds)\b[^.?!]{0,10}\b(?:i'?ve|i "
        r"have) been (?:saving|stockpiling|hoarding|collecting)\b",
        r"\bwould (?:\d{2,}|all) (?:of )?(?:my|the|these|her|his) (?:\w+ )?(?:be )?enough\b",
        r"\b(?:step|jump|throw (?:my ?self|me)) in front of (?:the next|a|the) (?:one|train|bus)\b",
        r"\bcrash (?:my|the) car on purpose\b|\b(?:drive|driving) (?:my car )?(?:off (?:a|the) (?:bridge|cliff|road)|"
        r"into (?:a wall|a tree|the river|oncoming))\b",
        r"\b(?:photo|picture|pic) of (?:a |his |her |the )?(?:bottle of |box of |pile of )?(?:pills|tablets)\b",
        r"\b(?:better off|be fine|be ok)\b[^.?!]{0,30}\b(?:life insurance|insurance money)\b",
        r"\b(?:don'?t|dont|do not|not) plan(?:ning)? on being (?:around|here|alive)\b|\bplan(?:ning)? on not being "
        r"(?:around|here|alive)\b",
        r"\b(?:belt|rope|cord|cable|scarf|noose|ligature)\b[^.?!]{0,20}\b(?:round|around) (?:my|his|her) neck\b",
        r"\b(?:if|whether) (?:\d{2,}|all) (?:of )?(?:my |the |these |her |his )?(?:\w+ )?(?:is|are|would be|will be) "
        r"enough\b",
        r"\b(?:go to )?sleep for good\b",
        r"\b(?:standing|sitting|stood|sat) (?:on top of|on the edge of|on the roof of|at the top of) (?:a |the )?"
        r"(?:multi ?-?stor(?:e)?y|car park|bridge|roof|building|cliff|tower|block)\b",
        r"\b(?:don'?t|dont|do not) think (?:i'?ll|ill|i will) (?:still )?be (?:alive|around|here)\b",
        r"\bligature\b", r"\b(?:want|wants|wanted|wanting) to be gone\b",
        r"\bknow exactly what to take\b[^.?!]{0,30}\b(?:have access|got access|have it|got it)\b",
        r"\b(?:got|has|have) (?:his|her|my|their) (?:tablets|pills|meds) sorted for (?:tonight|later|the weekend)\b",
        r"\bmake sure (?:my|his|her|their) (?:dog|cat|budgie|pet|bird|rabbit|dogs|cats)\b[^.?!]{0,40}\bgoes? to\b",
        r"\b(?:planning|planned|plan|worked out|working out|figured out|figuring out) how (?:to|i'?d|i would|"
        r"i will|i'?ll|i'?m going to) do "
        r"it\b",
        r"\baffairs in order\b[^?!]{0,80}\b(?:gun|shotgun|rifle|pistol|pills|rope|tablets)\b|\b(?:gun|shotgun|rifle|"
        r"pistol|rope)\b[^?!]{0,80}\baffairs in order\b",
        r"\b(?:antifreeze|bleach|rat poison|weed ?killer|paraquat|cyanide|poison)\b[^?!]{0,40}\b(?:on a (?:person|"
        r"human)|kill (?:a|someone|somebody|a person)|to work on (?:a|someone))\b",
        r"\bin case (?:it|things|everything|life) (?:gets?|becomes?) too (?:much|hard|bad)\b",
        r"\bpainless (?:to|way to) (?:overdose|od|die|go)\b", r"\bthinking about how to (?:do it|make that happen)\b",
        rf"\b{_AMOUNT}\b[^?!]{{0,80}}\b{_DEADLY}\b", rf"\b{_DEADLY}\b[^?!]{{0,80}}\b{_AMOUNT}\b",
        r"\b(?:saving|saved|collect(?:ing|ed)|put(?:ting)? aside|put by|stockpil\w*|hoard\w*|bought (?:a lot of|"
        r"loads of))\b[^.?!]{0,40}\b(?:pills|tablets|meds|medications?|insulin|patches|paracetamol|morphine|"
        r"\w+ (?:pills|tablets))\b",
        r"\benough (?:put by|put aside|saved|on hand)\b", r"\bfor what i'?m planning\b",
        r"\b(?:bought|buying|got|collected)\b[^.?!]{0,20}\b(?:\d+|two|three|four|five|six|seven|eight|ten|several|"
        r"lots of|loads of) (?:packs?|boxes|bottles?) of\b[^.?!]{0,40}\b(?:hid|hidden|hiding|stashed)\b",
        r"\b(?:i have|i'?ve got|got it all|it'?s all) (?:a plan|planned)\b(?! for (?:my|the|a|your) )",
        r"\b(?:found|know) a way out\b", r"\bquickest way to stop\b",
        r"\b(?:can'?t|cant|cannot|don'?t|dont|doesn'?t) see (?:a|any) way out\b",
        r"\b(?:put|poured|emptied|tipped|laid out|lined up|counted out)\b[^.?!]{0,40}\b(?:pills|tablets|meds)\b"
        r"[^.?!]{0,40}\b(?:in (?:a|one|the) bowl|in a pile|on the table|together)\b",
        r"\b(?:car keys|exhaust)\b[^?!]{0,40}\bhose(?:pipe)?\b|\bhose(?:pipe)?\b[^?!]{0,40}\b(?:car keys|exhaust)\b",
        r"\bmake (?:an overdose|it|my death) look like (?:i|he|she) (?:just )?(?:didn'?t wake up|died in (?:my|his|"
        r"her) sleep|died naturally)\b",
        r"\bbefore (?:anyone|anybody|someone|they|my \w+) (?:finds?|find) me\b",
        r"\bhow long (?:does|would|will|do)\b[^.?!]{0,40}\btake to (?:kill|work on) (?:you|me|someone|a person)\b",
        r"\b(?:with pills|in the garage)\b[^?!]{0,40}\b(?:or|better)\b[^?!]{0,40}\b(?:pills|car|garage|rope|jump)\b",
        r"\bdrink until it stops\b", r"\bnot taking my (?:insulin|meds|medication|tablets)\b[^.?!]{0,30}\b(?:until|"
        r"till) (?:it'?s over|it stops|i die)\b",
        r"\bstopped all my medication on purpose\b", r"\bknife in my hand\b",
        r"\b(?:walk|walking|step|stepping|jump|jumping|run|running) (?:out )?(?:into|in front of) (?:the )?(?:traffic|"
        r"a car|a bus|a train|a lorry|a truck|the road)\b",
        r"\b(?:gun|rope|pills|tablets|knife|blade|razor|noose|packs|packets|boxes)\b[^.?!]{0,30}\b(?:in front of me|"
        r"next to me|beside me|"
        r"in my hand|counted out|lined up|laid out)\b|\b(?:pills|tablets|meds)\b[^.?!]{0,10}\bcounted\b",
        r"\b(?:carbon monoxide|hanging|drowning|overdos\w*|bleeding out|jumping)\b[^?!]{0,20}\bpainless\b|\bpainless\b"
        r"[^?!]{0,30}\b(?:carbon monoxide|hanging|drowning|overdos\w*|bleeding out)\b",
        r"\b(?:it'?s|its|that'?s) the plan\b", r"\b(?:along|across) the (?:vein|wrist|artery)\b",
        r"\bhow many\b[^?!]{0,40}\bwould (?:someone|somebody|a person|one|you) need\b",
        r"\btake all (?:my|of my|the|her|his)\b[^.?!]{0,60}\b(?:be enough|with (?:whisky|whiskey|vodka|alcohol|wine|"
        r"booze|gin))\b",
        r"\bdose\b[^?!]{0,40}\b(?:could|would|will) kill\b", r"\b(?:show up|be detected|detectable|be traced|"
        r"traceable)\b[^?!]{0,30}\b(?:after|afterwards|post[- ]mortem|autopsy)\b",
        r"\blife insurance\b[^?!]{0,60}\b(?:overdose|suicide|pays? out if|looks? like (?:an accident|i fell))\b",
        r"\b(?:looking up|reading (?:up )?(?:on|about)|googling|researching) (?:how|which|(?:ways|methods)\b(?! (?:for|"
        r"of|to) (?:quit|stop|los|giv|cut|get|help|manag|treat|improv|reduc)\w*))\b",
)
