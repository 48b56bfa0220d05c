"""A real local HTTP server that answers like FCM HTTP v1's messages:send."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.live import serve

SEND_PATH = "/v1/projects/frontdesk-test/messages:send"
BEARER = "push-provider-test-token"


class PushProvider:
    """Keeps what it accepted; answers UNREGISTERED for `invalid` tokens, 503 for `failing`."""

    def __init__(self) -> None:
        self.accepted: list[dict[str, Any]] = []
        self.refused: list[dict[str, Any]] = []
        self.invalid: set[str] = set()
        self.failing: set[str] = set()
        self.app = Starlette(routes=[Route(SEND_PATH, self.send, methods=["POST"])])
        self.url = ""

    async def send(self, request: Request) -> JSONResponse:
        if request.headers.get("authorization") != f"Bearer {BEARER}":
            return JSONResponse({"error": {"code": 401, "status": "UNAUTHENTICATED"}}, 401)
        body = await request.json()
        token = body["message"]["token"]
        if token in self.invalid:
            self.refused.append(body)
            return JSONResponse(
                {
                    "error": {
                        "code": 404,
                        "message": "Requested entity was not found.",
                        "status": "NOT_FOUND",
                        "details": [
                            {
                                "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                                "errorCode": "UNREGISTERED",
                            }
                        ],
                    }
                },
                404,
            )
        if token in self.failing:
            self.refused.append(body)
            return JSONResponse({"error": {"code": 503, "status": "UNAVAILABLE"}}, 503)
        self.accepted.append(body)
        return JSONResponse({"name": f"projects/frontdesk-test/messages/{len(self.accepted)}"})

    def to(self, token: str) -> list[dict[str, Any]]:
        return [body["message"] for body in self.accepted if body["message"]["token"] == token]

    async def start(self) -> None:
        self._server, self._task, ws_url = await serve(self.app)
        self.url = ws_url.replace("ws://", "http://").replace("/graphql", SEND_PATH)

    async def stop(self) -> None:
        self._server.should_exit = True
        await self._task
