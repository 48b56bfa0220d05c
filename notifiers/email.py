"""The e-mail channel: text and HTML mails through aiosmtplib to FRONTDESK_SMTP_URL."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import unquote, urlencode, urlsplit

import aiosmtplib

from models.accounts import User
from models.notifications import Delivery, SecurityMail
from notifiers.channels import DeliveryFailed, texts_of, values_of
from notifiers.messages import Mail, mail
from settings import Settings

DELIVERY_HEADER = "X-Frontdesk-Delivery"
# The web app's page that takes the one-time token a security mail carries.
TOKEN_PAGES = {
    SecurityMail.INVITATION: "accept-invitation",
    SecurityMail.PASSWORD_RESET: "reset-password",
}
logger = logging.getLogger("frontdesk.email")


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to send: smtp:// (STARTTLS when offered), smtp+starttls://, smtps://."""

    host: str
    port: int
    username: str | None
    password: str | None
    use_tls: bool
    start_tls: bool | None

    @classmethod
    def from_url(cls, url: str) -> SmtpServer:
        parts = urlsplit(url)
        implicit = parts.scheme == "smtps"
        required = parts.scheme == "smtp+starttls"
        return cls(
            host=parts.hostname or "localhost",
            port=parts.port or (465 if implicit else 587 if required else 25),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            use_tls=implicit,
            start_tls=True if required else None,
        )


class EmailChannel:
    def __init__(self, settings: Settings) -> None:
        self.server = SmtpServer.from_url(settings.smtp_url) if settings.smtp_url else None
        # Development without SMTP: mails go to the log (an invitation link can be copied).
        self.to_log = self.server is None and not settings.production
        self.sender = settings.mail_from
        self.app_url = (settings.app_url or "").rstrip("/")

    def compose(self, delivery: Delivery, user: User) -> Mail:
        """The mail of a delivery, in the recipient's language."""
        values = values_of(delivery, user)
        if delivery.kind in SecurityMail.__members__:
            page = TOKEN_PAGES.get(SecurityMail(delivery.kind))
            if page is not None:
                query = urlencode({"token": delivery.params.get("token", "")})
                values["link"] = f"{self.app_url}/{page}?{query}"
            return mail(delivery.kind.lower(), user.language, values)
        title, body = texts_of(delivery, user)
        return mail(
            "notification",
            user.language,
            {**values, "title": title, "body": body, "link": self.app_url},
        )

    async def send(self, delivery: Delivery, user: User) -> None:
        composed = self.compose(delivery, user)
        if self.to_log:
            logger.warning(
                "FRONTDESK_SMTP_URL is not set; not sent, only logged: mail to %s: %s\n%s",
                user.email,
                composed.subject,
                composed.text,
            )
            return
        if self.server is None:
            raise DeliveryFailed("FRONTDESK_SMTP_URL is not set")
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = user.email
        message["Subject"] = composed.subject
        message["Message-ID"] = make_msgid(domain="frontdesk")
        message[DELIVERY_HEADER] = str(delivery.pk)
        message["Content-Language"] = user.language
        message.set_content(composed.text)
        message.add_alternative(composed.html, subtype="html")
        server = self.server
        try:
            await aiosmtplib.send(
                message,
                hostname=server.host,
                port=server.port,
                username=server.username,
                password=server.password,
                use_tls=server.use_tls,
                start_tls=server.start_tls,
                timeout=30,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            raise DeliveryFailed(f"recipient refused: {exc}", retry=False) from None
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise DeliveryFailed(f"SMTP: {type(exc).__name__}: {exc}") from None

    async def close(self) -> None:
        pass
