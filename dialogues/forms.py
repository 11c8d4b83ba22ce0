"""Query parameters outside the list FilterSets, as plain forms: invalid input is a message."""

from django import forms


class SearchForm(forms.Form):
    # Django's CharField refuses NUL characters, which PostgreSQL cannot take.
    q = forms.CharField(required=False)
