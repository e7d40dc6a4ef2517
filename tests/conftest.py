from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory

# Tests that depend on "today" freeze time here (time-machine), named so failures read well.
NOW = dt.datetime(2024, 3, 15, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def analyst(db):
    user = UserFactory(username="analist")
    user.groups.add(Group.objects.get(name="Analisten"))
    return user


@pytest.fixture
def viewer(db):
    return UserFactory(username="lezer")


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The filters cache the values the data holds; each test has data of its own.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
