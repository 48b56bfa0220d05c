"""The GraphQL endpoint: context per request, WebSocket sign-in, and GraphQL-over-HTTP answers."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, cast

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLSyntaxError, OperationDefinitionNode, parse
from graphql.language import ListTypeNode, NamedTypeNode, NonNullTypeNode, TypeNode
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from resolvers import presence
from resolvers.context import Context
from resolvers.i18n import negotiate_language
from resolvers.sessions import authenticate
from schema import debug
from schema.fanout import FanoutTransportWSHandler
from schema.loaders import make_loaders
from settings import Settings
from subscriptions.connections import OpenSockets
from subscriptions.presence import current_liveness

logger = logging.getLogger("frontdesk.view")

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
# Apollo Server's csrfPrevention: a multipart/form-data request (a "simple" request, which a
# cross-site HTML form can send without a preflight) must carry one of these, non-empty.
PREFLIGHT_HEADERS = ("apollo-require-preflight", "x-apollo-operation-name")


def _bearer(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    scheme, _, token = value.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _prefers_graphql_response_json(accept: str) -> bool:
    """Whether the client asked for application/graphql-response+json over application/json."""
    best: tuple[float, int, str] | None = None
    for position, part in enumerate(accept.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        media = media.lower()  # media types are case-insensitive (RFC 9110)
        if media not in (GRAPHQL_RESPONSE_JSON, "application/json"):
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0 and (best is None or (quality, -position) > (best[0], best[1])):
            best = (quality, -position, media)
    return best is not None and best[2] == GRAPHQL_RESPONSE_JSON


def _named_type(node: TypeNode) -> str:
    """The name under a variable type's list and non-null wrappers."""
    while isinstance(node, (ListTypeNode, NonNullTypeNode)):
        node = node.type
    assert isinstance(node, NamedTypeNode)
    return node.name.value


def _upload_variables(query: str, operation_name: object) -> set[str]:
    """The variables of the chosen operation declared with the Upload type."""
    try:
        document = parse(query)
    except GraphQLSyntaxError:
        return set()
    return {
        definition.variable.name.value
        for operation in document.definitions
        if isinstance(operation, OperationDefinitionNode)
        and (operation_name is None or (operation.name and operation.name.value == operation_name))
        for definition in operation.variable_definitions or ()
        if _named_type(definition.type) == "Upload"
    }


def _mapped_paths(files_map: object) -> list[str]:
    """Every path of a multipart `map`, or none if the map is not an object of string lists."""
    if not isinstance(files_map, dict):
        return []
    paths: list[object] = [
        path
        for value in files_map.values()
        for path in (value if isinstance(value, list) else [None])
    ]
    return [str(path) for path in paths] if all(isinstance(p, str) for p in paths) else []


