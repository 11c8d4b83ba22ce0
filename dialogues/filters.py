"""The list pages' filters. Choices within one filter combine with OR, filters with AND;
many-to-many filters use DISTINCT so a record never shows twice."""

import django_filters as df
from django import forms
from django.db.models import Q

from .models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    Dialogue,
    DialogueStatus,
    Participant,
    ParticipantKind,
    Region,
    Statement,
    Topic,
)
from .spelling import spellings
from .text_search import few_or_all, said_by, statement_text

MAX_SEARCH = 200
PARTY_KINDS = (ParticipantKind.GOVERNMENT, ParticipantKind.ORGANISATION)


class SearchInput(forms.TextInput):
    input_type = "search"


def _text(*fields, many=()):
    """A text box matching any of `fields`; `many` names those across a to-many relation, which need
    DISTINCT so a record never shows twice (a to-one path never multiplies rows: no DISTINCT there)."""

    def search(queryset, name, value):
        query = Q()
        for field in (*fields, *many):
            for spelling in spellings(value):  # "defence" finds "Defense" too
                query |= Q(**{f"{field}__icontains": spelling})
        found = queryset.filter(query)
        return found.distinct() if many else found

    # Longer text is an invalid filter (said, and refused by a download), never silently cut.
    return df.CharFilter(label="Text", method=search, widget=SearchInput, max_length=MAX_SEARCH)


def _checkboxes(**kwargs):
    """Checkbox choices; no DISTINCT unless the filter crosses a to-many relation (distinct=True)."""
    return {"widget": forms.CheckboxSelectMultiple, "distinct": False, **kwargs}


class RecordChoice(df.ModelMultipleChoiceFilter):
    """Rows whose foreign key (`field_name`) is one of the chosen records, given by slug: compared as
    keys (`speaker_id IN (...)`), which the rows' own index reads, not as slugs through a join."""

    def filter(self, qs, value):
        return qs.filter(**{f"{self.field_name}__in": value}) if value else qs


def _party_filter():
    """Records with any of the chosen governments or organisations among their parties."""
    return df.ModelMultipleChoiceFilter(
        field_name="parties__slug",
        queryset=Participant.objects.filter(kind__in=PARTY_KINDS),
        to_field_name="slug",
        label="Party",
        **_checkboxes(distinct=True),
    )


class DateInput(forms.DateInput):
    input_type = "date"


class DialogueFilter(df.FilterSet):
    q = _text("name", "summary", "venue", "format", "expected_text", many=["topics__name"])
    status = df.MultipleChoiceFilter(choices=DialogueStatus.choices, **_checkboxes())
    party = _party_filter()
    topic = df.ModelMultipleChoiceFilter(
        field_name="topics__slug",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        label="Topic",
        **_checkboxes(distinct=True),
    )
    expected_from = df.DateFilter(
        field_name="expected_latest", lookup_expr="gte", label="Expected from", widget=DateInput
    )
    expected_to = df.DateFilter(
        field_name="expected_earliest", lookup_expr="lte", label="Expected by", widget=DateInput
    )
    sort = df.OrderingFilter(
        fields=(
            ("name", "name"),
            ("status", "status"),
            ("expected_earliest", "expected"),
            ("last_heard", "heard"),
            ("updated_at", "updated"),
        ),
        label="Sort by",
    )

    class Meta:
        model = Dialogue
        fields = []


class AgreementFilter(df.FilterSet):
    q = _text("name", "summary", "date_text")
    status = df.MultipleChoiceFilter(choices=AgreementStatus.choices, **_checkboxes())
    kind = df.MultipleChoiceFilter(choices=AgreementKind.choices, **_checkboxes())
    party = _party_filter()
    date_from = df.DateFilter(field_name="date_latest", lookup_expr="gte", label="Dated from", widget=DateInput)
    date_to = df.DateFilter(field_name="date_earliest", lookup_expr="lte", label="Dated by", widget=DateInput)
    sort = df.OrderingFilter(
        fields=(
            ("name", "name"),
            ("status", "status"),
            ("kind", "kind"),
            ("date_earliest", "date"),
            ("last_heard", "heard"),
            ("updated_at", "updated"),
        ),
        label="Sort by",
    )

    class Meta:
        model = Agreement
        fields = []


