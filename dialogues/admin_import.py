"""The admin's article upload: preview what an import would do, then confirm.

The uploaded files stay on the server between the two steps (import_staging): the
confirmation imports exactly what was previewed, whatever the browser sends back.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render

from . import import_staging
from .extraction.reading import MAX_BYTES, SUFFIXES, too_large
from .importing import ArticleMeta, FileOutcome, import_file
from .models import web_url_validator


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        return [single(d, initial) for d in data] if isinstance(data, list | tuple) else [single(data, initial)]


# What a file's outcome means before anything is saved.
PREVIEW_STATUS = {
    "imported": "will be imported",
    "unchanged": "nothing new",
    "skipped": "will be skipped",
    "failed": "cannot be imported",
}


class UploadForm(forms.Form):
    # An empty file gets its own clear line in the preview, like any other bad file.
    files = MultipleFileField(
        allow_empty_file=True,
        help_text=f"Article files ({', '.join(SUFFIXES)}), each at most {MAX_BYTES // 1024 // 1024} MB; "
        "several at once are fine.",
    )
    published = forms.DateField(required=False, help_text="YYYY-MM-DD; relative times in the text are read from it.")
    outlet = forms.CharField(required=False, max_length=200)
    url = forms.URLField(
        required=False,
        max_length=1000,
        assume_scheme="https",
        validators=[web_url_validator],
        error_messages={"invalid": web_url_validator.message},
    )


def _confirm(request):
    staged = import_staging.take(request.session, request.POST.get("token", ""))
    if staged is None:
        messages.error(
            request,
            "That preview is no longer waiting (already imported, or a day old); please choose the files again.",
        )
        return redirect("admin:dialogues_article_import")
    files, meta = staged
    for o in (import_file(data, name, meta) for name, data in files):
        level = messages.ERROR if o.error else messages.SUCCESS
        detail = o.error or f"{len(o.created)} created, {len(o.changed)} changed, {len(o.left_alone)} left alone"
        messages.add_message(request, level, f"{o.source}: {o.status} ({detail})")
    return redirect("admin:dialogues_article_changelist")


def import_view(request, admin_site):
    context = {**admin_site.each_context(request), "title": "Import articles"}
    if request.method == "POST" and request.POST.get("step") == "confirm":
        return _confirm(request)

    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meta = ArticleMeta(data.get("published"), data.get("outlet") or "", data.get("url") or "")
        # A file over the limit is refused unread, as the command refuses it; the others go on.
        outcomes, files = [], []
        for upload in data["files"]:
            if upload.size > MAX_BYTES:
                outcomes.append(FileOutcome(upload.name, error=str(too_large(upload.size))))
                continue
            content = upload.read()
            outcome = import_file(content, upload.name, meta, dry_run=True)
            outcomes.append(outcome)
            if not outcome.error:
                files.append((upload.name, content))
        can_import = any(o.status == "imported" for o in outcomes)
        context.update(
            outcomes=[(o, PREVIEW_STATUS[o.status]) for o in outcomes],
            can_import=can_import,
            token=import_staging.stage(request.session, files, meta) if can_import else "",
        )
        return render(request, "admin/dialogues/import_preview.html", context)
    context["form"] = form
    return render(request, "admin/dialogues/import.html", context)
