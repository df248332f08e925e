"""The application factory: one FastAPI app serving the portal, the API and the feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException

from quorum.serve.etag import ETagMiddleware
from quorum.serve.queries import merged_sources
from quorum.store import db as store_db

HERE = Path(__file__).resolve().parent

#: Human names of document kinds and attendance statuses, for the templates.
KIND_NAMES = {
    "agenda": "Agenda",
    "minutes": "Minutes",
    "report": "Report",
    "appendix": "Appendix",
    "motion": "Motion",
    "cover": "Cover",
    "inspection_report": "Inspection report",
    "strategy": "Strategy",
    "action_plan": "Action plan",
    "scorecard": "Scorecard",
    "annual_report_section": "Annual report",
    "other": "Document",
    "meeting": "Meeting",
    "agenda_item": "Agenda item",
    "decision": "Decision",
    "declaration": "Declaration",
    "document": "Document",
}
STATUS_NAMES = {
    "present": "Present",
    "apologies": "Apologies",
    "reserve": "Reserve",
    "in_attendance": "In attendance",
    "absent": "Absent",
    "expected": "Expected (not recorded)",
    "not_required": "Not required",
    "unknown": "Not known",
}


def database_url_from_env(database_url: str | None = None) -> str:
    """Return ``database_url``, else $QUORUM_DATABASE_URL, else ``sqlite:///quorum.db``."""
    return store_db.database_url(database_url)


def long_date(value: str | None) -> str:
    """Format an ISO date as "Thursday 28 September 2017"; pass anything else through."""
    if not value:
        return "Date not known"
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day:%A} {day.day} {day:%B %Y}"


def make_templates() -> Jinja2Templates:
    """Return the portal's Jinja2 environment with its filters registered."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.filters["longdate"] = long_date
    env.filters["kindname"] = lambda kind: KIND_NAMES.get(kind or "", (kind or "").replace("_", " ").capitalize())
    env.filters["statusname"] = lambda status: STATUS_NAMES.get(status or "", status or "")
    env.filters["merged_sources"] = merged_sources
    env.trim_blocks = True
    env.lstrip_blocks = True
    return templates


def make_engine(database_url: str) -> Engine:
    """Open the store at ``database_url``, its schema migrated to the newest revision.

    SQLite connections are shared with the worker threads that run the routes.
    """
    if make_url(database_url).get_backend_name() == "sqlite":
        engine = store_db.make_engine(database_url, connect_args={"check_same_thread": False})
    else:
        engine = store_db.make_engine(database_url)
    store_db.migrate(engine)
    return engine


def session_scope(request: Request) -> Iterator[Session]:
    """FastAPI dependency: a read-only session bound to the app's engine, closed after the request."""
    session: Session = request.app.state.sessions()
    try:
        yield session
    finally:
        session.close()


def _wants_html(request: Request) -> bool:
    """True for portal pages (everything outside /api and /feeds)."""
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/feeds") or path == "/openapi.json")


def create_app(database_url: str | None = None) -> FastAPI:
    """Build the Quorum web app on the database at ``database_url`` (default: $QUORUM_DATABASE_URL).

    Returns a FastAPI app with the portal at ``/``, the API at ``/api/v1`` (OpenAPI at
    ``/openapi.json``, docs at ``/docs``) and feeds at ``/feeds``.
    """
    from quorum.serve.routes import api, feeds, pages

    url = database_url_from_env(database_url)
    app = FastAPI(
        docs_url=None,
        redoc_url=None,
        title="Quorum API",
        version="1.0.0",
        description=(
            "UK council meeting records as structured, linked data. Every fact carries a `source` "
            "(file, line span, pages). Lists are paginated by cursor: pass `next_cursor` back as "
            "`cursor`. Responses carry an ETag; send it as If-None-Match to get 304 Not Modified. "
            "Exempt (Part II) business is never published."
        ),
    )
    engine = make_engine(url)
    app.state.database_url = url
    app.state.engine = engine
    app.state.sessions = sessionmaker(bind=engine, expire_on_commit=False)
    app.state.templates = make_templates()
    app.add_middleware(ETagMiddleware)
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> Response:
        """Swagger UI for the API, served from the package (no CDN: the portal must work offline)."""
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Quorum API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
        )

    app.include_router(api.router)
    app.include_router(feeds.router)
    app.include_router(pages.router)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if _wants_html(request):
            title = "Page not found" if error.status_code == 404 else "Something is not right"
            return app.state.templates.TemplateResponse(
                request,
                "error.html",
                {"title": title, "message": error.detail, "section": None, "query": None},
                status_code=error.status_code,
            )
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        if _wants_html(request):
            return app.state.templates.TemplateResponse(
                request,
                "error.html",
                {
                    "title": "Something is not right",
                    "message": "A filter value is not valid.",
                    "section": None,
                    "query": None,
                },
                status_code=422,
            )
        return JSONResponse({"detail": jsonable_errors(error)}, status_code=422)

    return app


def jsonable_errors(error: RequestValidationError) -> list[dict]:
    """Return validation errors as plain JSON values (the input may hold non-JSON types)."""
    out = []
    for item in error.errors():
        out.append(
            {
                "loc": [str(part) for part in item.get("loc", ())],
                "msg": str(item.get("msg", "")),
                "type": str(item.get("type", "")),
            }
        )
    return out
