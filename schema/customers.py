"""Customers in GraphQL: customers, contact persons, service packages, contracts, payments."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry import UNSET

from models import customers as models
from models.accounts import User as UserRow
from resolvers import customers
from schema.accounts import User
from schema.base import (
    Connection,
    Info,
    IsAdmin,
    IsAuthenticated,
    ModelNode,
    Money,
    Payload,
    mutation,
)
from schema.inputs import NodeId, given
from schema.nodes import decode_ids, global_id
from schema.preload import preload
from schema.relations import Children, One, Via, computed, falls_back, relation

# The models' enums as GraphQL enums: strawberry.enum marks the class in place, and the
# schema's name is an alias of it (a type mypy understands).
BillingPeriod = models.BillingPeriod
strawberry.enum(BillingPeriod, description="How often a contract's fee is charged.")


@strawberry.enum(description="Where a contract stands today.")
class ContractStatus(enum.StrEnum):
    UPCOMING = customers.ContractStatus.UPCOMING
    ACTIVE = customers.ContractStatus.ACTIVE
    EXPIRED = customers.ContractStatus.EXPIRED
    CANCELLED = customers.ContractStatus.CANCELLED


@strawberry.type(description="A person at a customer whom the company deals with.")
class ContactPerson(ModelNode):
    __model__ = models.ContactPerson

    name: str = strawberry.field(description="Full name.")
    email: str | None = strawberry.field(description="E-mail address.")
    phone: str | None = strawberry.field(description="E.164 phone number.")
    title: str | None = strawberry.field(description="Job title at the customer.")

    customer: Customer = relation(
        One(models.Customer, "customer_id"), description="The customer the person works for."
    )


@strawberry.type(description="A package the company sells: fees and included transactions.")
class ServicePackage(ModelNode):
    __model__ = models.ServicePackage

    name: str = strawberry.field(description="The package's name.")
    transaction_quota: int = strawberry.field(
        description="Transactions (tickets) included per contract period."
    )
    features: list[str] = strawberry.field(description="What the package includes.")

    monthly_fee: Money = computed(
        lambda ctx, row: Money(amount=row.monthly_fee, currency=row.currency),
        description="The fee per month.",
    )
    annual_fee: Money = computed(
        lambda ctx, row: Money(amount=row.annual_fee, currency=row.currency),
        description="The fee per year.",
    )


@strawberry.type(description="A customer's contract for a period.")
class Contract(ModelNode):
    __model__ = models.Contract

    starts_on: date = strawberry.field(description="First day of the contract.")
    ends_on: date = strawberry.field(description="Last day of the contract.")
    billing_period: BillingPeriod = strawberry.field(description="How often the fee is due.")
    cancelled_at: datetime | None = strawberry.field(description="When it was cancelled.")

    customer: Customer = relation(One(models.Customer, "customer_id"), description="The customer.")
    service_package: ServicePackage | None = relation(
        One(models.ServicePackage, "package_id"),
        name="package",
        description="The service package, if the contract has one.",
    )
    fee: Money = computed(
        lambda ctx, row: Money(amount=row.fee, currency=row.currency),
        description="The fee per billing period.",
    )
    status: ContractStatus = computed(
        lambda ctx, row: ContractStatus(customers.contract_status(row)),
        description="UPCOMING, ACTIVE or EXPIRED by today's date, or CANCELLED.",
    )
    last_payment_at: datetime | None = relation(
        Via(lambda loaders: loaders.last_payment_by_contract_id),
        description="When the last payment for the contract was made.",
    )
    payments: list[ContractPayment] = relation(
        Children(models.ContractPayment, "contract_id"),
        description="The payments received for the contract, oldest first.",
    )


@strawberry.type(description="A payment received for a contract.")
class ContractPayment(ModelNode):
    __model__ = models.ContractPayment

    paid_at: datetime = strawberry.field(description="When it was paid.")
    note: str | None = strawberry.field(description="A remark, such as an invoice number.")

    amount: Money = computed(
        lambda ctx, row: Money(amount=row.amount, currency=row.currency),
        description="How much was paid.",
    )


@strawberry.type(description="One contract as a customer's contract summary lists it.")
class ContractSummaryLine:
    contract: Contract = strawberry.field(description="The contract.")
    package_name: str | None = strawberry.field(description="Its package's name.")
    starts_on: date = strawberry.field(description="First day.")
    ends_on: date = strawberry.field(description="Last day.")
    fee: Money = strawberry.field(description="Fee per billing period.")
    billing_period: BillingPeriod = strawberry.field(description="How often the fee is due.")
    status: ContractStatus = strawberry.field(description="Where it stands today.")
    features: list[str] = strawberry.field(description="What its package includes.")
    last_payment_at: datetime | None = strawberry.field(description="Its last payment.")


@strawberry.type(description="A customer of the company.")
class Customer(ModelNode):
    __model__ = models.Customer

    name: str = strawberry.field(description="The customer's name.")
    email: str | None = strawberry.field(description="The customer's e-mail address.")
    phone: str | None = strawberry.field(description="The customer's phone number.")
    created_at: datetime = strawberry.field(description="When the customer was added.")

    representative: Annotated[User, strawberry.lazy("schema.accounts")] | None = relation(
        One(UserRow, "representative_id"), description="The user who looks after the customer."
    )
    contacts: list[ContactPerson] = relation(
        Children(models.ContactPerson, "customer_id"),
        description="The customer's contact persons, in the order added.",
    )
    contracts: list[Contract] = relation(
        Children(models.Contract, "customer_id"),
        description="The customer's contracts, in the order made.",
    )

    @strawberry.field(
        description="Every contract with its period, fee, status, features and last payment.",
        metadata=falls_back("awaits its loaders contract after contract"),
    )
    async def contract_summary(
        self, root: strawberry.Parent[models.Customer], info: Info
    ) -> list[ContractSummaryLine]:
        loaders = info.context.loaders
        rows = await loaders.by_parent(models.Contract, "customer_id").load(root.pk)
        lines = []
        for row in rows:
            package = (
                await loaders.by_id(models.ServicePackage).load(row.package_id)
                if row.package_id
                else None
            )
            lines.append(
                ContractSummaryLine(
                    contract=row,  # type: ignore[arg-type]
                    package_name=package.name if package else None,
                    starts_on=row.starts_on,
                    ends_on=row.ends_on,
                    fee=Money(amount=row.fee, currency=row.currency),
                    billing_period=row.billing_period,
                    status=ContractStatus(customers.contract_status(row)),
                    features=list(package.features) if package else [],
                    last_payment_at=await loaders.last_payment_by_contract_id.load(row.pk),
                )
            )
        return lines


@strawberry.input(description="A new customer.")
class CreateCustomerInput:
    name: str = strawberry.field(description="The customer's name.")
    representative_id: NodeId[User] | None = strawberry.field(
        default=None, description="The user who looks after the customer."
    )
    email: str | None = strawberry.field(default=None, description="E-mail address.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")


@strawberry.input(description="Changes to a customer; fields left out stay as they are.")
class UpdateCustomerInput:
    customer_id: NodeId[Customer] = strawberry.field(description="The customer.")
    name: str | None = strawberry.field(default=UNSET, description="A new name.")
    representative_id: NodeId[User] | None = strawberry.field(
        default=UNSET, description="A new representative; null for none."
    )
    email: str | None = strawberry.field(default=UNSET, description="null clears it.")
    phone: str | None = strawberry.field(default=UNSET, description="null clears it.")


@strawberry.input(description="A customer to delete.")
class DeleteCustomerInput:
    customer_id: NodeId[Customer] = strawberry.field(
        description="A customer without tickets and contracts."
    )


@strawberry.input(description="A new contact person of a customer.")
class AddContactPersonInput:
    customer_id: NodeId[Customer] = strawberry.field(description="The customer.")
    name: str = strawberry.field(description="Full name.")
    email: str | None = strawberry.field(default=None, description="E-mail address.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    title: str | None = strawberry.field(default=None, description="Job title.")


@strawberry.input(description="A new service package.")
class CreateServicePackageInput:
    name: str = strawberry.field(description="Unique within the company.")
    monthly_fee: Decimal = strawberry.field(description="Fee per month.")
    annual_fee: Decimal = strawberry.field(description="Fee per year.")
    currency: str = strawberry.field(description="ISO 4217 code, such as 'TRY'.")
    transaction_quota: int = strawberry.field(description="Transactions included per period.")
    features: list[str] | None = strawberry.field(default=None, description="What it includes.")


@strawberry.input(description="A new contract of a customer.")
class CreateContractInput:
    customer_id: NodeId[Customer] = strawberry.field(description="The customer.")
    package_id: NodeId[ServicePackage] | None = strawberry.field(
        default=None, description="The service package, if any."
    )
    starts_on: date = strawberry.field(description="First day.")
    ends_on: date = strawberry.field(description="Last day (not before the first).")
    billing_period: BillingPeriod = strawberry.field(description="MONTHLY or ANNUAL.")
    fee: Decimal | None = strawberry.field(
        default=None, description="Fee per billing period; by default the package's."
    )
    currency: str | None = strawberry.field(
        default=None, description="By default the package's currency."
    )


@strawberry.input(description="A contract to cancel.")
class CancelContractInput:
    contract_id: NodeId[Contract] = strawberry.field(description="The contract.")


@strawberry.input(description="A payment received for a contract.")
class RecordContractPaymentInput:
    contract_id: NodeId[Contract] = strawberry.field(description="The contract.")
    amount: Decimal = strawberry.field(description="In the contract's currency; above 0.")
    paid_at: datetime | None = strawberry.field(
        default=None, description="When it was paid; default now, never in the future."
    )
    note: str | None = strawberry.field(default=None, description="A remark.")


@strawberry.type(description="The new or changed customer.")
class CreateCustomerPayload(Payload):
    customer: Customer | None = strawberry.field(default=None, description="The customer.")


@strawberry.type(description="The changed customer.")
class UpdateCustomerPayload(Payload):
    customer: Customer | None = strawberry.field(default=None, description="The customer.")


@strawberry.type(description="Which customer was deleted.")
class DeleteCustomerPayload(Payload):
    deleted_customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The deleted customer's ID."
    )


@strawberry.type(description="The new contact person.")
class AddContactPersonPayload(Payload):
    contact_person: ContactPerson | None = strawberry.field(
        default=None, description="The contact person."
    )


@strawberry.type(description="The new service package.")
class CreateServicePackagePayload(Payload):
    service_package: ServicePackage | None = strawberry.field(
        default=None, description="The package."
    )


@strawberry.type(description="The new or changed contract.")
class CreateContractPayload(Payload):
    contract: Contract | None = strawberry.field(default=None, description="The contract.")


@strawberry.type(description="The cancelled contract.")
class CancelContractPayload(Payload):
    contract: Contract | None = strawberry.field(default=None, description="The contract.")


@strawberry.type(description="The recorded payment and its contract.")
class RecordContractPaymentPayload(Payload):
    payment: ContractPayment | None = strawberry.field(default=None, description="The payment.")
    contract: Contract | None = strawberry.field(default=None, description="The contract.")


@strawberry.type
class CustomersQuery:
    @strawberry.field(
        description="Your company's customers in the order added; `search` matches names.",
        permission_classes=[IsAuthenticated],
    )
    async def customers(
        self,
        info: Info,
        search: str | None = None,
        representative_ids: list[strawberry.ID] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Customer]:
        page = await customers.list_customers(
            info.context,
            search=search,
            representative_ids=decode_ids(info, representative_ids, User, "representativeIds"),
            first=first,
            after=after,
        )
        await preload(info, page)
        return Connection.of(page)  # type: ignore[no-any-return]

    @strawberry.field(
        description="Your company's contracts in the order made.",
        permission_classes=[IsAuthenticated],
    )
    async def contracts(
        self,
        info: Info,
        customer_ids: list[strawberry.ID] | None = None,
        status: list[ContractStatus] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Contract]:
        page = await customers.list_contracts(
            info.context,
            customer_ids=decode_ids(info, customer_ids, Customer, "customerIds"),
            status=[value.value for value in status] if status else None,
            first=first,
            after=after,
        )
        await preload(info, page)
        return Connection.of(page)  # type: ignore[no-any-return]

    @strawberry.field(
        description="The packages your company sells, by name.",
        permission_classes=[IsAuthenticated],
    )
    async def service_packages(self, info: Info) -> list[ServicePackage]:
        return await customers.list_service_packages(info.context)  # type: ignore[return-value]


@strawberry.type
class CustomersMutation:
    @mutation(description="Add a customer.", permission_classes=[IsAuthenticated])
    async def create_customer(
        self, info: Info, input: CreateCustomerInput
    ) -> CreateCustomerPayload:
        customer = await customers.create_customer(
            info.context,
            name=input.name,
            representative_id=input.representative_id,
            email=input.email,
            phone=input.phone,
        )
        return CreateCustomerPayload(customer=customer)  # type: ignore[arg-type]

    @mutation(description="Change a customer.", permission_classes=[IsAuthenticated])
    async def update_customer(
        self, info: Info, input: UpdateCustomerInput
    ) -> UpdateCustomerPayload:
        changes = customers.CustomerChanges(**given(input, "customer_id"))
        customer = await customers.update_customer(info.context, input.customer_id, changes)
        return UpdateCustomerPayload(customer=customer)  # type: ignore[arg-type]

    @mutation(
        description="Delete a customer and his contact persons; refused while he has tickets "
        "(CUSTOMER_HAS_TICKETS) or contracts (CUSTOMER_HAS_CONTRACTS) (OWNER, ADMIN).",
        permission_classes=[IsAdmin],
    )
    async def delete_customer(
        self, info: Info, input: DeleteCustomerInput
    ) -> DeleteCustomerPayload:
        customer = await customers.delete_customer(info.context, input.customer_id)
        return DeleteCustomerPayload(deleted_customer_id=global_id(Customer, customer.pk))

    @mutation(
        description="Add a contact person to a customer.", permission_classes=[IsAuthenticated]
    )
    async def add_contact_person(
        self, info: Info, input: AddContactPersonInput
    ) -> AddContactPersonPayload:
        contact = await customers.add_contact_person(
            info.context,
            customer_id=input.customer_id,
            name=input.name,
            email=input.email,
            phone=input.phone,
            title=input.title,
        )
        return AddContactPersonPayload(contact_person=contact)  # type: ignore[arg-type]

    @mutation(description="Add a service package (OWNER, ADMIN).", permission_classes=[IsAdmin])
    async def create_service_package(
        self, info: Info, input: CreateServicePackageInput
    ) -> CreateServicePackagePayload:
        package = await customers.create_service_package(
            info.context,
            name=input.name,
            monthly_fee=input.monthly_fee,
            annual_fee=input.annual_fee,
            currency=input.currency,
            transaction_quota=input.transaction_quota,
            features=input.features,
        )
        return CreateServicePackagePayload(service_package=package)  # type: ignore[arg-type]

    @mutation(
        description="Make a contract with a customer (OWNER, ADMIN).", permission_classes=[IsAdmin]
    )
    async def create_contract(
        self, info: Info, input: CreateContractInput
    ) -> CreateContractPayload:
        contract = await customers.create_contract(
            info.context,
            customer_id=input.customer_id,
            package_id=input.package_id,
            starts_on=input.starts_on,
            ends_on=input.ends_on,
            fee=input.fee,
            currency=input.currency,
            billing_period=input.billing_period,
        )
        return CreateContractPayload(contract=contract)  # type: ignore[arg-type]

    @mutation(description="Cancel a contract (OWNER, ADMIN).", permission_classes=[IsAdmin])
    async def cancel_contract(
        self, info: Info, input: CancelContractInput
    ) -> CancelContractPayload:
        contract = await customers.cancel_contract(info.context, input.contract_id)
        return CancelContractPayload(contract=contract)  # type: ignore[arg-type]

    @mutation(
        description="Record a payment for a contract (OWNER, ADMIN).", permission_classes=[IsAdmin]
    )
    async def record_contract_payment(
        self, info: Info, input: RecordContractPaymentInput
    ) -> RecordContractPaymentPayload:
        payment = await customers.record_contract_payment(
            info.context,
            contract_id=input.contract_id,
            amount=input.amount,
            paid_at=input.paid_at,
            note=input.note,
        )
        contract = await info.context.loaders.by_id(models.Contract).load(input.contract_id)
        return RecordContractPaymentPayload(payment=payment, contract=contract)  # type: ignore[arg-type]