class GraphQLView(GraphQL[Context, None]):
    """strawberry's ASGI view with frontdesk's context, auth and HTTP answers."""

    def __init__(self, schema: Any, settings: Settings, sockets: OpenSockets) -> None:
        protocols = [GRAPHQL_TRANSPORT_WS_PROTOCOL]
        if not settings.production:
            protocols.append(GRAPHQL_WS_PROTOCOL)  # old clients, in development only
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql_enabled else None,
            allow_queries_via_get=True,
            subscription_protocols=protocols,
            connection_init_wait_timeout=timedelta(seconds=10),
            allowed_origins=settings.allowed_origins,
            # attachDocument takes its file by the GraphQL multipart request spec.
            multipart_uploads_enabled=True,
        )
        self.settings = settings
        self.sockets = sockets
        self.graphql_transport_ws_handler_class = FanoutTransportWSHandler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            websocket = WebSocket(scope, receive=receive, send=send)
            try:
                await self.run(websocket)
            finally:
                await self._closed(websocket)
            return
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        # strawberry's own HTTP branch, plus the Allow header that a 405 must carry (RFC 9110),
        # and a request that is no GraphQL request answered as a GraphQL error.
        request = Request(scope, receive=receive)
        try:
            response = await self.run(request)
        except HTTPException as exc:
            response = self._refused(request, exc)
        await response(scope, receive, send)

    def _refused(self, request: Request, exc: HTTPException) -> Response:
        """The answer to a request refused before it ran: a 400 is a GraphQL response with
        one error (the GraphQL-over-HTTP spec's request error), anything else plain text."""
        if exc.status_code == 400:
            accept = request.headers.get("accept", "")
            media_type = (
                f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8"
                if _prefers_graphql_response_json(accept)
                else "application/json"
            )
            body = orjson.dumps({"errors": [{"message": exc.reason}]})
            return Response(body, status_code=400, media_type=media_type)
        headers = None
        if exc.status_code == 405:  # a mutation over GET, or a method other than GET/POST
            headers = {"Allow": "POST" if request.method == "GET" else "GET, POST"}
        return PlainTextResponse(exc.reason, status_code=exc.status_code, headers=headers)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        # strawberry reads a JSON body as an object (a 500 for a string, a number or null):
        # its first character tells, without decoding it twice. No batching, so no array.
        if request.method == "POST" and "application/json" in (request.content_type or ""):
            body = await request.get_body()
            if not body.lstrip(b" \t\r\n").startswith(b"{"):
                raise HTTPException(400, "The request body must be a JSON object.")
        return await super().parse_http_body(request)

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, Any]:
        # Multipart is for uploads only: a request a cross-site form could send is refused, and
        # so is one whose operation takes no file (it would run any mutation without a preflight).
        if not any(request.headers.get(name, "").strip() for name in PREFLIGHT_HEADERS):
            raise HTTPException(
                400,
                "A multipart request must carry a non-empty Apollo-Require-Preflight "
                "or X-Apollo-Operation-Name header.",
            )
        try:
            form_data = await request.get_form_data()
        except ValueError as exc:
            raise HTTPException(400, "Unable to parse the multipart body") from exc
        try:
            return self._uploads(form_data.form, form_data.files)
        except HTTPException:
            for upload in form_data.files.values():
                if not isinstance(upload, str):  # starlette gives the text fields here too
                    await upload.close()  # refused before any resolver could close the file
            raise

    def _uploads(self, form: Mapping[str, Any], files: Mapping[str, Any]) -> dict[str, Any]:
        """The operation of a multipart form, with its files in place of its Upload variables."""
        operations = self.parse_json(form.get("operations", "{}"))
        files_map = self.parse_json(form.get("map", "{}"))
        if not isinstance(operations, dict) or not isinstance(operations.get("query"), str):
            raise HTTPException(400, "The multipart `operations` field must be a JSON object.")
        if not isinstance(operations.get("variables"), dict):
            raise HTTPException(400, "The multipart operation's `variables` must be an object.")
        uploads = _upload_variables(operations["query"], operations.get("operationName"))
        paths = _mapped_paths(files_map)
        if not paths or not all(
            path.startswith("variables.") and path.split(".")[1] in uploads for path in paths
        ):
            raise HTTPException(
                400, "A multipart request must map its files to the operation's Upload variables."
            )
        try:
            return replace_placeholders_with_files(operations, files_map, files)
        except KeyError as exc:
            raise HTTPException(400, "File(s) missing in form data") from exc
        except (IndexError, TypeError, ValueError) as exc:
            raise HTTPException(400, "The multipart `map` names no place in `variables`.") from exc

    def encode_json(self, data: object) -> str:
        # orjson: several times faster than json for every answer and every event sent. Text,
        # not bytes: graphql-transport-ws messages must be text frames.
        return orjson.dumps(data).decode()

    def decode_json(self, data: str | bytes) -> object:
        return orjson.loads(data)

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        counter = debug.start_counting() if self.settings.debug else None
        ctx = Context(
            request=request,
            response=response,
            client_address=request.client.host if request.client else None,
            user_agent=request.headers.get("user-agent"),
        )
        if isinstance(request, Request):
            token = _bearer(request.headers.get("authorization"))
            if token:
                await self._sign_in(ctx, token)
        ctx.language = (
            ctx.user.language
            if ctx.user
            else negotiate_language(request.headers.get("accept-language"))
            or self.settings.default_language
        )
        ctx.loaders = make_loaders(ctx)
        request.state.frontdesk = (ctx, counter)
        return ctx

    async def _sign_in(self, ctx: Context, token: str) -> bool:
        found = await authenticate(token)
        if found is None:
            return False
        ctx.user, ctx.session = found
        ctx.language = ctx.user.language
        return True

    async def on_ws_connect(self, context: Context) -> Any:
        """connection_init must carry {"Authorization": "Bearer <token>"} or {"authToken": ...}."""
        params = context.connection_params or {}
        token = _bearer(params.get("Authorization") or params.get("authorization"))
        if token is None and isinstance(params.get("authToken"), str):
            token = params["authToken"]
        if not token or not await self._sign_in(context, token):
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED"})
        context.loaders = make_loaders(context)
        assert context.user is not None and context.session is not None
        context.connection_id = current_liveness().new_connection_id()
        self.sockets.add(str(context.session.pk), context.request)
        await presence.connection_opened(context)
        return None

    async def _closed(self, websocket: WebSocket) -> None:
        """The socket is gone: forget it, and let presence know."""
        state = getattr(websocket.state, "frontdesk", None)
        if state is None:
            return
        ctx: Context = state[0]
        if ctx.session is None or ctx.connection_id is None or ctx.user is None:
            return
        self.sockets.discard(str(ctx.session.pk), websocket)
        try:
            await presence.connection_closed(ctx.user.pk, ctx.connection_id)
        except Exception:  # noqa: BLE001 - Redis away: the heartbeat expiry catches up
            logger.exception("could not record a closed connection")

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        sub_response.graphql_response_json = _prefers_graphql_response_json(  # type: ignore[attr-defined]
            request.headers.get("accept", "")
        )
        return sub_response

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        try:
            return await super().execute_single(
                request=request,
                request_adapter=request_adapter,
                sub_response=sub_response,
                context=context,
                root_value=root_value,
                request_data=request_data,
            )
        except HTTPException as exc:
            # GraphQL over HTTP: a mutation sent with GET is 405 Method Not Allowed, not 400.
            refused = exc.__cause__
            if (
                isinstance(refused, InvalidOperationTypeError)
                and refused.operation_type == OperationType.MUTATION
                and request_adapter.method == "GET"
            ):
                raise HTTPException(405, exc.reason) from refused
            raise

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        data = await super().process_result(request, result)
        wants_graphql_response = _prefers_graphql_response_json(request.headers.get("accept", ""))
        # A request that never executed (syntax, validation, variables) has no `data` entry in
        # application/graphql-response+json, and gets a 4xx (see create_response).
        if (
            wants_graphql_response
            and result.data is None
            and result.errors
            and all(error.path is None for error in result.errors)
        ):
            data.pop("data", None)
        state = getattr(request.state, "frontdesk", None)
        if state is not None and state[1] is not None:
            # cast: strawberry's process_result leaves `extensions` out, never None.
            extensions = cast("dict[str, object]", data.setdefault("extensions", {}))
            extensions["debug"] = {"sqlStatements": state[1][0]}
        return data

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        # strawberry's GraphQL.create_response, with the body encoded once, to bytes
        # (encode_json gives text for WebSocket frames: decoded, then encoded again here).
        response = Response(orjson.dumps(response_data), media_type="application/json")
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.background:
            response.background = sub_response.background
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        if getattr(sub_response, "graphql_response_json", False):
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8"
            # Keep a 4xx/5xx a resolver chose; a response without `data` must not be a 2xx.
            no_data = isinstance(response_data, dict) and "data" not in response_data
            if no_data and response.status_code < 400:
                response.status_code = 400
        return response
