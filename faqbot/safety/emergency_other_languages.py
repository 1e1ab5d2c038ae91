"""Emergency phrases in Spanish, Portuguese, French, Italian and German, matched as written (emergency_words.py names
them as its "literal" sign): the English reading (negation, what-ifs) doesn't apply to them, so only phrases that no
ordinary question holds are listed. Other languages: faqbot/data/urgent_phrases.toml (phrases.py).
"""

from __future__ import annotations

OTHER_LANGUAGES: tuple[str, ...] = (
    r"\b(?:dolor|presi[oó]n) (?:fuerte )?(?:en el|de|del) pecho\b", r"\bme duele (?:mucho )?el pecho\b",
    r"\binfarto\b", r"\bataque (?:al|del) coraz[oó]n\b", r"\bdor (?:forte )?no peito\b",
    r"\bdouleur (?:à la|a la|dans la) poitrine\b", r"\bderrame\b", r"\bcara (?:ca[ií]da|torcida)\b",
    r"\b(?:fait|fais|faire|fasse|a eu|teve|tendo|tive) (?:un |um )?avc\b",
    r"\bvisage qui tombe\b", r"\bn'arrive (?:plus|pas) à parler\b", r"\bno (?:puede|puedo) hablar\b",
    r"\bno (?:puedo|puede) respirar\b", r"\bno respira\b", r"\bse (?:est[aá] )?ahog\w*", r"\bcuesta respirar\b",
    r"\blabios (?:morados|azules)\b", r"\bn[aã]o (?:consigo|consegue|est[aá]) respir\w*",
    r"\b(?:n'arrive|n'arrivons) pas [aà] respirer\b", r"\bne respire (?:plus|pas)\b",
    r"\bhinch\w* (?:la lengua|la garganta)\b", r"\b(?:lengua|garganta) hinchad\w*",
    r"\b(?:inconsciente|desmay\w*|no (?:despierta|responde|se mueve))\b",
    r"\b(?:desmaiou|desmaiada|desmaiado|inconsciente)\b", r"\b(?:s'est évanoui\w*|inconscient\w*)\b",
    r"\b(?:tiene|tuvo|le dio|le dan|con|est[aá] (?:con|teniendo)) (?:una |unas )?convulsi\w*|\bconvulsionando\b",
    r"\bconvuls(?:ão|ao|ões|oes)\b",
    r"\bsangr(?:a|ando|e) (?:mucho|much[ií]simo|sin parar|abundante)\b", r"\bsangrado (?:abundante|fuerte)\b",
    r"\bla sangre no para\b", r"\bmuito sangue\b", r"\bsaigne beaucoup\b",
    r"\bembarazada\b[^?!]{0,60}\bsangr\w*", r"\bgr[aá]vida\b[^?!]{0,60}\bsangr\w*",
    r"\b(?:vomit\w*|tos\w*|escup\w*) sangre\b", r"\bsangre al (?:vomitar|toser)\b",
    r"\b(?:se )?(?:trag[oó]|comi[oó]|bebi[oó]|tom[oó])\b[^.?!]{0,40}\b(?:pila|bater[ií]a|im[aá]n|lej[ií]a|cloro|"
    r"veneno|qu[ií]mico|detergente)\b", r"\benvenen\w*", r"\bengoliu\b",
    r"\b(?:golpe[eéó]|pegu[eé]|caí|cay[oó])\b[^.?!]{0,30}\bcabeza\b[^?!]{0,60}\b(?:vomit\w*|sueño|"
    r"confundid\w*)", r"\baccidente de (?:coche|carro|auto|moto|tráfico)\b", r"\bpeor dolor de cabeza\b",
    r"\bdolore (?:forte )?al petto\b", r"\bnon riesce a respirare\b", r"\blabbra blu\b", r"\bnon si sveglia\b",
    r"\bbattuto la testa\b[^?!]{0,40}\bvomit\w*", r"\bgonfiando la gola\b", r"\bzusammengebrochen\b",
    r"\batmet nicht\b", r"\bkrampfanfall\b", r"\bschwillt\b[^?!]{0,20}\bzunge\b", r"\bschlecht luft\b",
    r"\bmundwinkel\b", r"\bsp[uü]lmaschinentab\b", r"\bn'arrive plus [aà] respirer\b", r"\bpire mal de t[eê]te\b",
    r"\baval[eé] des (?:petits )?(?:aimants|piles)\b", r"\bdouleur [eé]crasante\b", r"\bsaigne de l'oreille\b",
    r"\bn[aã]o consegue mexer\b", r"\bfala (?:est[aá] )?enrolada\b", r"\bbebeu [aá]gua sanit[aá]ria\b",
    r"\bmanchas (?:roxas|moradas)\b", r"\bdolor muy fuerte en el pecho\b", r"\bbrustschmerz\w*",
    r"\bcuello r[ií]gido\b[^?!]{0,60}\b(?:fiebre|manchas)\b|\bfiebre\b[^?!]{0,60}\bcuello r[ií]gido\b",
)
