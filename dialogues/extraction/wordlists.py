"""Word lists written as plain text, one word after another, so a long list reads as a paragraph."""


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())
