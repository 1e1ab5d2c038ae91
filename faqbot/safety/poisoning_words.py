"""Poisoning or something swallowed, as emergency patterns (emergency_words.py names them as one sign): a child
into the medicine cupboard, a button battery or magnets, a chemical drunk, a double dose, a drug taken for fun.
An overdose taken on purpose is a crisis (crisis_words.py), read before these.
"""

from __future__ import annotations

POISONING: tuple[str, ...] = (
        r"\b(?:swallowed|swallowing|swallow|ate|eaten|eating|drank|drunk|drinking|ingested|chewed|sucked|licked|"
        r"bit into|"
        r"got into)\b[^.?!]{0,50}\b(?:batter(?:y|ies)|magnets?|magnetic|bleach|chemicals?|detergent|laundry (?:pods?|"
        r"capsules?)|dishwasher|cleaner|cleaning|poison\w*|antifreeze|weed ?killer|pesticide|rat poison|"
        r"paint thinner|drain|lye|oven cleaner|nail (?:varnish|polish) remover|acetone|white spirit|turpentine|petrol|"
        r"button cell|coin cell|nicotine|e-?liquid|vape (?:juice|liquid)|"
        r"lamp oil|paraffin|kerosene|window cleaner|washing up liquid|mushrooms? from the garden|berries from|"
        r"e-?cig\w*|refill liquid|fentanyl|methadone|numbing cream|anaesthetic cream|lidocaine)\b",
        r"(?<!food )\bpoison(?:ed|ing)\b(?! ivy)", r"\bpoison control\b",
        r"(?:\b(?:my|our|the|a|his|her) |^)(?:son|daughter|baby|toddler|child|kid|boy|girl|grandson|granddaughter|"
        r"little (?:girl|boy|lad|man)|"
        r"little one|\d+ ?(?:year|yr|month)[- ]old|\d+ ?yo|grandson|granddaughter|grandchild|"
        r"nephew|niece)\b[^.?!]{0,40}\b(?:swallowed|ate|took|drank|chewed|sucked|found|"
        r"got into|got hold of)\b[^.?!]{0,50}\b(?:pills?|tablets?|medicine|medication|meds|gummies|vitamins|methadone|"
        r"morphine|oxycodone|codeine|fentanyl|tramadol|opioids?|sleeping|edibles?|cannabis)\b",
        r"\b(?:rat|mouse|slug|weed) poison\b",
        # the thing first: "found grandpa's vape liquid and drank some", "sprayed weed killer ... and swallowed some"
        r"\b(?:vape (?:liquid|juice)|e-?liquid|weed ?killer|bleach|antifreeze|methadone|detergent|pesticide|white "
        r"spirit|paraffin|lamp oil|drain cleaner|oven cleaner)\b[^.?!]{0,50}\b(?:drank|drunk|swallowed|ate|"
        r"swallow\w*) (?:some|it|a bit|a mouthful)\b",
        r"(?:\b(?:wild|foraged) mushrooms?|\bmushrooms? (?:i|we|he|she|they) (?:picked|found|foraged))\b"
        r"[^?!]{0,80}\b(?:vomit\w*|sick|cramps|confused|diarrh\w*|drowsy|hallucinat\w*)\b",
        r"\b(?:says|said|labelled|labeled|marked) corrosive\b|\bcorrosive\b[^?!]{0,60}\b(?:mouth|drank|swallow\w*|"
        r"drool\w*)\b|\b(?:mouth|drank|swallow\w*|drool\w*)\b[^?!]{0,200}\bcorrosive\b",
        r"\b(?:battery|batteries|magnets?)\b[^.?!]{0,20}\bin (?:her|his|my|the) (?:nose|ear|mouth)\b",
        r"\b(?:round flat|flat round|button|coin|watch|small round) batter(?:y|ies)\b[^?!]{0,80}\b(?:missing|gone|"
        r"can'?t find|isn'?t there|not there)\b",
        r"\b(?:mouth|swallow\w*)\b[^?!]{0,80}\b(?:button|coin|watch) batter(?:y|ies)\b[^?!]{0,60}\b(?:can'?t find|"
        r"missing|gone)\b",
        r"\b(?:took|taken|swallowed|had)\b[^.?!]{0,40}\b(?:too (?:much|many)|double (?:my |his |her |the )?dose|"
        r"instead of (?:mine|his|hers))\b[^?!]{0,80}\b(?:vomit\w*|drowsy|sleepy|racing|strange|confused|breath\w*|"
        r"dizzy|faint|pass out|unconscious)\b",
        r"(?<!sugar )(?<!chocolate )(?<!carb )(?<!cake )(?<!food )(?<!cheese )(?<!cuteness )(?<!screen )"
        r"(?<!netflix )(?<!dont )(?<!don't )(?<!not )\boverdos(?:e|ed|ing)\b(?! on (?:\w+ )?(?:vitamin|"
        r"chocolate|sugar|cakes?|sweets|candy|caffeine|coffee|food|carbs?|christmas|easter|netflix|tv|pies|cookies|"
        r"biscuits|crisps|pizza|cheese|treats|snacks|ice cream|turkey)\b)",
        r"\b(?:gave|given|giving)\b[^.?!]{0,30}\b(?:\d+|two|three|four|five|ten|double|triple|twice|several) times "
        r"(?:his|her|their|the) (?:\w+ )?dose\b|\bgave (?:him|her|them|my \w+) (?:double|triple|twice) (?:the|his|"
        r"her|their)\b",
        r"\b(?:acid|bleach|chemical\w*|lye|oven cleaner)\b[^.?!]{0,30}\b(?:in|into) (?:my|his|her|their) eyes?\b",
        r"\bsnake ?bite|bitten by a snake\b",
        r"\b(?:my|our|the|a|his|her) (?:son|daughter|baby|toddler|child|kid|boy|girl|grandson|granddaughter|"
        r"little one|\d+ ?(?:year|yr|month)[- ]old|\d+ ?yo|grandma|grandad|grandmother|grandfather|nan|mum|"
        r"dad)\b[^?!]{0,80}\b(?:ate|eaten|eats|swallowed|drank|drunk|chewed|bit into|got into|had some|"
        r"licked)\b[^?!]{0,60}\b(?:tablets?|pills?|iron|calpol|medicine|pods?|tabs?|berries|leaf|leaves|foxglove|yew|"
        r"mushrooms?|descaler|solution|battery|batteries|coin|magnets?|warfarin|insulin|amlodipine|(?!(?:fine|wine|"
        r"line|online|nine|mine|shine|school|cool|pool)\b)\w+(?:ine|ol|pril|pam))\b",
        r"\bfound (?:my|our|her|his) (?:\w+ )?(?:tablets?|pills?|medicine|iron|calpol)\b[^?!]{0,40}\bopen\b",
        r"\b(?:don'?t|do not|not sure|no idea) (?:\w+ )?(?:know )?how many (?:she|he|they|the baby|the kids?) (?:ate|"
        r"took|"
        r"swallowed|had)\b",
        r"\b(?:took|taken|injected)\b[^?!]{0,40}\b(?:twice|double|instead of|by mistake|"
        r"accidentally)\b[^?!]{0,80}\b(?:drowsy|slow|dizzy|confused|vomit\w*|racing|pounding|collaps\w*|faint\w*|fever|"
        r"mouth ulcers|bruis\w*)\b|"
        r"\binjected\b[^?!]{0,40}\binstead of\b",
        r"\b(?:took|taken|ate|eaten)\b[^.?!]{0,20}\b(?:a whole|the whole|whole) (?:sheet|box|bottle|pack|weeks?|"
        r"months?'?s?)\b",
        r"\b(?:drank|drunk|swallowed|sipped|gulped)\b[^?!]{0,80}\b(?:weed ?killer|bleach|antifreeze|drain cleaner|rat "
        r"poison|paraquat|pesticide|washing[- ]up liquid|white spirit|turps|turpentine|petrol|paraffin|lighter fluid|"
        r"descaler)\b",
        # "drink some of the liquid for unblock the sink": a caustic named by what it does
        r"\b(?:drank|drunk|drink|swallowed|sipped)\b[^.?!]{0,30}\b(?:liquid|stuff|product|gel) (?:for|to) "
        r"(?:unblock\w*|clean\w*|clear\w*) (?:the )?(?:sink|drain|toilet|oven|loo)\b",
        # "my 2 year old ... the little battery from the key fob is missing"
        r"\b(?:\d+ ?(?:year|yr|month)[- ]old|toddler|baby|son|daughter|child|kid)\b[^.?!]{0,100}\b(?:battery|"
        r"batteries|magnets?)\b[^.?!]{0,40}\b(?:is |are )?missing\b",
        r"\b(?:took|taken|swallowed|ate|had)\b[^.?!]{0,40}\b(?:at a party|thinking (?:they|it) (?:were|was)|(?:not|"
        r"weren'?t|wasn'?t) (?:hers|his|theirs|mine|prescribed))\b[^?!]{0,80}\b(?:drowsy|won'?t wake|can'?t wake|"
        r"unresponsive|confused|floppy|vomit\w*|fitting|seizure|sweat\w*|shaking)\b",
)
