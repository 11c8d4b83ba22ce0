from django.db.models import Count
from django.shortcuts import render

from .models import Agreement, Dialogue


def _status_counts(model) -> list[tuple[str, int]]:
    counts = dict(model.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return [(label, counts.get(value, 0)) for value, label in model.Status.choices]


def dashboard(request):
    context = {
        "dialogue_counts": _status_counts(Dialogue),
        "agreement_counts": _status_counts(Agreement),
        "dialogues": Dialogue.objects.with_parties().order_by("expected_earliest", "name"),
        "overdue": Dialogue.objects.overdue().with_parties(),
    }
    return render(request, "dialogues/dashboard.html", context)
