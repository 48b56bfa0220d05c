"""Demo data for trying frontdesk out, and the `create-user` command's work."""

from __future__ import annotations

from models.accounts import Company, Role, User
from models.actors import Actor
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.passwords import check_strength, hash_password
from resolvers.tickets import demo as support_demo
from resolvers.unit_of_work import unit_of_work
from resolvers.validation import clean_email, clean_text

DEMO_COMPANY = "Demo Support Ltd"
DEMO_PASSWORD = "frontdesk-demo-2026"
DEMO_USERS = [
    ("owner@demo.frontdesk.example", "Olivia Owner", Role.OWNER, "en"),
    ("admin@demo.frontdesk.example", "Ahmet Admin", Role.ADMIN, "tr"),
    ("agent1@demo.frontdesk.example", "Ayşe Agent", Role.AGENT, "tr"),
    ("agent2@demo.frontdesk.example", "Alex Agent", Role.AGENT, "en"),
    ("agent3@demo.frontdesk.example", "Deniz Agent", Role.AGENT, "tr"),
]


async def seed_demo(tickets: int = 0) -> str:
    """Add the demo company and its users unless they exist, with its support records, and
    `tickets` more tickets (a large set for benchmarks); say how to sign in."""
    if not await User.exists(email=DEMO_USERS[0][0]):
        password_hash = await hash_password(DEMO_PASSWORD)
        ctx = Context()  # the system acts, in the company it makes first
        async with unit_of_work(ctx):
            company = await Company.create(
                name=DEMO_COMPANY, default_language="en", timezone="Europe/Istanbul"
            )
            ctx.acting = Actor.system(company.pk)
            for email, name, role, language in DEMO_USERS:
                await User.create(
                    company=company,
                    email=email,
                    full_name=name,
                    role=role,
                    language=language,
                    timezone="Europe/Istanbul",
                    password_hash=password_hash,
                )
        done = f"demo company '{DEMO_COMPANY}' created"
    else:
        done = f"demo company '{DEMO_COMPANY}' already there"
    company = await Company.get(users__email=DEMO_USERS[0][0])
    users = list(await User.filter(company_id=company.pk).order_by("id"))
    await support_demo.seed_support_records(company, users)
    if tickets:
        await support_demo.add_tickets(company, users, tickets)
        done += f"; {tickets} tickets added"
    accounts = "\n".join(f"  {email:30} {role.value}" for email, _, role, _ in DEMO_USERS)
    return (
        f"{done}. Sign in with one of these e-mails and the password {DEMO_PASSWORD!r}:\n"
        f"{accounts}\n"
        'mutation { login(input: {email: "owner@demo.frontdesk.example", '
        f'password: "{DEMO_PASSWORD}"}}) {{ accessToken errors {{ message }} }} }}'
    )


async def create_user(
    *, company_name: str, email: str, full_name: str, role: str, password: str
) -> str:
    """A user with a password in the named company (created when missing)."""
    try:
        email = clean_email(email)
        full_name = clean_text(full_name, "name", max_length=200)
        company_name = clean_text(company_name, "company", max_length=200)
        check_strength(password, email=email, full_name=full_name, field="password")
    except DomainError as error:
        raise ValueError(f"{error.field}: {error.message_key}") from None
    if await User.exists(email=email):
        raise ValueError(f"a user with {email} exists")
    password_hash = await hash_password(password)
    ctx = Context()  # the system acts, in the company it finds or makes first
    async with unit_of_work(ctx):
        company = await Company.get_or_none(name=company_name)
        if company is None:
            company = await Company.create(name=company_name)
        ctx.acting = Actor.system(company.pk)
        user = await User.create(
            company=company,
            email=email,
            full_name=full_name,
            role=Role(role),
            password_hash=password_hash,
        )
    return f"user {user.email} ({user.role.value}) of '{company.name}' created"
