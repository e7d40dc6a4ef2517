from django.urls import path

from .feeds import CommitmentEventsFeed, commitment_calendar
from .views import accounts, commitments, digests, imports, letters, links, review, search, sync

app_name = "commitments"

urlpatterns = [
    path("", commitments.home, name="home"),
    path("zoeken/", search.search_view, name="search"),
    path("toezeggingen/", commitments.CommitmentListView.as_view(), name="list"),
    path("toezeggingen/feed/", CommitmentEventsFeed(), name="feed"),
    path("toezeggingen/agenda.ics", commitment_calendar, name="agenda"),
    path("toezeggingen/export.csv", commitments.commitment_export_csv, name="export-csv"),
    path("toezeggingen/<str:number>/", commitments.CommitmentDetailView.as_view(), name="detail"),
    path("toezeggingen/<str:number>/bevestigen", commitments.confirm, name="confirm"),
    path("toezeggingen/<str:number>/afwijzen", commitments.reject, name="reject"),
    path("toezeggingen/<str:number>/wijzigen", commitments.edit, name="edit"),
    path("toezeggingen/<str:number>/voldaan", commitments.fulfil, name="fulfil"),
    path("toezeggingen/<str:number>/heropenen", commitments.reopen, name="reopen"),
    path("toezeggingen/<str:number>/intrekken", commitments.withdraw, name="withdraw"),
    path("toezeggingen/<str:number>/notitie", commitments.add_note, name="note"),
    path("beoordelen/", review.review_queue, name="review-queue"),
    path("profiel/", accounts.profile, name="profile"),
    path("brieven/zoeken", letters.letter_picker, name="letter-picker"),
    path("brieven/", letters.LetterListView.as_view(), name="letter-list"),
    path("brieven/<int:pk>/", letters.LetterDetailView.as_view(), name="letter-detail"),
    path("brieven/<int:pk>/intrekken", letters.letter_withdraw, name="letter-withdraw"),
    path("abonnementen/", digests.subscription_list, name="subscription-list"),
    path("abonnementen/nieuw", digests.subscription_create, name="subscription-create"),
    path("abonnementen/<int:pk>/pauzeren", digests.subscription_pause, name="subscription-pause"),
    path("abonnementen/<int:pk>/opzeggen", digests.subscription_delete, name="subscription-delete"),
    path("afmelden/<str:token>/", digests.unsubscribe, name="unsubscribe"),
    path("uitgaande-mail/", digests.digest_outbox, name="digest-outbox"),
    path("open-data/", sync.sync_status, name="sync-status"),
    path("uitgaande-mail/<int:pk>/", digests.digest_detail, name="digest-detail"),
    path("brieven/uploaden", imports.letter_upload, name="letter-upload"),
    path("verwijzingen/<int:pk>/bevestigen", links.link_confirm, name="link-confirm"),
    path("verwijzingen/<int:pk>/afwijzen", links.link_reject, name="link-reject"),
]