class ParticipantFilter(df.FilterSet):
    q = _text("name", "role", "country", many=["aliases__alias"])
    kind = df.MultipleChoiceFilter(choices=ParticipantKind.choices, **_checkboxes())
    region = df.MultipleChoiceFilter(choices=Region.choices, **_checkboxes())
    organisation = df.ModelMultipleChoiceFilter(
        field_name="affiliation__slug",
        queryset=Participant.objects.all(),
        to_field_name="slug",
        label="Organisation",
        **_checkboxes(),
    )
    sort = df.OrderingFilter(fields=(("name", "name"), ("kind", "kind"), ("role", "role")), label="Sort by")

    class Meta:
        model = Participant
        fields = []


def _speaker_countries():
    return [
        (c, c)
        for c in Participant.objects.exclude(country="")
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    ]


def _statement_text(queryset, name, value):
    """The quote holds the text (through the text index), or the speaker's name does: the speakers are
    looked up first, so each side of the OR reads an index (or, on SQLite, when a side holds many
    statements, each row is tested as the list's order index is walked: see text_search)."""
    by_name = Q()
    for spelling in spellings(value):
        by_name |= Q(name__icontains=spelling)
    speakers = few_or_all(Participant.objects.filter(by_name).values_list("pk", flat=True))
    return queryset.filter(statement_text(value) | said_by(speakers))


class StatementFilter(df.FilterSet):
    q = df.CharFilter(label="Text", method=_statement_text, widget=SearchInput, max_length=MAX_SEARCH)
    side = df.MultipleChoiceFilter(
        field_name="speaker__region", choices=Region.choices, label="Speaker's side", **_checkboxes()
    )
    country = df.MultipleChoiceFilter(
        field_name="speaker__country", choices=_speaker_countries, label="Speaker's country", **_checkboxes()
    )
    speaker = RecordChoice(
        field_name="speaker",
        label="Speaker",
        queryset=Participant.objects.all(),
        to_field_name="slug",
        **_checkboxes(),
    )
    organisation = RecordChoice(
        field_name="speaker__affiliation",
        queryset=Participant.objects.all(),
        to_field_name="slug",
        label="Speaker's organisation",
        **_checkboxes(),
    )
    dialogue = RecordChoice(
        field_name="dialogue",
        queryset=Dialogue.objects.all(),
        to_field_name="slug",
        label="Dialogue",
        **_checkboxes(),
    )
    agreement = RecordChoice(
        field_name="agreement",
        queryset=Agreement.objects.all(),
        to_field_name="slug",
        label="Agreement",
        **_checkboxes(),
    )
    speaker_name = df.CharFilter(
        field_name="speaker__name", lookup_expr="icontains", label="Speaker's name", max_length=MAX_SEARCH
    )
    said_from = df.DateFilter(field_name="said_on", lookup_expr="gte", label="Said from", widget=DateInput)
    said_to = df.DateFilter(field_name="said_on", lookup_expr="lte", label="Said by", widget=DateInput)
    sort = df.OrderingFilter(fields=(("said_on", "date"), ("speaker__name", "speaker")), label="Sort by")

    class Meta:
        model = Statement
        fields = []


def _outlets():
    return [
        (o, o)
        for o in Article.objects.exclude(outlet="").order_by("outlet").values_list("outlet", flat=True).distinct()
    ]


class ArticleFilter(df.FilterSet):
    q = _text("title")
    outlet = df.MultipleChoiceFilter(choices=_outlets, label="Outlet", **_checkboxes())
    published_from = df.DateFilter(field_name="published", lookup_expr="gte", label="Published from", widget=DateInput)
    published_to = df.DateFilter(field_name="published", lookup_expr="lte", label="Published by", widget=DateInput)
    sort = df.OrderingFilter(fields=(("published", "date"), ("title", "title"), ("outlet", "outlet")), label="Sort by")

    class Meta:
        model = Article
        fields = []
