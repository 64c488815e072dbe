"""Temporal tagging: find time expressions and normalize them to TIMEX3 values.

``tag(text, dct)`` is the public entry point; ``phrase`` turns values into words.
"""

from studykit.timex.engine import tag
from studykit.timex.phrase import granularity, is_vague, phrase_value

__all__ = ["tag", "phrase_value", "granularity", "is_vague"]
