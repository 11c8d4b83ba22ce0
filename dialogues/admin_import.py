"""The admin's article upload: preview what an import would do, then confirm.

The preview page carries the uploaded files back (base64, in hidden fields), so
the confirmation imports exactly what was previewed without keeping state
on the server between the two steps.
"""

import base64
import binascii

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render

from .extraction.reading import MAX_BYTES, SUFFIXES
from .importing import ArticleMeta, import_file


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        return [single(d, initial) for d in data] if isinstance(data, list | tuple) else [single(data, initial)]


class UploadForm(forms.Form):
    # An empty file gets its own clear line in the preview, like any other bad file.
    files = MultipleFileField(
        allow_empty_file=True, help_text=f"Article files ({', '.join(SUFFIXES)}); several at once are fine."
    )
    published = forms.DateField(required=False, help_text="YYYY-MM-DD; relative times in the text are read from it.")
    outlet = forms.CharField(required=False, max_length=200)
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https")

    def clean_files(self):
        files = self.cleaned_data["files"]
        for f in files:
            if f.size > MAX_BYTES:
                raise forms.ValidationError(f"{f.name} is larger than {MAX_BYTES // 1024 // 1024} MB.")
        return files


def _meta(data) -> ArticleMeta:
    return ArticleMeta(data.get("published"), data.get("outlet") or "", data.get("url") or "")


def _carried(request) -> list[tuple[str, bytes]] | None:
    names, blobs = request.POST.getlist("name"), request.POST.getlist("content")
    try:
        return [(n, base64.b64decode(b, validate=True)) for n, b in zip(names, blobs, strict=True)]
    except (binascii.Error, ValueError):
        return None


def import_view(request, admin_site):
    context = {**admin_site.each_context(request), "title": "Import articles"}
    if request.method == "POST" and request.POST.get("step") == "confirm":
        form = UploadForm(request.POST)
        form.fields["files"].required = False
        files = _carried(request)
        if not form.is_valid() or files is None:
            messages.error(request, "The upload could not be read back; please choose the files again.")
            return redirect("admin:dialogues_article_import")
        outcomes = [import_file(data, name, _meta(form.cleaned_data)) for name, data in files]
        for o in outcomes:
            level = messages.ERROR if o.error else messages.SUCCESS
            detail = o.error or f"{len(o.created)} created, {len(o.changed)} changed, {len(o.left_alone)} left alone"
            messages.add_message(request, level, f"{o.source}: {o.status} ({detail})")
        return redirect("admin:dialogues_article_changelist")

    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
        outcomes = [import_file(data, name, _meta(form.cleaned_data), dry_run=True) for name, data in files]
        context.update(
            form=form,
            outcomes=outcomes,
            carried=[(name, base64.b64encode(data).decode()) for name, data in files],
            can_import=any(not o.error and o.status == "imported" for o in outcomes),
        )
        return render(request, "admin/dialogues/import_preview.html", context)
    context["form"] = form
    return render(request, "admin/dialogues/import.html", context)
