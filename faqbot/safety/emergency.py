"""Emergencies: life-threatening now, whatever the clinic's specialty, so the product's own signs and not a clinic's.

Read like any sign book (negation, general questions, what-ifs, past history: reading.py), so "what is a heart
attack?", "my dad had a stroke years ago" and "no chest pain" stay calm. A few signs are mild and need company:
a head injury with vomiting or drowsiness is an emergency, either alone is not.
The signs themselves are in emergency_words.py, with Spanish, Portuguese, French, Italian and German phrases for
the commonest emergencies, which the reading leaves alone.
"""

from __future__ import annotations

from faqbot.models import Escalation
from faqbot.safety.emergency_words import SIGNS
from faqbot.safety.signs import SignBook

# Words the signs are written in, for reading misspellings ("cant breth", "unconsious", "siezure").
SPELLING = """chest pain pressure tight tightness crushing squeezing heavy heaviness heart attack stroke face drooping
droopy slurred slurring speech numb numbness weak weakness paralysed paralyzed breathe breathing breath choking
gasping blue lips anaphylaxis anaphylactic throat tongue swelling swollen epipen allergic reaction collapsed
unconscious unresponsive seizure seizures convulsing convulsions fitting bleeding blood pouring gushing spurting
soaked pregnant pregnancy vomiting vomited coughing swallowed battery batteries magnet bleach chemical detergent
poison poisoned poisoning antifreeze overdose head injury concussion drowsy confused confusion crash accident stabbed
burned burnt worst headache thunderclap ambulance emergency"""

BOOK = SignBook.from_table(
    {"reading": {"spelling": SPELLING},
     "sign": [{"name": name, "strength": strength, "patterns": list(patterns)}
              for name, (strength, patterns) in SIGNS.items()]},
    "faqbot.safety.emergency", Escalation.EMERGENCY,
)
