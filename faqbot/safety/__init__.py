"""Safety before answering: crises, emergencies and the clinic's warning signs (triage.py), read the same way for
any clinic (reading.py); warning signs as data (signs.py); messages in a language the documents are not in."""
