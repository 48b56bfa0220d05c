"""Customers, contact persons, service packages, contracts and their payments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from models.accounts import User
from models.actors import ADMINS
from models.clock import now, today
from models.customers import (
    BillingPeriod,
    ContactPerson,
    Contract,
    ContractPayment,
    Customer,
    ServicePackage,
)
from models.tickets import Ticket
from resolvers.changes import KEEP, Change
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.pagination import Page, paginate
from resolvers.tenancy import company_scope, get_in_company
from resolvers.unit_of_work import unit_of_work
from resolvers.validation import (
    clean_currency,
    clean_email,
    clean_money,
    clean_phone,
    clean_text,
)

NAME_MAX = 200


class ContractStatus:
    UPCOMING = "UPCOMING"
    ACTIVE = "ACTIVE"
    EXPIRED = "EXPIRED"
    CANCELLED = "CANCELLED"


def contract_status(contract: Contract, on: date | None = None) -> str:
    """CANCELLED once cancelled, else what the dates say on `on` (today)."""
    on = on or today()
    if contract.cancelled_at is not None:
        return ContractStatus.CANCELLED
    if on < contract.starts_on:
        return ContractStatus.UPCOMING
    if on > contract.ends_on:
        return ContractStatus.EXPIRED
    return ContractStatus.ACTIVE


def active_contracts(company_id: int, on: date | None = None) -> Q:
    """Contracts running on `on` (today): the filter behind hasActiveContract."""
    on = on or today()
    return Q(company_id=company_id, cancelled_at=None, starts_on__lte=on, ends_on__gte=on)


async def company_user(ctx: Context, user_id: int | None, field: str) -> User | None:
    """An active user of the caller's company (None for None); others are NOT_FOUND."""
    if user_id is None:
        return None
    user = await company_scope(ctx, User).get_or_none(id=user_id, is_active=True)
    if user is None:
        raise DomainError("NOT_FOUND", field)
    return user


# ---------------------------------------------------------------- customers and contacts


async def list_customers(
    ctx: Context,
    *,
    search: str | None,
    representative_ids: Sequence[int] | None,
    first: int | None,
    after: str | None,
) -> Page[Customer]:
    """The company's customers in the order they were added."""
    ctx.require_user()
    query = company_scope(ctx, Customer)
    if representative_ids is not None:
        query = query.filter(representative_id__in=list(representative_ids))
    text = (search or "").strip()
    if text:
        query = query.filter(name__icontains=text[:200])
    return await paginate(query, first, after)


async def create_customer(
    ctx: Context,
    *,
    name: str,
    representative_id: int | None,
    email: str | None = None,
    phone: str | None = None,
) -> Customer:
    """A new customer, looked after by `representative_id` if given."""
    ctx.require_user()
    name = clean_text(name, "name", max_length=NAME_MAX)
    clean_mail = clean_email(email, "email") if email else None
    clean_tel = clean_phone(phone)
    await company_user(ctx, representative_id, "representativeId")
    async with unit_of_work(ctx):
        return await Customer.create(
            company_id=ctx.company_id,
            name=name,
            email=clean_mail,
            phone=clean_tel,
            representative_id=representative_id,
        )


@dataclass
class CustomerChanges:
    """What updateCustomer changes; KEEP leaves a field as it is (null clears one)."""

    name: Change[str | None] = KEEP
    representative_id: Change[int | None] = KEEP
    email: Change[str | None] = KEEP
    phone: Change[str | None] = KEEP


async def update_customer(ctx: Context, customer_id: int, changes: CustomerChanges) -> Customer:
    """Rename a customer, change his representative or his address and phone."""
    ctx.require_user()
    customer = await get_in_company(ctx, Customer, customer_id, "customerId")
    if changes.name is not KEEP:
        customer.name = clean_text(changes.name, "name", max_length=NAME_MAX)
    if changes.representative_id is not KEEP:
        await company_user(ctx, changes.representative_id, "representativeId")
        customer.representative_id = changes.representative_id
    if changes.email is not KEEP:
        customer.email = clean_email(changes.email, "email") if changes.email else None
    if changes.phone is not KEEP:
        customer.phone = clean_phone(changes.phone)
    async with unit_of_work(ctx):
        await customer.save()
    return customer


async def add_contact_person(
    ctx: Context,
    *,
    customer_id: int,
    name: str,
    email: str | None,
    phone: str | None,
    title: str | None,
) -> ContactPerson:
    """A new contact person of a customer."""
    ctx.require_user()
    customer = await get_in_company(ctx, Customer, customer_id, "customerId")
    name = clean_text(name, "name", max_length=NAME_MAX)
    clean_mail = clean_email(email, "email") if email else None
    clean_tel = clean_phone(phone)
    clean_title = clean_text(title, "title", max_length=NAME_MAX, required=False) or None
    async with unit_of_work(ctx):
        return await ContactPerson.create(
            company_id=ctx.company_id,
            customer_id=customer.pk,
            name=name,
            email=clean_mail,
            phone=clean_tel,
            title=clean_title,
        )


async def delete_customer(ctx: Context, customer_id: int) -> Customer:
    """Delete a customer and his contact persons (OWNER, ADMIN); refused while he has tickets
    or contracts, which keep his history. Returns the customer as he was."""
    ctx.require_role(ADMINS)
    async with unit_of_work(ctx):
        customer = await get_in_company(ctx, Customer, customer_id, "customerId", for_update=True)
        if await company_scope(ctx, Ticket).filter(customer_id=customer.pk).exists():
            raise DomainError("CUSTOMER_HAS_TICKETS", "customerId")
        if await company_scope(ctx, Contract).filter(customer_id=customer.pk).exists():
            raise DomainError("CUSTOMER_HAS_CONTRACTS", "customerId")
        await company_scope(ctx, ContactPerson).filter(customer_id=customer.pk).delete()
        await customer.delete()
    return customer


