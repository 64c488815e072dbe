"""Exporters: Anki decks, HTML quizzes, JSONL/CSV/text."""
