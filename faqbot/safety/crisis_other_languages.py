"""Crisis phrases in Spanish, Portuguese, French, Italian and German, matched as written (crisis_words.py names them
as its "literal" sign): the English reading doesn't apply to them. Other languages: faqbot/data/urgent_phrases.toml.
"""

from __future__ import annotations

OTHER_LANGUAGES: tuple[str, ...] = (
        r"\bme quiero morir\b", r"\bquiero (?:morir\w*|matarme|desaparecer|saltar)\b", r"\bmatarme\b",
        r"\bse quiere matar\b", r"\bquer[ií]a morir\b", r"\bquitarme la vida\b", r"\bacabar con todo\b",
        r"\bno quiero (?:vivir|seguir viviendo|despertar)\b", r"\bsentido a (?:seguir )?vivi\w*", r"\bsi me muero\b",
        r"\bdesaparecer para siempre\b", r"\b(?:soy|ser) una carga\b", r"\besta noche lo voy a hacer\b",
        r"\bme (?:corto|lastimo|hago da[ñn]o)\b", r"\bcortando los brazos\b", r"\bsobredosis\b",
        r"\bpastillas listas\b",
        r"\b(?:me )?tom(?:[eé]|ó) (?:todas las|un frasco de|muchas) (?:pastillas|p[ií]ldoras)\b",
        r"\bquero (?:morrer|me matar|sumir)\b", r"\bme matar\b", r"\bn[aã]o quero (?:mais )?viver\b",
        r"\bacabar com tudo\b", r"\bn[aã]o aguento mais viver\b", r"\bseparei os rem[eé]dios\b",
        r"\btomei todos os comprimidos\b", r"\bme cortar\b",
        r"\bje veux mourir\b", r"\bme suicider\b", r"\bme tuer\b", r"\bj'ai envie de mourir\b",
        r"\bnicht mehr leben\b", r"\beine last\b", r"\bverabschiedet\b", r"\babsichtlich\b", r"\ballesvorbereitet\b",
        r"\bes ist alles vorbereitet\b", r"\bfarla finita\b", r"\bun peso per\b", r"\bnon mi vedrete più\b",
        r"\bapposta tutte\b", r"\bdespedida\b", r"\bdormir para siempre\b", r"\bno despertar\b",
        r"\b(?:vai|vou|quer|querendo|pensando em) se matar\b", r"\bn[aã]o vou precisar mais\b",
        r"\bn[aã]o acordar mais\b", r"\ben finir\b",
        r"\bmessage d'adieu\b", r"\bme br[uû]le\b", r"\bdiciendo adi[oó]s\b", r"\bun fardeau\b", r"\bscarifi\w*",
        r"\bpens\w* [aà] mourir\b",
        r"\b(?:spararsi|suicidarsi|uccidersi|togliersi la vita)\b", r"\btom(?:ei|ou)\b[^.?!]{0,60}\bde prop[oó]sito\b",
        r"\bpr[ée]par[ée] (?:les|mes) m[ée]dicaments\b",
)