# ---------------------------------------------------------------- packages and contracts


async def list_service_packages(ctx: Context) -> list[ServicePackage]:
    ctx.require_user()
    return list(await company_scope(ctx, ServicePackage).order_by("name", "id"))


async def create_service_package(
    ctx: Context,
    *,
    name: str,
    monthly_fee: Decimal,
    annual_fee: Decimal,
    currency: str,
    transaction_quota: int,
    features: Sequence[str] | None,
) -> ServicePackage:
    """A package the company sells (OWNER and ADMIN only)."""
    ctx.require_role(ADMINS)
    name = clean_text(name, "name", max_length=NAME_MAX)
    monthly = clean_money(monthly_fee, "monthlyFee")
    annual = clean_money(annual_fee, "annualFee")
    currency = clean_currency(currency)
    if not 0 <= transaction_quota <= 1_000_000_000:
        raise DomainError("OUT_OF_RANGE", "transactionQuota", min=0, max=1_000_000_000)
    clean_features = [
        clean_text(feature, "features", max_length=NAME_MAX) for feature in (features or [])
    ][:50]
    try:
        async with unit_of_work(ctx):
            if await company_scope(ctx, ServicePackage).filter(name=name).exists():
                raise DomainError("NAME_TAKEN", "name")
            return await ServicePackage.create(
                company_id=ctx.company_id,
                name=name,
                monthly_fee=monthly,
                annual_fee=annual,
                currency=currency,
                transaction_quota=transaction_quota,
                features=clean_features,
            )
    except IntegrityError:
        raise DomainError("NAME_TAKEN", "name") from None


async def list_contracts(
    ctx: Context,
    *,
    customer_ids: Sequence[int] | None,
    status: Sequence[str] | None,
    first: int | None,
    after: str | None,
) -> Page[Contract]:
    """The company's contracts in the order they were made."""
    ctx.require_user()
    query = company_scope(ctx, Contract)
    if customer_ids is not None:
        query = query.filter(customer_id__in=list(customer_ids))
    if status:
        on = today()
        wanted = Q()
        conditions = {
            ContractStatus.CANCELLED: Q(cancelled_at__isnull=False),
            ContractStatus.ACTIVE: Q(cancelled_at=None, starts_on__lte=on, ends_on__gte=on),
            ContractStatus.EXPIRED: Q(cancelled_at=None, ends_on__lt=on),
            ContractStatus.UPCOMING: Q(cancelled_at=None, starts_on__gt=on),
        }
        parts = [conditions[value] for value in set(status)]
        wanted = parts[0]
        for part in parts[1:]:
            wanted |= part
        query = query.filter(wanted)
    return await paginate(query, first, after)


async def create_contract(
    ctx: Context,
    *,
    customer_id: int,
    package_id: int | None,
    starts_on: date,
    ends_on: date,
    fee: Decimal | None,
    currency: str | None,
    billing_period: BillingPeriod,
) -> Contract:
    """A contract of a customer; fee and currency default to the package's (OWNER, ADMIN)."""
    ctx.require_role(ADMINS)
    customer = await get_in_company(ctx, Customer, customer_id, "customerId")
    package = None
    if package_id is not None:
        package = await get_in_company(ctx, ServicePackage, package_id, "packageId")
    if ends_on < starts_on:
        raise DomainError("INVALID_PERIOD", "endsOn")
    if fee is None:
        if package is None:
            raise DomainError("REQUIRED", "fee")
        fee = package.annual_fee if billing_period == BillingPeriod.ANNUAL else package.monthly_fee
    amount = clean_money(fee, "fee")
    if currency:
        money_currency = clean_currency(currency)
    elif package is not None:
        money_currency = package.currency
    else:
        raise DomainError("REQUIRED", "currency")
    async with unit_of_work(ctx):
        return await Contract.create(
            company_id=ctx.company_id,
            customer_id=customer.pk,
            package_id=package.pk if package else None,
            starts_on=starts_on,
            ends_on=ends_on,
            fee=amount,
            currency=money_currency,
            billing_period=billing_period,
        )


async def cancel_contract(ctx: Context, contract_id: int) -> Contract:
    """End a contract before its time (OWNER, ADMIN)."""
    ctx.require_role(ADMINS)
    contract = await get_in_company(ctx, Contract, contract_id, "contractId")
    if contract.cancelled_at is not None:
        raise DomainError("ALREADY_CANCELLED", "contractId")
    contract.cancelled_at = now()
    async with unit_of_work(ctx):
        await contract.save(update_fields=["cancelled_at"])
    return contract


async def record_contract_payment(
    ctx: Context,
    *,
    contract_id: int,
    amount: Decimal,
    paid_at: datetime | None,
    note: str | None,
) -> ContractPayment:
    """A payment received for a contract, in the contract's currency (OWNER, ADMIN)."""
    user = ctx.require_role(ADMINS)
    contract = await get_in_company(ctx, Contract, contract_id, "contractId")
    money = clean_money(amount, "amount", positive=True)
    when = paid_at or now()
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if when > now():
        raise DomainError("IN_THE_FUTURE", "paidAt")
    clean_note = clean_text(note, "note", max_length=500, required=False) or None
    async with unit_of_work(ctx):
        return await ContractPayment.create(
            company_id=ctx.company_id,
            contract_id=contract.pk,
            amount=money,
            currency=contract.currency,
            paid_at=when,
            note=clean_note,
            recorded_by_id=user.pk,
        )
