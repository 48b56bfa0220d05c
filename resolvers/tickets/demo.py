"""Demo support records: stages, customers, contracts and tickets (and a large set for
benchmarks)."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from models import clock
from models.accounts import Company, User
from models.customers import (
    BillingPeriod,
    ContactPerson,
    Contract,
    ContractPayment,
    Customer,
    ServicePackage,
)
from models.tickets import (
    CustomField,
    FieldKind,
    Importance,
    Stage,
    StageKind,
    Ticket,
    TicketContact,
    TicketCounter,
    TicketLogEntry,
    TicketParameter,
    TicketSearchTerm,
    TicketSource,
    TicketTask,
)
from resolvers.context import Context
from resolvers.tickets.records import search_terms
from resolvers.tickets.stages import ensure_ticket_setup
from resolvers.unit_of_work import unit_of_work

CUSTOMERS = [
    "Initech",
    "Globex",
    "Umbrella Lojistik",
    "Stark Enerji",
    "Wayne Gıda",
    "Acme Tekstil",
    "Hooli",
    "Vandelay Industries",
]
TITLES = [
    "Invoice shows the wrong amount",
    "Cannot sign in to the portal",
    "Printer driver keeps crashing",
    "Delivery arrived damaged",
    "Request for a new user account",
    "VPN disconnects every hour",
    "Fatura tutarı hatalı",
    "Şifre sıfırlama e-postası gelmiyor",
]
PLANS = ["Gold", "Silver", "Bronze"]


async def seed_support_records(company: Company, users: list[User]) -> None:
    """Stages, custom fields, packages, customers with contacts and contracts, and tickets
    (the system acts)."""
    if await Customer.exists(company_id=company.pk):
        return
    ctx = Context.for_system(company.pk)
    await ensure_ticket_setup(ctx)
    rng = random.Random(5)
    async with unit_of_work(ctx):
        plan = await CustomField.create(
            company_id=company.pk,
            key="plan",
            label="Plan",
            kind=FieldKind.CHOICE,
            choices=PLANS,
        )
        await CustomField.create(
            company_id=company.pk, key="order_no", label="Order number", kind=FieldKind.TEXT
        )
        packages = [
            await ServicePackage.create(
                company_id=company.pk,
                name=name,
                monthly_fee=Decimal(monthly),
                annual_fee=Decimal(monthly) * 10,
                currency="TRY",
                transaction_quota=quota,
                features=features,
            )
            for name, monthly, quota, features in [
                ("Gold", "2500.00", 200, ["Phone support", "4-hour response", "On-site visits"]),
                ("Silver", "1200.00", 80, ["Phone support", "Next-day response"]),
            ]
        ]
        customers = []
        for n, name in enumerate(CUSTOMERS):
            customer = await Customer.create(
                company_id=company.pk,
                name=name,
                representative_id=users[n % len(users)].pk,
                email=f"support@{name.split()[0].lower()}.example",
            )
            customers.append(customer)
            for person, title in [("Deniz Yılmaz", "IT manager"), ("Sam Carter", "Buyer")]:
                await ContactPerson.create(
                    company_id=company.pk,
                    customer_id=customer.pk,
                    name=f"{person} ({name})",
                    title=title,
                )
            if n % 3 != 2:  # some customers have no contract
                today = clock.today()
                expired = n % 4 == 3
                package = packages[n % 2]
                contract = await Contract.create(
                    company_id=company.pk,
                    customer_id=customer.pk,
                    package_id=package.pk,
                    starts_on=today - timedelta(days=100),
                    ends_on=today - timedelta(days=10) if expired else today + timedelta(days=265),
                    fee=package.monthly_fee,
                    currency=package.currency,
                    billing_period=BillingPeriod.MONTHLY,
                )
                await ContractPayment.create(
                    company_id=company.pk,
                    contract_id=contract.pk,
                    amount=package.monthly_fee,
                    currency=package.currency,
                    paid_at=clock.now() - timedelta(days=rng.randint(1, 30)),
                )
    await add_tickets(company, users, 40, plan_field=plan, seed=5)


async def add_tickets(
    company: Company,
    users: list[User],
    count: int,
    *,
    plan_field: CustomField | None = None,
    seed: int = 100,
    batch: int = 1000,
) -> int:
    """`count` more tickets over the company's customers, with contacts, tasks, parameters and
    a log entry each, numbered on from the company's counter; in batches of `batch` (the
    system acts)."""
    rng = random.Random(seed)
    ctx = Context.for_system(company.pk)
    await ensure_ticket_setup(ctx)
    stages = list(await Stage.filter(company_id=company.pk).order_by("position"))
    customers = list(await Customer.filter(company_id=company.pk))
    contacts: dict[int, list[int]] = {}
    for contact in await ContactPerson.filter(company_id=company.pk):
        contacts.setdefault(contact.customer_id, []).append(contact.pk)
    if plan_field is None:
        plan_field = await CustomField.get_or_none(company_id=company.pk, key="plan")
    made = 0
    while made < count:
        size = min(batch, count - made)
        async with unit_of_work(ctx):
            counter = await TicketCounter.select_for_update().get(company_id=company.pk)
            first_number = counter.last_number + 1
            counter.last_number += size
            await counter.save()
            now = clock.now()
            rows = []
            for n in range(size):
                stage = rng.choice(stages)
                customer = rng.choice(customers)
                created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 90))
                title = rng.choice(TITLES)
                rows.append(
                    Ticket(
                        company_id=company.pk,
                        number=first_number + n,
                        title=title,
                        description=f"{title}. Reported by the customer, details in the mail.",
                        customer_id=customer.pk,
                        source=rng.choice(list(TicketSource)),
                        importance=rng.choice(list(Importance)),
                        stage_id=stage.pk,
                        assignee_id=rng.choice(users).pk if rng.random() < 0.8 else None,
                        requester_id=next(iter(contacts.get(customer.pk, [])), None),
                        created_by_id=users[0].pk,
                        parameters={"plan": rng.choice(PLANS)} if plan_field else {},
                        closed_at=created if stage.kind == StageKind.CLOSED else None,
                    )
                )
            await Ticket.bulk_create(rows)
            tickets = list(
                await Ticket.filter(
                    company_id=company.pk,
                    number__gte=first_number,
                    number__lt=first_number + size,
                ).order_by("number")
            )
            await TicketContact.bulk_create(
                [
                    TicketContact(company_id=company.pk, ticket_id=t.pk, contact_id=t.requester_id)
                    for t in tickets
                    if t.requester_id
                ]
            )
            await TicketTask.bulk_create(
                [
                    TicketTask(
                        company_id=company.pk,
                        ticket_id=t.pk,
                        title="Call the customer back",
                        assignee_id=t.assignee_id,
                        done=t.closed_at is not None,
                    )
                    for t in tickets
                ]
            )
            if plan_field is not None:
                await TicketParameter.bulk_create(
                    [
                        TicketParameter(
                            company_id=company.pk,
                            ticket_id=t.pk,
                            field_id=plan_field.pk,
                            value=t.parameters["plan"],
                        )
                        for t in tickets
                    ]
                )
            await TicketSearchTerm.bulk_create(
                [
                    TicketSearchTerm(company_id=company.pk, ticket_id=t.pk, term=term)
                    for t in tickets
                    for term in sorted(search_terms(t.title, t.description))
                ]
            )
            await TicketLogEntry.bulk_create(
                [
                    TicketLogEntry(
                        company_id=company.pk,
                        ticket_id=t.pk,
                        actor_id=users[0].pk,
                        action="CREATED",
                        changes={"number": {"before": None, "after": t.number}},
                        at=now,
                    )
                    for t in tickets
                ]
            )
        made += size
    return made
