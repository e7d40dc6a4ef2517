"""Dutch first: the interface is Dutch unless the user chose English with the language switch.

Django's LocaleMiddleware would follow the browser's Accept-Language, which on many staff
machines is English; the users read Dutch, so only an explicit choice (the language cookie
that the switch sets) changes it.
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class DutchFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
