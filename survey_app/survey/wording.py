"""How the questionnaire refers to its own questions: a number per question on the page and its first words.

Why: an error summary that says only "Deze vraag is verplicht." leaves the respondent to hunt for the
question; naming it ("Vraag 3, 'Ik weet welke ...': ...") and numbering the questions on the page the same way
lets anyone, also with a screen reader, find it at once.
"""

from __future__ import annotations

from survey_app.instruments.model import Item, ItemType

#: words of a question's label quoted in the error summary before the ellipsis
FIRST_WORDS = 8


def question_numbers(items: list[Item]) -> dict[str, int]:
    """1, 2, 3 ... for the items of a page that ask something (notes get no number)."""
    numbers: dict[str, int] = {}
    for item in items:
        if item.type != ItemType.NOTE:
            numbers[item.name] = len(numbers) + 1
    return numbers


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first `count` words of a label, with an ellipsis when there is more."""
    words = text.split()
    return " ".join(words) if len(words) <= count else " ".join(words[:count]) + " …"


def summary_entries(items: list[Item], errors: dict[str, str]) -> list[dict]:
    """The error summary's lines in page order: number, first words and message, and where the link goes."""
    numbers = question_numbers(items)
    return [{"name": item.name, "number": numbers[item.name], "words": first_words(item.label or item.text),
             "message": errors[item.name], "target": f"veld-{item.name}"}
            for item in items if item.name in errors]
