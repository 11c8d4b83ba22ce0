"""An Atom feed of new statements and status changes, for those who follow from a reader.

Everything in it is plain text: article words are data, never markup for a feed reader to run.
"""

import re

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import Statement, StatusChange

SIZE = 50
# XML 1.0 cannot carry these, and an imported article may hold them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(text: str) -> str:
    return _NOT_XML.sub("", text)


class PlainTextAtom(Atom1Feed):
    """Atom with each entry's summary as `type="text"` (Django's sends it as HTML)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LatestFeed(Feed):
    feed_type = PlainTextAtom
    title = "Japan–Europe defence-industrial dialogues: latest"
    subtitle = "New statements and status changes in the tracker."

    def link(self):
        return reverse("dashboard")

    def items(self):
        # the newest recorded first: ids rise with recording time, and the id is the table's own index
        statements = (
            Statement.objects.select_related("speaker", "article").defer("article__text").order_by("-pk")[:SIZE]
        )
        changes = StatusChange.objects.select_related("dialogue", "agreement").order_by("-changed_at")[:SIZE]
        merged = [(s.created_at, s) for s in statements] + [(c.changed_at, c) for c in changes]
        return [item for _, item in sorted(merged, key=lambda pair: pair[0], reverse=True)[:SIZE]]

    def item_title(self, item):
        if isinstance(item, Statement):
            return _plain(f"{item.speaker.name}: \u201c{item.text[:80]}\u201d")
        return _plain(f"{item.record.name}: {item.from_status or 'new'} \u2192 {item.to_status}")

    def item_description(self, item):
        if isinstance(item, Statement):
            return _plain(f"{item.text} — {item.article.title}")
        return _plain(f"Status of {item.record.name} is now {item.to_status}.")

    def item_link(self, item):
        if isinstance(item, Statement):
            return item.get_absolute_url()
        return f"{item.record.get_absolute_url()}#history-{item.pk}"

    def item_pubdate(self, item):
        return item.created_at if isinstance(item, Statement) else item.changed_at

    def item_updateddate(self, item):
        return self.item_pubdate(item)
