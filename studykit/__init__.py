"""studykit: dated news articles in, Anki decks and printable quizzes out."""

__version__ = "0.1.0"
