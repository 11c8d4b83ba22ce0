"""The editors' admin: every record editable, provenance read-only.

An editor's change to a fact is kept as an editor Source, so the importer
knows to leave that field alone, and a status change lands in the history.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from .admin_import import import_view
from .models import (
    Agreement,
    Article,
    Dialogue,
    FactToReview,
    Participant,
    ParticipantAlias,
    Source,
    Statement,
    StatusChange,
    Topic,
    log_status_change,
)

admin.site.site_header = "Japan–Europe dialogue tracker"
admin.site.site_title = "Dialogue tracker admin"
admin.site.index_title = "Records"


def _names(objects) -> str:
    return ", ".join(str(o) for o in objects)


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0
    can_delete = False
    fields = ("field", "value", "origin", "article", "sentence", "confidence", "editor", "confirmed_at", "created_at")
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    fields = ("changed_at", "from_status", "to_status", "effective", "reason", "source", "editor")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ("speaker", "text", "article", "said_on")
    autocomplete_fields = ("speaker", "article")
    show_change_link = True


class StatusChangeForm(forms.ModelForm):
    """A dialogue's or agreement's form: a change of status says why, and may say since when."""

    status_reason = forms.CharField(
        label="Reason for the status change",
        max_length=StatusChange._meta.get_field("reason").max_length,
        required=False,
        help_text="Required when you change the status; shown in the public history.",
    )
    status_effective = forms.DateField(
        label="Status in effect from",
        required=False,
        widget=AdminDateWidget,
        help_text="YYYY-MM-DD, if the change took effect on a known day (optional).",
    )

    def clean(self):
        cleaned = super().clean()
        # A new record's first status needs no reason; moving an existing one does.
        moved = self.instance.pk is not None and "status" in self.changed_data
        if moved and not cleaned.get("status_reason", "").strip():
            self.add_error("status_reason", "Say why the status changed (a few words are enough).")
        if not moved and self.instance.pk is not None:
            for name in ("status_reason", "status_effective"):
                if cleaned.get(name):
                    self.add_error(name, "This is kept only with a change of status: change the status, or clear it.")
        return cleaned


class EditorTrackedAdmin(admin.ModelAdmin):
    """Keeps each field an editor sets as an editor Source (and status moves in the history)."""

    tracked_fields: tuple[str, ...] = ()

    def save_model(self, request, obj, form, change):
        if change:
            changed = [f for f in form.changed_data if f in self.tracked_fields]
        else:
            changed = [f for f in self.tracked_fields if form.cleaned_data.get(f) not in (None, "")]
        old_status = form.initial.get("status", "") if change else ""
        super().save_model(request, obj, form, change)
        if "status" in changed:
            log_status_change(
                obj,
                old_status,
                obj.status,
                editor=request.user,
                reason=form.cleaned_data.get("status_reason", "").strip(),
                effective=form.cleaned_data.get("status_effective"),
            )
        for field in changed:
            Source.objects.create(
                **{obj._meta.model_name: obj},
                field=field,
                value=str(form.cleaned_data.get(field) or ""),
                origin=Source.Origin.EDITOR,
                editor=request.user,
                confirmed_at=timezone.now(),
            )


class StatusTrackedAdmin(EditorTrackedAdmin):
    """A record with a status: its form asks why (and since when) the status changed, beside the status."""

    form = StatusChangeForm
    status_note = ("status_reason", "status_effective")

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f not in self.status_note]
        at = fields.index("status") + 1
        return [*fields[:at], *self.status_note, *fields[at:]]


@admin.register(Dialogue)
class DialogueAdmin(StatusTrackedAdmin):
    list_display = ("name", "status", "party_names", "expected_text", "expected_earliest", "expected_latest", "venue")
    list_filter = ("status", "parties", "topics")
    search_fields = ("name", "summary", "venue", "expected_text")
    autocomplete_fields = ("parties", "topics", "agreements")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (StatusChangeInline, StatementInline, SourceInline)
    tracked_fields = (
        "name",
        "status",
        "expected_text",
        "expected_earliest",
        "expected_latest",
        "venue",
        "format",
        "summary",
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("parties")

    @admin.display(description="Parties")
    def party_names(self, obj):
        return _names(obj.parties.all())


@admin.register(Agreement)
class AgreementAdmin(StatusTrackedAdmin):
    list_display = ("name", "kind", "status", "party_names", "date_text", "date_earliest", "date_latest")
    list_filter = ("status", "kind", "parties")
    search_fields = ("name", "summary", "date_text")
    autocomplete_fields = ("parties",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = (StatusChangeInline, StatementInline, SourceInline)
    tracked_fields = ("name", "kind", "status", "date_text", "date_earliest", "date_latest", "summary")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("parties")

    @admin.display(description="Parties")
    def party_names(self, obj):
        return _names(obj.parties.all())


class AliasInline(admin.TabularInline):
    model = ParticipantAlias
    extra = 1


@admin.register(Participant)
class ParticipantAdmin(EditorTrackedAdmin):
    list_display = ("name", "kind", "region", "role", "affiliation", "country")
    list_filter = ("kind", "region")
    list_select_related = ("affiliation",)
    search_fields = ("name", "aliases__alias", "role", "country")
    autocomplete_fields = ("affiliation",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = (AliasInline, SourceInline)
    tracked_fields = ("name", "kind", "region", "role", "affiliation", "country")


@admin.register(Statement)
class StatementAdmin(EditorTrackedAdmin):
    list_display = ("short_text", "speaker", "said_on", "dialogue", "agreement", "article")
    list_filter = ("said_on", "speaker__kind")
    list_select_related = ("speaker", "dialogue", "agreement", "article")
    search_fields = ("text", "speaker__name", "speaker__aliases__alias")
    autocomplete_fields = ("speaker", "article", "dialogue", "agreement")
    inlines = (SourceInline,)
    tracked_fields = ("text", "speaker", "dialogue", "agreement", "said_on")

    @admin.display(description="Quote")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 90 else obj.text[:87] + "…"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    change_list_template = "admin/dialogues/article_changelist.html"
    list_display = ("title", "outlet", "published", "source_name", "created_at")
    list_filter = ("outlet", "published")
    search_fields = ("title", "outlet", "url", "source_name")
    readonly_fields = ("checksum", "created_at", "updated_at")
    date_hierarchy = "published"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_articles)
        return [path("import/", view, name="dialogues_article_import"), *super().get_urls()]

    def import_articles(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return import_view(request, self.admin_site)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    """Provenance, read-only; the low-confidence ones form the review list."""

    list_display = ("record_link", "field", "value", "confidence", "origin", "article", "confirmed_at")
    list_filter = ("confidence", "origin", ("confirmed_at", admin.EmptyFieldListFilter), "field")
    list_select_related = ("dialogue", "agreement", "participant", "statement", "article")
    search_fields = ("value", "sentence", "article__title")
    readonly_fields = [f.name for f in Source._meta.fields]
    actions = ("confirm",)

    def has_add_permission(self, request):
        return False

    @admin.display(description="Record")
    def record_link(self, obj):
        record = obj.record
        url = reverse(f"admin:dialogues_{record._meta.model_name}_change", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, record)

    @admin.action(description="Confirm the selected facts", permissions=["change"])
    def confirm(self, request, queryset):
        count = queryset.filter(confirmed_at__isnull=True).update(confirmed_at=timezone.now(), editor=request.user)
        self.message_user(request, f"Confirmed {count} fact(s).", messages.SUCCESS)


@admin.register(FactToReview)
class FactToReviewAdmin(SourceAdmin):
    """Low-confidence imported facts: confirm them in bulk, or follow the link to correct the record."""

    list_display = ("record_link", "field", "value", "sentence", "article")
    list_filter = ("field",)


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ("changed_at", "record", "from_status", "to_status", "effective", "reason", "editor", "source")
    list_filter = ("to_status",)
    list_select_related = ("dialogue", "agreement", "editor", "source__article")
    readonly_fields = [f.name for f in StatusChange._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LogEntry)
class ChangeLogAdmin(admin.ModelAdmin):
    """Who changed what and when, across all records."""

    list_display = ("action_time", "user", "content_type", "object_repr", "action_flag", "changes")
    list_filter = ("action_flag", "content_type")
    list_select_related = ("user", "content_type")
    search_fields = ("object_repr", "user__username")
    date_hierarchy = "action_time"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="What changed")
    def changes(self, obj):
        return obj.get_change_message()
