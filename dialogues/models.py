"""The tracker's records and the provenance of every fact in them.

Dialogues and Agreements are the subjects; Participants are the governments,
organisations and people involved; Statements are attributed quotes; Articles
are the sources. A Source row ties one field of one record to the article
sentence that gave it (or to the editor who set it), and a StatusChange row
keeps each status move with the Source or editor behind it.
"""

import datetime

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.text import slugify

from .display import (
    OPEN_DIALOGUE,
    QUIET_AGREEMENT,
    QUIET_DIALOGUE,
    agreement_glance,
    dialogue_glance,
    is_overdue,
    is_quiet,
    quiet_since,
    when_label,
)


def unique_slug(model, text: str, max_length: int = 80) -> str:
    """A slug for `text` not yet taken in `model` (suffixing -2, -3, ...)."""
    base = slugify(text)[:max_length].strip("-") or "record"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[: max_length - len(str(n)) - 1]}-{n}"
    return slug


class Timestamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Confidence(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


def _choices_check(field: str, choices, name: str) -> models.CheckConstraint:
    values = [value for value, _ in choices]
    return models.CheckConstraint(condition=Q(**{f"{field}__in": values}), name=name)


def _window_check(earliest: str, latest: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{earliest}__isnull": True})
        | Q(**{f"{latest}__isnull": True})
        | Q(**{f"{earliest}__lte": models.F(latest)}),
        name=name,
    )


# An article's address is a web page: anything else (javascript:, data:, file:) is refused on the
# way in and, should one reach the database anyway, by a constraint there.
WEB_SCHEMES = ("http", "https")
web_url_validator = URLValidator(schemes=WEB_SCHEMES, message="Enter a web address starting with http:// or https://.")


class ArticleManager(models.Manager):
    def get_queryset(self):
        # An article's text may run to megabytes: it is read only where it is shown.
        return super().get_queryset().defer("text")


class Article(Timestamped):
    """A source document as imported; its text is what every span points into."""

    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    url = models.URLField(max_length=1000, blank=True, validators=[web_url_validator])
    published = models.DateField(null=True, blank=True, db_index=True)
    text = models.TextField()
    checksum = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the text")
    source_name = models.CharField(max_length=500, blank=True, help_text="File name it was imported from")

    objects = ArticleManager()

    class Meta:
        ordering = ["-published", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(url="") | Q(url__istartswith="http://") | Q(url__istartswith="https://"),
                name="article_url_is_web",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def web_url(self) -> str:
        """The address, if it is a web page's (http or https); else "" — never a script to link to."""
        scheme = self.url.split(":", 1)[0].strip().lower()
        return self.url if scheme in WEB_SCHEMES and ":" in self.url else ""

    def sentence_at(self, start: int, end: int) -> str:
        return self.text[start:end]


class Topic(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Topic, self.name)
        super().save(*args, **kwargs)


class ParticipantKind(models.TextChoices):
    GOVERNMENT = "government", "Government"
    ORGANISATION = "organisation", "International organisation"
    COMPANY = "company", "Company"
    INSTITUTE = "institute", "Institute or university"
    PERSON = "person", "Person"
    JOINT = "joint", "Joint speaker (several parties)"


class Region(models.TextChoices):
    JAPAN = "japan", "Japan"
    EUROPE = "europe", "Europe"
    OTHER = "other", "Other"


class Participant(Timestamped):
    """A government, organisation, company, institute or person."""

    Kind = ParticipantKind
    Region = Region

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    region = models.CharField(max_length=10, choices=Region.choices, default=Region.OTHER, db_index=True)
    role = models.CharField(max_length=300, blank=True, help_text="A person's title, e.g. Ambassador to NATO")
    affiliation = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="The organisation a person speaks for",
    )
    country = models.CharField(max_length=100, blank=True, db_index=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="participant_name_unique"),
            _choices_check("kind", ParticipantKind.choices, "participant_kind_valid"),
            _choices_check("region", Region.choices, "participant_region_valid"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Participant, self.name)
        super().save(*args, **kwargs)
        # its own name is an alias too, unless someone else already answers to it
        ParticipantAlias.objects.bulk_create(
            [ParticipantAlias(participant=self, alias=normalise_alias(self.name))], ignore_conflicts=True
        )

    def get_absolute_url(self):
        return reverse("participant-detail", args=[self.slug])


def normalise_alias(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").split())


class ParticipantAlias(models.Model):
    """Another name for a participant: "Rutte" and "Mark Rutte" are one person."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200, unique=True, help_text="Stored case-folded")

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "participant aliases"

    def __str__(self):
        return self.alias

    def save(self, *args, **kwargs):
        self.alias = normalise_alias(self.alias)
        super().save(*args, **kwargs)


class DialogueQuerySet(models.QuerySet):
    OPEN = OPEN_DIALOGUE

    def overdue(self, today: datetime.date | None = None):
        """Dialogues still waiting to start although their expected window has passed."""
        today = today or datetime.date.today()
        return self.filter(status__in=self.OPEN, expected_latest__lt=today)

    def coming_up(self, today: datetime.date | None = None, days: int = 90):
        today = today or datetime.date.today()
        return self.filter(
            status__in=self.OPEN,
            expected_earliest__gte=today,
            expected_earliest__lte=today + datetime.timedelta(days=days),
        )

    def quiet(self, today: datetime.date | None = None):
        """Unfinished dialogues no article has spoken of for a long time (QUIET_AFTER_DAYS)."""
        return self.filter(status__in=QUIET_DIALOGUE, last_heard__lt=quiet_since(today))

    def with_parties(self):
        return self.prefetch_related("parties")


class DialogueStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    PLANNED = "planned", "Planned"
    ACTIVE = "active", "Active"
    STALLED = "stalled", "Stalled"
    CONCLUDED = "concluded", "Concluded"


class Dialogue(Timestamped):
    Status = DialogueStatus

    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    parties = models.ManyToManyField(Participant, related_name="dialogues", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    expected_text = models.CharField("expected start (article's words)", max_length=200, blank=True)
    expected_earliest = models.DateField(null=True, blank=True, db_index=True)
    expected_latest = models.DateField(null=True, blank=True, db_index=True)
    expected_as_of = models.DateField(
        "expected start: words as of", null=True, blank=True, help_text="The date the article's words were relative to"
    )
    venue = models.CharField(max_length=300, blank=True)
    format = models.CharField(max_length=300, blank=True, help_text="e.g. government officials only")
    topics = models.ManyToManyField(Topic, related_name="dialogues", blank=True)
    summary = models.TextField(blank=True)
    agreements = models.ManyToManyField("Agreement", related_name="dialogues", blank=True)
    last_heard = models.DateField(
        "last heard of", null=True, blank=True, db_index=True, help_text="Date of the newest article about it"
    )

    objects = DialogueQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="dialogue_name_unique"),
            _choices_check("status", DialogueStatus.choices, "dialogue_status_valid"),
            _window_check("expected_earliest", "expected_latest", "dialogue_expected_window_ordered"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Dialogue, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("dialogue-detail", args=[self.slug])

    @property
    def glance(self) -> str:
        return dialogue_glance(self)

    @property
    def overdue(self) -> bool:
        return is_overdue(self)

    @property
    def quiet(self) -> bool:
        return is_quiet(self)

    @property
    def expected_when(self) -> str:
        return when_label(self.expected_text, self.expected_earliest, self.expected_latest, self.expected_as_of)


class AgreementQuerySet(models.QuerySet):
    def quiet(self, today: datetime.date | None = None):
        """Unfinished agreements no article has spoken of for a long time (QUIET_AFTER_DAYS)."""
        return self.filter(status__in=QUIET_AGREEMENT, last_heard__lt=quiet_since(today))

    def with_parties(self):
        return self.prefetch_related("parties")


class AgreementKind(models.TextChoices):
    PLEDGE = "pledge", "Pledge"
    PARTNERSHIP = "partnership", "Partnership"
    TREATY = "treaty", "Treaty"
    INFORMATION_SECURITY = "information_security", "Information-security agreement"
    PROGRAMME = "programme", "Programme"
    AGREEMENT = "agreement", "Agreement"


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    NEGOTIATING = "negotiating", "Negotiating"
    AGREED = "agreed", "Agreed"
    IN_FORCE = "in_force", "In force"
    EXPIRED = "expired", "Expired"


class Agreement(Timestamped):
    Kind = AgreementKind
    Status = AgreementStatus

    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.AGREEMENT, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED, db_index=True)
    parties = models.ManyToManyField(Participant, related_name="agreements", blank=True)
    date_text = models.CharField("date (article's words)", max_length=200, blank=True)
    date_earliest = models.DateField(null=True, blank=True, db_index=True)
    date_latest = models.DateField(null=True, blank=True, db_index=True)
    date_as_of = models.DateField(
        "date: words as of", null=True, blank=True, help_text="The date the article's words were relative to"
    )
    summary = models.TextField(blank=True)
    last_heard = models.DateField(
        "last heard of", null=True, blank=True, db_index=True, help_text="Date of the newest article about it"
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="agreement_name_unique"),
            _choices_check("kind", AgreementKind.choices, "agreement_kind_valid"),
            _choices_check("status", AgreementStatus.choices, "agreement_status_valid"),
            _window_check("date_earliest", "date_latest", "agreement_date_window_ordered"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Agreement, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("agreement-detail", args=[self.slug])

    @property
    def glance(self) -> str:
        return agreement_glance(self)

    @property
    def quiet(self) -> bool:
        return is_quiet(self)

    @property
    def date_when(self) -> str:
        return when_label(self.date_text, self.date_earliest, self.date_latest, self.date_as_of)


class Statement(Timestamped):
    """A direct quote (or quoted fragment), attributed to its speaker."""

    text = models.TextField()
    # speaker, dialogue and agreement are indexed first in their order indexes (Meta.indexes)
    speaker = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="statements", db_index=False)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    span_start = models.PositiveIntegerField(help_text="Offset of the quote in the article text")
    span_end = models.PositiveIntegerField()
    said_on = models.DateField(null=True, blank=True)  # indexed first in statement_order
    dialogue = models.ForeignKey(
        Dialogue, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements", db_index=False
    )
    agreement = models.ForeignKey(
        Agreement, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements", db_index=False
    )

    class Meta:
        ordering = ["-said_on", "article_id", "span_start"]
        # Each list of statements is read in this order, whole or by speaker, dialogue or agreement: an index
        # for each, so the database walks it instead of sorting a million rows.
        indexes = [
            models.Index(fields=["-said_on", "article", "span_start"], name="statement_order"),
            models.Index(fields=["speaker", "-said_on", "article", "span_start"], name="statement_speaker_order"),
            models.Index(fields=["dialogue", "-said_on", "article", "span_start"], name="statement_dialogue_order"),
            models.Index(fields=["agreement", "-said_on", "article", "span_start"], name="statement_agreement_order"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["article", "span_start", "span_end"], name="statement_unique_span"),
            models.CheckConstraint(condition=Q(span_start__lt=models.F("span_end")), name="statement_span_ordered"),
        ]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("statement-detail", args=[self.pk])


RECORD_FIELDS = ("dialogue", "agreement", "participant", "statement")


def _exactly_one(fields) -> Q:
    """A condition true when exactly one of the nullable foreign keys is set."""
    options = Q()
    for chosen in fields:
        term = Q(**{f"{chosen}__isnull": False})
        for other in fields:
            if other != chosen:
                term &= Q(**{f"{other}__isnull": True})
        options |= term
    return options


class Origin(models.TextChoices):
    IMPORT = "import", "Importer"
    EDITOR = "editor", "Editor"


class SourceQuerySet(models.QuerySet):
    def needing_review(self):
        return self.filter(origin=Origin.IMPORT, confidence=Confidence.LOW, confirmed_at__isnull=True)


class Source(models.Model):
    """Where one field of one record got its value: an article sentence, or an editor."""

    Origin = Origin

    dialogue = models.ForeignKey(Dialogue, null=True, blank=True, on_delete=models.CASCADE, related_name="sources")
    agreement = models.ForeignKey(Agreement, null=True, blank=True, on_delete=models.CASCADE, related_name="sources")
    participant = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.CASCADE, related_name="sources"
    )
    statement = models.ForeignKey(Statement, null=True, blank=True, on_delete=models.CASCADE, related_name="sources")
    field = models.CharField(max_length=50, db_index=True, help_text="Which fact: status, expected, venue, role, ...")
    value = models.TextField(blank=True, help_text="The value this source gave the field")
    origin = models.CharField(max_length=10, choices=Origin.choices, db_index=True)
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE, related_name="sources")
    sentence_start = models.PositiveIntegerField(null=True, blank=True)
    sentence_end = models.PositiveIntegerField(null=True, blank=True)
    sentence = models.TextField(blank=True, help_text="The supporting sentence, copied from the article")
    confidence = models.CharField(max_length=10, choices=Confidence.choices, default=Confidence.HIGH, db_index=True)
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    confirmed_at = models.DateTimeField(null=True, blank=True, help_text="When an editor confirmed this fact")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=_exactly_one(RECORD_FIELDS), name="source_one_record"),
            _choices_check("origin", Origin.choices, "source_origin_valid"),
            _choices_check("confidence", Confidence.choices, "source_confidence_valid"),
            models.CheckConstraint(
                condition=~Q(origin="import") | (Q(article__isnull=False) & Q(sentence_start__isnull=False)),
                name="source_import_has_sentence",
            ),
            models.CheckConstraint(
                condition=Q(sentence_start__isnull=True) | Q(sentence_start__lt=models.F("sentence_end")),
                name="source_sentence_ordered",
            ),
        ]
        indexes = [models.Index(fields=["confidence", "confirmed_at"])]

    def __str__(self):
        who = self.article or self.editor or "editor"
        return f"{self.record} · {self.field} ← {who}"

    @property
    def record(self):
        return next(getattr(self, name) for name in RECORD_FIELDS if getattr(self, f"{name}_id"))


class _ReviewManager(models.Manager.from_queryset(SourceQuerySet)):
    def get_queryset(self):
        return super().get_queryset().needing_review()


class FactToReview(Source):
    """The editors' review list: imported facts the importer was unsure of, not yet confirmed."""

    objects = _ReviewManager()

    class Meta:
        proxy = True
        verbose_name = "fact to review"
        verbose_name_plural = "facts to review"


class StatusChange(models.Model):
    """One move of a dialogue's or agreement's status, on an article's or an editor's word."""

    dialogue = models.ForeignKey(
        Dialogue, null=True, blank=True, on_delete=models.CASCADE, related_name="status_changes"
    )
    agreement = models.ForeignKey(
        Agreement, null=True, blank=True, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    effective = models.DateField(null=True, blank=True, help_text="When it happened, if the source says")
    reason = models.CharField(max_length=200, blank=True, help_text="Why, in the editor's words")
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["changed_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=_exactly_one(("dialogue", "agreement")), name="status_change_one_record"),
            models.CheckConstraint(condition=~Q(from_status=models.F("to_status")), name="status_change_changes"),
        ]

    def __str__(self):
        return f"{self.from_status or '—'} → {self.to_status}"

    @property
    def record(self):
        return self.dialogue or self.agreement


def status_change(
    record, old: str, new: str, *, source: Source | None = None, editor=None, effective=None, reason: str = ""
):
    """The history entry (unsaved) for a status move of a dialogue or agreement; None when nothing moved."""
    if old == new:
        return None
    return StatusChange(
        **{record._meta.model_name: record},
        from_status=old or "",
        to_status=new,
        source=source,
        editor=editor,
        effective=effective,
        reason=reason,
    )


def log_status_change(record, old: str, new: str, **how):
    """Keep a status move of a saved dialogue or agreement in its history; None when nothing moved."""
    change = status_change(record, old, new, **how)
    if change is not None:
        change.save()
    return change
