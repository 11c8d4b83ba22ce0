"""Middleware that keeps hostile requests harmless.

The Content-Security-Policy is django-csp's, configured in settings. Our own pages need no
inline script or style; the admin's autocomplete widget (select2) sets style attributes from
its script, so admin pages alone also allow inline style attributes — never inline `<style>`
elements or scripts.

The admin's searches, filters and autocomplete pass query strings to the database as they
are, and PostgreSQL cannot compare text holding a NUL character: such a query string is
refused with a plain 400 before the admin sees it. (The public pages read every parameter
through a form, which says so on the page.)
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.http import HttpResponseBadRequest
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(reverse("admin:index")):
            parts.update = {**(parts.update or {}), "style-src-attr": [UNSAFE_INLINE]}
        return parts


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
