"""How a record's sources read to people: each fact by its name, and whether its value is the one in force.

A source's value is in force when the record holds it now; a value the record no longer holds
(a later article or an editor changed it) is superseded.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

# Where a model field's own name would not say it; every other fact takes its field's verbose name.
FIELD_LABELS = {
    "expected_text": "Expected start",
    "expected_earliest": "Expected start, earliest",
    "expected_latest": "Expected start, latest",
    "date_text": "Date",
    "date_earliest": "Date, earliest",
    "date_latest": "Date, latest",
    "text": "Quote",
}


def _field(model, name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def field_label(model, name: str) -> str:
    """'expected_text' → 'Expected start', 'status' → 'Status', 'said_on' → 'Said on'."""
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    field = _field(model, name)
    return capfirst(field.verbose_name) if field is not None else capfirst(name.replace("_", " "))


def _same(text) -> str:
    return " ".join(str(text).split()).casefold()


def _held(record, name: str):
    """What the record holds in field `name`, for comparison: a string, a set of names (many-valued), or None."""
    field = _field(type(record), name)
    if field is None or field.auto_created:
        return None
    if field.many_to_many:
        return {_same(item) for item in getattr(record, name).all()}
    value = getattr(record, name)
    return _same("" if value is None else value)


def _in_force(held, value: str) -> bool | None:
    if held is None:
        return None
    if isinstance(held, set):  # parties, topics: the record still has every one this source named
        return all(_same(item) in held for item in value.split(",") if item.strip())
    return _same(value) == held


def _shown(model, name: str, value: str) -> str:
    field = _field(model, name)
    choices = dict(field.flatchoices) if field is not None and field.choices else {}
    return str(choices.get(value, value))


def describe_sources(record, sources) -> list:
    """The sources, each given `label`, `shown_value` and `in_force` (True, False, or None when it cannot be
    told) for the Sources table."""
    model, held = type(record), {}
    described = list(sources)
    for source in described:
        if source.field not in held:
            held[source.field] = _held(record, source.field)
        source.label = field_label(model, source.field)
        source.shown_value = _shown(model, source.field, source.value)
        source.in_force = _in_force(held[source.field], source.value)
    return described
