"""Answering a question: query analysis, hybrid search, neighbours, highlight, the engine and its live reload."""
