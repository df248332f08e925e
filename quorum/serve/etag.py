"""ETag caching for GET: a strong validator from the body, and 304 on If-None-Match.

HEAD responses carry no body to hash, so they pass through untouched.

Written as plain ASGI middleware (rather than Starlette's BaseHTTPMiddleware) so it buffers only
the response it is hashing and leaves non-GET requests untouched.
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def etag_for(body: bytes) -> str:
    """Return the quoted strong ETag of a response body."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Return True when an If-None-Match header value matches ``etag`` (weak comparison, RFC 9110)."""
    if if_none_match.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(candidate.strip().removeprefix("W/") == bare for candidate in if_none_match.split(","))


class ETagMiddleware:
    """Add an ETag to successful GET responses and answer 304 when the client has it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the wrapped app, buffering a GET response to hash it."""
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        request_headers = Headers(scope=scope)
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffer(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            assert start is not None
            await _finish(start, b"".join(chunks), request_headers, send)

        await self.app(scope, receive, buffer)


async def _finish(start: Message, body: bytes, request_headers: Headers, send: Send) -> None:
    """Send a buffered response, with an ETag added, or a bodiless 304 when it matches."""
    headers = MutableHeaders(raw=list(start["headers"]))
    if start["status"] != 200:
        await send(start)
        await send({"type": "http.response.body", "body": body})
        return
    etag = headers.get("etag") or etag_for(body)
    headers["etag"] = etag
    if "cache-control" not in headers:
        headers["cache-control"] = "no-cache"
    if_none_match = request_headers.get("if-none-match")
    if if_none_match and etag_matches(if_none_match, etag):
        kept = {"etag", "cache-control", "vary", "content-location", "date", "expires"}
        raw = [(k, v) for k, v in headers.raw if k.decode("latin-1").lower() in kept]
        await send({"type": "http.response.start", "status": 304, "headers": raw})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({**start, "headers": headers.raw})
    await send({"type": "http.response.body", "body": body})
