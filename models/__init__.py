"""Tortoise models, one module per domain, and the ORM configuration built from a database URL."""

from __future__ import annotations

from typing import Any

MODEL_MODULES = [
    "models.accounts",
    "models.presence",
    "models.notifications",
    "models.integrations",
    "models.customers",
    "models.tickets",
]


def dialect_of(database_url: str) -> str:
    """'sqlite' or 'postgres': which migration set a database URL needs."""
    return "sqlite" if database_url.startswith("sqlite") else "postgres"


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The Tortoise ORM configuration for one database (aerich's own model included)."""
    return {
        "connections": {"default": database_url},
        "apps": {
            "models": {
                "models": [*MODEL_MODULES, "aerich.models"],
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }
