"""The record of questions: storage (SQLite), redaction of contact details, retention."""
