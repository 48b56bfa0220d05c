"""All configuration, read once from FRONTDESK_* environment variables into one frozen object."""

from __future__ import annotations

import functools
import re
from typing import Annotated, Literal

from limits import parse_many
from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_ORIGIN = re.compile(r"^https?://[^/\s]+$")
DEVELOPMENT_SECRET_KEY = "frontdesk-development-secret-do-not-use-in-production"
# The languages frontdesk speaks, each with its catalogue in resolvers/locales/<code>.po. The list
# lives here because settings imports nothing of ours; resolvers/i18n.py loads the catalogues by it.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "tr")


class SettingsError(Exception):
    """A setting has a bad value; the message names the variable and says why."""


class Settings(BaseSettings):
    """Every FRONTDESK_* variable; the README documents each one."""

    model_config = SettingsConfigDict(env_prefix="FRONTDESK_", frozen=True, extra="ignore")

    env: Literal["development", "production"] = "development"
    database_url: str = "sqlite://./frontdesk.sqlite3"
    broadcast_url: str = "memory://"
    secret_key: SecretStr = SecretStr(DEVELOPMENT_SECRET_KEY)
    graphiql: bool | None = None
    debug: bool = False
    smtp_url: str | None = None
    push_url: str | None = None
    storage_dir: str = "./storage"
    access_token_ttl: int = Field(default=900, ge=60, le=86_400)
    refresh_token_ttl: int = Field(default=30 * 86_400, ge=3600, le=365 * 86_400)
    invitation_ttl: int = Field(default=7 * 86_400, ge=3600, le=90 * 86_400)
    login_limit_per_account: str = "5/15 minutes"
    login_limit_per_address: str = "30/minute"
    password_reset_ttl: int = Field(default=3600, ge=300, le=7 * 86_400)
    password_reset_limit_per_account: str = "3/hour"
    password_reset_limit_per_address: str = "20/hour"
    allowed_origins: Annotated[tuple[str, ...], NoDecode] = ()
    max_query_depth: int = Field(default=12, ge=2, le=50)
    max_query_tokens: int = Field(default=2000, ge=100, le=100_000)
    max_aliases: int = Field(default=15, ge=1, le=1000)
    default_language: str = "en"
    presence_grace_period: int = Field(default=60, ge=0, le=3600)
    mail_from: str = "frontdesk <no-reply@frontdesk.localhost>"
    app_url: str = "http://127.0.0.1:8000"
    push_token: SecretStr | None = None
    serve_dispatcher: bool = True
    dispatcher_poll_interval: float = Field(default=2.0, gt=0, le=300)
    delivery_max_attempts: int = Field(default=8, ge=1, le=100)
    delivery_backoff: float = Field(default=30.0, gt=0, le=86_400)
    delivery_lease: float = Field(default=120.0, ge=1, le=86_400)
    delivery_retention_days: int = Field(default=30, ge=1, le=3650)

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgres://", "asyncpg://")):
            raise ValueError("must start with sqlite:// or postgres://")
        return value

    @field_validator("broadcast_url")
    @classmethod
    def _known_broadcast(cls, value: str) -> str:
        if not value.startswith(("memory://", "redis://", "rediss://")):
            raise ValueError("must be memory:// or a redis:// URL")
        return value

    @field_validator("smtp_url")
    @classmethod
    def _smtp(cls, value: str | None) -> str | None:
        if value and not value.startswith(("smtp://", "smtps://", "smtp+starttls://")):
            raise ValueError(
                "must be smtp://, smtp+starttls:// or smtps://[USER:PASSWORD@]HOST[:PORT]"
            )
        return value or None

    @field_validator("push_url")
    @classmethod
    def _push_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value or None

    @field_validator("app_url")
    @classmethod
    def _app_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL (where the web app runs)")
        return value.rstrip("/")

    @field_validator(
        "login_limit_per_account",
        "login_limit_per_address",
        "password_reset_limit_per_account",
        "password_reset_limit_per_address",
    )
    @classmethod
    def _rate_limit(cls, value: str) -> str:
        try:
            parse_many(value)
        except ValueError as exc:
            raise ValueError(f"not a rate limit such as '5/15 minutes': {exc}") from None
        return value

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("allowed_origins")
    @classmethod
    def _origins(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for origin in value:
            if origin != "*" and not _ORIGIN.match(origin):
                raise ValueError(
                    f"{origin!r} is not an origin such as https://app.example.com (no path)"
                )
        return value

    @field_validator("default_language")
    @classmethod
    def _supported_language(cls, value: str) -> str:
        if value not in SUPPORTED_LANGUAGES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LANGUAGES)}")
        return value

    @model_validator(mode="after")
    def _production_is_locked_down(self) -> Settings:
        if self.production:
            secret = self.secret_key.get_secret_value()
            if secret == DEVELOPMENT_SECRET_KEY or len(secret) < 32:
                raise ValueError(
                    "FRONTDESK_SECRET_KEY must be set to a random value of at least 32 "
                    "characters in production (python -c 'import secrets; "
                    "print(secrets.token_urlsafe(48))')"
                )
            if self.graphiql:
                raise ValueError("FRONTDESK_GRAPHIQL cannot be turned on in production")
        return self

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def graphiql_enabled(self) -> bool:
        return not self.production if self.graphiql is None else self.graphiql


def load_settings() -> Settings:
    """Read the environment, or raise SettingsError naming each bad variable."""
    try:
        return Settings()
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            name = f"FRONTDESK_{where.upper()}" if where else "settings"
            lines.append(f"{name}: {error['msg'].removeprefix('Value error, ')}")
        raise SettingsError("bad configuration:\n  " + "\n  ".join(lines)) from None


@functools.cache
def get_settings() -> Settings:
    """The settings of this process (read once; tests clear the cache to re-read)."""
    return load_settings()
