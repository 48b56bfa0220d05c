"""Documents on tickets: checked uploads in FRONTDESK_STORAGE_DIR, signed expiring downloads."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import re
import uuid
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from models.accounts import User
from models.clock import now
from models.tickets import Document, Ticket
from resolvers.context import Context
from resolvers.errors import DomainError
from resolvers.tenancy import get_in_company
from resolvers.tickets import audit
from resolvers.tickets.audit import change
from resolvers.tickets.events import queue_event
from resolvers.tickets.records import ticket_in_company
from resolvers.unit_of_work import unit_of_work
from settings import get_settings

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOWNLOAD_URL_TTL = 900  # seconds a download link works
_CHUNK = 64 * 1024
# What may be attached: extension -> the content type it is served with, and the first
# bytes such a file must start with (None: text and office formats are not sniffed).
ALLOWED_TYPES: dict[str, tuple[str, bytes | None]] = {
    "pdf": ("application/pdf", b"%PDF-"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    "gif": ("image/gif", b"GIF8"),
    "txt": ("text/plain", None),
    "csv": ("text/csv", None),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    "odt": ("application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
}
_UNSAFE = re.compile(r"[^\w.\- ()]+")
logger = logging.getLogger("frontdesk.documents")


class Readable(Protocol):
    async def read(self, size: int = -1) -> bytes: ...


def safe_filename(name: str | None) -> str:
    """The last path part of a client's file name, without characters that could harm; empty
    when nothing usable is left."""
    base = re.split(r"[\\/]", name or "")[-1]
    return _UNSAFE.sub("_", base).strip(" .")[:200]


def storage_dir() -> Path:
    return Path(get_settings().storage_dir)


async def attach_document(
    ctx: Context, *, ticket_id: int, filename: str | None, file: Readable
) -> Document:
    """Store an uploaded file on a ticket, within the size and type limits."""
    user = ctx.require_user()
    name = safe_filename(filename)
    if not name:  # no name (a multipart part without a filename is no file), or only dots
        raise DomainError("INVALID_FILE_NAME", "file")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_TYPES:
        raise DomainError("FILE_TYPE_REFUSED", "file", allowed=", ".join(sorted(ALLOWED_TYPES)))
    content_type, magic = ALLOWED_TYPES[extension]
    await ticket_in_company(ctx, ticket_id)  # before reading a byte: a foreign ticket is out
    folder = storage_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stored_name = uuid.uuid4().hex
    path = folder / stored_name
    size = 0
    try:
        with path.open("xb") as out:
            while chunk := await file.read(_CHUNK):
                if size == 0 and magic is not None and not chunk.startswith(magic):
                    raise DomainError("FILE_TYPE_REFUSED", "file", allowed=extension)
                size += len(chunk)
                if size > MAX_DOCUMENT_BYTES:
                    raise DomainError("FILE_TOO_LARGE", "file", max_mb=MAX_DOCUMENT_BYTES >> 20)
                out.write(chunk)
        if size == 0:
            raise DomainError("FILE_EMPTY", "file")
        async with unit_of_work(ctx):
            ticket = await ticket_in_company(ctx, ticket_id)
            document = await Document.create(
                id=uuid.uuid4(),
                company_id=ticket.company_id,
                ticket_id=ticket.pk,
                filename=name,
                stored_name=stored_name,
                content_type=content_type,
                size=size,
                uploaded_by_id=user.pk,
            )
            await ticket.save(update_fields=["updated_at"])
            await audit.record(ctx, ticket, "DOCUMENT_ADDED", {"document": change(None, name)})
            queue_event(ctx, ticket, "DOCUMENT_ADDED")
    except BaseException:
        path.unlink(missing_ok=True)  # nothing stays behind a refused or failed upload
        raise
    return document


async def delete_document(ctx: Context, document_id: uuid.UUID) -> Ticket:
    """Remove a document from its ticket; its file goes once the removal has committed."""
    ctx.require_user()
    async with unit_of_work(ctx):
        document = await get_in_company(ctx, Document, document_id, "documentId", for_update=True)
        ticket = await ticket_in_company(ctx, document.ticket_id, "documentId")
        await document.delete()
        await ticket.save(update_fields=["updated_at"])
        await audit.record(
            ctx, ticket, "DOCUMENT_DELETED", {"document": change(document.filename, None)}
        )
        ctx.on_commit(partial(remove_stored_file, storage_dir() / document.stored_name))
        queue_event(ctx, ticket, "UPDATED")
    return ticket


async def remove_stored_file(path: Path) -> None:
    """Delete a stored file; one that is already gone is fine."""
    try:
        await asyncio.to_thread(path.unlink, missing_ok=True)
    except OSError:
        # The row is gone and the change committed: a file left behind is only disk space.
        logger.warning("could not delete the stored file %s", path.name, exc_info=True)


def _signature(document_id: str, user_id: int, expires: int) -> str:
    key = get_settings().secret_key.get_secret_value().encode()
    message = f"document:{document_id}:{user_id}:{expires}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def download_url(ctx: Context, document: Document) -> str:
    """A link to the file for the caller; it works for FRONTDESK's DOWNLOAD_URL_TTL seconds."""
    user = ctx.require_user()
    expires = int(now().timestamp()) + DOWNLOAD_URL_TTL
    signature = _signature(str(document.pk), user.pk, expires)
    return f"/documents/{document.pk}?user={user.pk}&expires={expires}&signature={signature}"


@dataclass
class Download:
    path: Path
    filename: str
    content_type: str


async def open_download(
    document_id: str, user_id: str, expires: str, signature: str
) -> Download | None:
    """The file behind a signed link, or None when the link is wrong, expired, or its user
    is no longer an active member of the document's company."""
    try:
        document_uuid = uuid.UUID(document_id)
        user_key, expiry = int(user_id), int(expires)
    except ValueError:
        return None
    expected = _signature(str(document_uuid), user_key, expiry)
    if not hmac.compare_digest(expected, signature) or expiry < now().timestamp():
        return None
    document = await Document.get_or_none(id=document_uuid)
    if document is None:
        return None
    user = await User.get_or_none(id=user_key, is_active=True)
    if user is None or user.company_id != document.company_id:
        return None
    path = storage_dir() / document.stored_name
    if not path.is_file():
        return None
    return Download(path=path, filename=document.filename, content_type=document.content_type)
