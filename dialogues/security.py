"""The Content-Security-Policy sent with every response (django-csp, configured in settings).

Our own pages need no inline script or style. The admin's autocomplete widget (select2) sets
style attributes from its script, so admin pages alone also allow inline style attributes —
never inline `<style>` elements or scripts.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(reverse("admin:index")):
            parts.update = {**(parts.update or {}), "style-src-attr": [UNSAFE_INLINE]}
        return parts
