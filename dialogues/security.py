"""Refuse, before the admin sees it, an admin address holding a NUL character.

The admin's searches, filters and autocomplete pass query strings to the database as they
are, and PostgreSQL cannot compare text holding NUL: such a request is refused with a plain
400. (The public pages read every parameter through a form, which says so on the page.)
"""

from django.http import HttpResponseBadRequest
from django.urls import reverse


def refuse_nul_in_admin_queries(get_response):
    def middleware(request):
        if request.path_info.startswith(reverse("admin:index")) and any(
            "\x00" in name or any("\x00" in value for value in values) for name, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "This address holds a NUL character, which cannot be searched for or filtered on. Remove it.",
                content_type="text/plain; charset=utf-8",
            )
        return get_response(request)

    return middleware
