from django.urls import path

from . import views
from .feeds import LatestFeed

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("search/", views.search_page, name="search"),
    path("feed/", LatestFeed(), name="feed"),
    path("about/", views.about, name="about"),
    path("dialogues/<slug:slug>/", views.dialogue_detail, name="dialogue-detail"),
    path("agreements/<slug:slug>/", views.agreement_detail, name="agreement-detail"),
    path("participants/<slug:slug>/", views.participant_detail, name="participant-detail"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
]
for slug in ("dialogues", "agreements", "participants", "statements", "articles"):
    urlpatterns += [
        path(f"{slug}/", views.record_list, {"slug": slug}, name=f"{slug}-list"),
        path(f"{slug}.<str:fmt>", views.record_export, {"slug": slug}, name=f"{slug}-export"),
    ]
