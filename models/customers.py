"""A company's customers, their contact persons, service packages, contracts and payments."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.accounts import Company, User


class BillingPeriod(enum.StrEnum):
    MONTHLY = "MONTHLY"
    ANNUAL = "ANNUAL"


class Customer(Model):
    """A customer of a company, looked after by one of its users (the representative)."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="customers", on_delete=fields.CASCADE
    )
    company_id: int
    name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=32, null=True)
    representative: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    representative_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "customer"
        indexes = (("company_id", "representative_id"), ("company_id", "name"))


class ContactPerson(Model):
    """A person at a customer whom the company deals with."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="contacts", on_delete=fields.CASCADE
    )
    customer_id: int
    name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=32, null=True)
    title = fields.CharField(max_length=200, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "contact_person"
        indexes = (("company_id", "customer_id"),)


class ServicePackage(Model):
    """What a company sells its customers: fees and how many transactions they include."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    name = fields.CharField(max_length=200)
    monthly_fee = fields.DecimalField(max_digits=12, decimal_places=2)
    annual_fee = fields.DecimalField(max_digits=12, decimal_places=2)
    currency = fields.CharField(max_length=3)
    transaction_quota = fields.IntField()
    features: fields.JSONField[list[str]] = fields.JSONField(default=list)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "service_package"
        unique_together = (("company_id", "name"),)


class Contract(Model):
    """A customer's contract for a period; its status follows from the dates unless cancelled."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="contracts", on_delete=fields.CASCADE
    )
    customer_id: int
    package: fields.ForeignKeyNullableRelation[ServicePackage] = fields.ForeignKeyField(
        "models.ServicePackage", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    package_id: int | None
    starts_on = fields.DateField()
    ends_on = fields.DateField()
    fee = fields.DecimalField(max_digits=12, decimal_places=2)
    currency = fields.CharField(max_length=3)
    billing_period = fields.CharEnumField(BillingPeriod, max_length=16)
    cancelled_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "contract"
        # Active contracts of a company (hasActiveContract) and of a customer.
        indexes = (("company_id", "ends_on", "customer_id"), ("company_id", "customer_id"))


class ContractPayment(Model):
    """A payment a customer made for a contract."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name=False, on_delete=fields.CASCADE
    )
    company_id: int
    contract: fields.ForeignKeyRelation[Contract] = fields.ForeignKeyField(
        "models.Contract", related_name="payments", on_delete=fields.CASCADE
    )
    contract_id: int
    amount = fields.DecimalField(max_digits=12, decimal_places=2)
    currency = fields.CharField(max_length=3)
    paid_at = fields.DatetimeField()
    note = fields.CharField(max_length=500, null=True)
    recorded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "contract_payment"
        indexes = (("company_id", "contract_id", "paid_at"),)
