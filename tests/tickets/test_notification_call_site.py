"""The one call site that the notifications of issue 4 will be wired to."""

from models.accounts import User
from models.tickets import Ticket
from resolvers.context import Context
from resolvers.tickets.records import _notify_assignment


def test_the_assignment_call_site_names_the_recipients_but_never_the_actor():
    actor = User(id=7, company_id=1)
    ticket = Ticket(id=1, company_id=1)

    recipients = _notify_assignment(Context(user=actor), ticket, "NEW_TICKET", [3, 7, 0, 3, 5])

    assert recipients == [3, 5]
