"""The clock: one `now()` in UTC that a test stops and moves instead of sleeping."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from models import clock as project_clock
from models.tickets import Ticket
from settings import get_settings
from tests.graphql import ME, gql, sign_up
from tests.tickets.factories import make_customer, make_ticket

LOG_TIMES = """
query L($id: ID!) { node(id: $id) { ... on Ticket { log { edges { node { action at } } } } } }
"""


def test_the_clock_tells_timezone_aware_utc():
    moment = project_clock.now()

    assert moment.tzinfo is UTC
    assert abs(moment - datetime.now(UTC)) < timedelta(seconds=5)
    assert project_clock.today() == moment.date()


def test_a_stopped_clock_stands_until_moved_and_runs_again_after():
    start = datetime(2031, 3, 30, 23, 59, 30, tzinfo=UTC)

    with project_clock.frozen_clock(start) as frozen:
        assert project_clock.now() == start
        assert project_clock.now() == start
        frozen.advance(timedelta(seconds=45))
        assert project_clock.now() == datetime(2031, 3, 31, 0, 0, 15, tzinfo=UTC)
        assert project_clock.today().isoformat() == "2031-03-31"
        frozen.set(datetime(2031, 4, 1, 12, tzinfo=timezone(timedelta(hours=3))))
        assert project_clock.now() == datetime(2031, 4, 1, 9, tzinfo=UTC)
        assert project_clock.now().tzinfo is UTC

    assert project_clock.now().year < 2031


def test_stopped_clocks_nest_and_naive_times_are_refused():
    outer = datetime(2030, 1, 1, tzinfo=UTC)
    with project_clock.frozen_clock(outer):
        with project_clock.frozen_clock(outer + timedelta(days=1)):
            assert project_clock.now() == outer + timedelta(days=1)
        assert project_clock.now() == outer
        with pytest.raises(ValueError), project_clock.frozen_clock(datetime(2030, 1, 1)):
            pass
    assert project_clock.now().year < 2030


async def test_time_passes_for_the_whole_app_without_sleeping(client, clock):
    # given: a company signed up on a day far from today
    clock.set(datetime(2031, 6, 1, 8, 30, tzinfo=UTC))
    owner = await sign_up(client)
    customer = await make_customer(client, owner)
    ticket = await make_ticket(client, owner, customer)

    # when: the access token's lifetime goes by
    clock.advance(timedelta(seconds=get_settings().access_token_ttl - 1))
    still_in = await gql(client, ME, token=owner.token)
    log = await gql(client, LOG_TIMES, {"id": ticket["id"]}, token=owner.token)
    clock.advance(timedelta(seconds=1))
    expired = await gql(client, ME, token=owner.token)

    # then: the log, the rows and the token all went by the project's clock
    assert still_in["data"]["me"]["email"] == owner.email
    entries = [edge["node"] for edge in log["data"]["node"]["log"]["edges"]]
    assert entries == [{"action": "CREATED", "at": "2031-06-01T08:30:00+00:00"}]
    row = await Ticket.get()
    assert row.created_at == datetime(2031, 6, 1, 8, 30, tzinfo=UTC)
    assert expired["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
