"""The service layer: the domain's operations as plain async functions taking a Context.

These are not what Strawberry calls resolvers: the Strawberry field methods live in schema/
and only delegate here. Nothing in this package imports strawberry.
"""
