"""This process's open WebSockets by session, so a revoked session's sockets close at once."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from subscriptions.bus import EventBus
from subscriptions.sessions import SESSIONS_TOPIC, SessionsEnded

logger = logging.getLogger("frontdesk.connections")

SESSION_ENDED = 4403  # graphql-transport-ws "Forbidden": the client must sign in again


class OpenSockets:
    """Sockets by session id; `watch` closes those whose session ends, in whatever process."""

    def __init__(self) -> None:
        self._by_session: dict[str, set[Any]] = {}

    def add(self, session_id: str, websocket: Any) -> None:
        self._by_session.setdefault(session_id, set()).add(websocket)

    def discard(self, session_id: str, websocket: Any) -> None:
        sockets = self._by_session.get(session_id)
        if sockets is not None:
            sockets.discard(websocket)
            if not sockets:
                del self._by_session[session_id]

    def __len__(self) -> int:
        return sum(len(sockets) for sockets in self._by_session.values())

    async def close_sessions(self, session_ids: list[str]) -> int:
        closing = [ws for sid in session_ids for ws in self._by_session.pop(sid, ())]
        await asyncio.gather(*(self._close(ws) for ws in closing))
        return len(closing)

    @staticmethod
    async def _close(websocket: Any) -> None:
        try:
            await websocket.close(code=SESSION_ENDED, reason="Session ended")
        except Exception:  # noqa: BLE001 - already closing or gone: nothing left to do
            pass

    async def watch(self, bus: EventBus, ready: asyncio.Event | None = None) -> None:
        """Close sockets of every SessionsEnded event, until cancelled."""
        async with bus.subscribe(SESSIONS_TOPIC) as events:
            if ready is not None:
                ready.set()
            async for event in events:
                if isinstance(event, SessionsEnded):
                    closed = await self.close_sessions(event.session_ids)
                    if closed:
                        logger.info("closed %d socket(s) of ended sessions", closed)
