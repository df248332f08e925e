"""The ``quorum`` command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from quorum.errors import QuorumError
from quorum.model import ParseResult, to_jsonable
from quorum.pipeline import parse_path

if TYPE_CHECKING:
    from quorum.ingest.moderngov_model import SiteRecords

app = typer.Typer(
    help="Quorum: UK council meeting records as structured, linked, searchable public data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error to stderr and return the Exit to raise."""
    errors.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def expand_paths(paths: list[Path]) -> list[Path]:
    """Return the files named by ``paths``, walking folders for text packs in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES))
        else:
            files.append(path)
    return files


def result_json(result: ParseResult) -> dict:
    """Return the JSON object ``quorum parse`` prints for one parse result."""
    return to_jsonable(result)


@app.command()
def parse(
    path: Annotated[Path, typer.Argument(help="A meeting pack: text or markdown.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Also write the JSON here.")] = None,
    indent: Annotated[int, typer.Option(help="JSON indentation; 0 for one line.")] = 2,
) -> None:
    """Parse one pack and print everything extracted from it as one JSON object."""
    try:
        result = parse_path(path)
    except QuorumError as error:
        raise fail(str(error)) from None
    text = json.dumps(result_json(result), ensure_ascii=False, indent=indent or None)
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
    typer.echo(text)


@app.command()
def summary(
    paths: Annotated[list[Path], typer.Argument(help="Packs or folders of packs.")],
) -> None:
    """Parse packs and print a table of what was found in each."""
    table = Table(title="Quorum parse summary")
    for column in ("file", "lines", "documents", "meetings", "agenda items", "minutes", "reports"):
        table.add_column(column, justify="left" if column == "file" else "right")
    failures = 0
    for path in expand_paths(paths):
        try:
            result = parse_path(path)
        except QuorumError as error:
            failures += 1
            errors.print(f"[red]skipped[/] {error}", highlight=False)
            continue
        table.add_row(
            path.name,
            str(result.source.line_count),
            str(len(result.documents)),
            str(len(result.meetings)),
            str(sum(len(m.agenda) for m in result.meetings)),
            str(len(result.minutes)),
            str(len(result.reports)),
        )
    console.print(table)
    if failures:
        raise typer.Exit(1)


fetch_app = typer.Typer(help="Fetch meeting records from council web services.", no_args_is_help=True)
app.add_typer(fetch_app, name="fetch")


@fetch_app.command("moderngov")
def fetch_moderngov(
    url: Annotated[str, typer.Argument(help="The site root, e.g. https://democracy.example.gov.uk")],
    since: Annotated[str, typer.Option(help="Only meetings on or after this date (YYYY-MM-DD).")] = "2024-01-01",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Data folder (default data/moderngov/HOST).")] = None,
    delay: Annotated[float, typer.Option(help="Seconds between requests (be polite).")] = 1.0,
    retries: Annotated[int, typer.Option(help="Retries for timeouts and server errors.")] = 3,
    documents: Annotated[bool, typer.Option(help="Also download the public linked documents.")] = True,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            "--database",
            help="Store what was fetched in this database (default: $QUORUM_DATABASE_URL; neither: not stored).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Store every response again, even unchanged ones.")] = False,
) -> None:
    """Fetch a ModernGov site's committees, meetings and councillors; keep raw XML and records.json; store them.

    With a database (--database-url or $QUORUM_DATABASE_URL) the records go into the store, unchanged
    responses are skipped, and a table lists where clerk-entered attendance and the minutes disagree.
    """
    import datetime as dt
    import os
    from urllib.parse import urlparse

    from quorum.ingest.moderngov import ModernGovClient, fetch_site, write_records

    try:
        first = dt.date.fromisoformat(since)
    except ValueError:
        raise fail(f"--since {since!r} is not a date (YYYY-MM-DD)") from None
    try:
        host = urlparse(url).netloc or "site"
    except ValueError as error:
        raise fail(f"{url!r} is not a valid URL ({error})") from None
    folder = out or Path("data") / "moderngov" / host.replace(":", "_")
    try:
        with ModernGovClient(url, folder, delay=delay, retries=retries) as client:
            site = fetch_site(client, first, documents=documents, progress=lambda m: errors.print(m, highlight=False))
            stats = client.stats
    except QuorumError as error:
        raise fail(str(error)) from None
    path = write_records(site, folder)
    for warning in site.warnings:
        errors.print(f"[yellow]warning[/] {warning}", highlight=False)
    items = sum(len(m.items) for m in site.meetings)
    typer.echo(
        f"{len(site.committees)} committees, {len(site.meetings)} meetings, {items} agenda items, "
        f"{len(site.councillors)} councillors; {stats.downloaded} downloaded, {stats.not_modified} not modified; "
        f"records in {path}"
    )
    target = database_url or os.environ.get("QUORUM_DATABASE_URL")
    if not target:
        typer.echo("not stored: pass --database-url or set QUORUM_DATABASE_URL to store what was fetched")
        return
    raise typer.Exit(store_fetched(site, folder, target, force=force))


def store_fetched(site: SiteRecords, folder: Path, url: str, *, force: bool = False) -> int:
    """Store a fetched ModernGov site in the database at ``url``; print what changed and attendance disagreements.

    Returns the exit code: 0, or 1 when a response could not be stored or the database cannot be opened.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    from quorum.store.clerk_attendance import attendance_disagreements, disagreement_table
    from quorum.store.db import open_store
    from quorum.store.moderngov import store_site

    try:
        shown = make_url(url).render_as_string(hide_password=True)
        engine = open_store(url)
    except (SQLAlchemyError, OSError) as error:
        raise fail(f"cannot open the database: {error}") from None
    try:
        report = store_site(engine, site, folder, force=force)
        with Session(engine) as session:
            disagreements = attendance_disagreements(session, report.meeting_ids)
    finally:
        engine.dispose()
    for _path, error in report.failed:
        errors.print(f"[red]not stored[/] {error}", highlight=False, soft_wrap=True)
    typer.echo(
        f"stored in {shown}: {len(report.added)} added, {len(report.replaced)} replaced, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed"
    )
    if disagreements:
        console.print(disagreement_table(disagreements))
    else:
        typer.echo("attendance: no disagreement between the clerk's record and the minutes")
    return 1 if report.failed else 0


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    database_url: Annotated[
        str | None, typer.Option("--database-url", help="Database URL (default: $QUORUM_DATABASE_URL or quorum.db).")
    ] = None,
    reload: Annotated[bool, typer.Option(help="Restart when the code changes (development).")] = False,
) -> None:
    """Serve the portal, the API (/api/v1, docs at /docs) and the feeds over HTTP with uvicorn."""
    import os

    import uvicorn

    if database_url:
        os.environ["QUORUM_DATABASE_URL"] = database_url
    typer.echo(f"Quorum on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    uvicorn.run("quorum.serve.app:create_app", factory=True, host=host, port=port, reload=reload)


DatabaseOption = Annotated[
    str | None, typer.Option("--database-url", help="Database URL (default: $QUORUM_DATABASE_URL or quorum.db).")
]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Packs (text, markdown, PDF) or folders of packs.")],
    database_url: DatabaseOption = None,
    workers: Annotated[int | None, typer.Option(help="Parser processes (default: one per core).")] = None,
    force: Annotated[bool, typer.Option(help="Re-ingest files even when unchanged.")] = False,
) -> None:
    """Parse packs in parallel and store them; unchanged files are skipped, changed ones replaced."""
    from quorum.store.commands import run_ingest

    raise typer.Exit(run_ingest(paths, console, errors, url=database_url, workers=workers, force=force))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, "a phrase", prefix*, -exclude, a OR b.')],
    body: Annotated[str | None, typer.Option(help="Only this body (committee, board, panel...).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="On or after this date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="On or before this date (YYYY-MM-DD).")] = None,
    kind: Annotated[
        str | None, typer.Option(help="text, agenda_item, resolution, motion, report, or a document kind.")
    ] = None,
    person: Annotated[str | None, typer.Option(help="Only passages naming this person.")] = None,
    limit: Annotated[int, typer.Option(help="How many hits.")] = 20,
    database_url: DatabaseOption = None,
) -> None:
    """Search everything stored; print ranked hits with highlighted snippets and citations."""
    from quorum.store.commands import run_search
    from quorum.store.search import Filters

    filters = Filters(body=body, date_from=date_from, date_to=date_to, kind=kind, person=person)
    raise typer.Exit(run_search(query, filters, console, url=database_url, limit=limit))


@app.command()
def person(
    name: Annotated[str, typer.Argument(help="A name as printed (titles allowed), a family name, or an id.")],
    database_url: DatabaseOption = None,
) -> None:
    """Show a person: names printed, roles over time, attendance record per body, declarations."""
    from quorum.store.commands import run_person

    raise typer.Exit(run_person(name, console, errors, url=database_url))


@app.command()
def body(
    name: Annotated[str, typer.Argument(help="A body's name, e.g. 'Corporate Parenting Panel'.")],
    database_url: DatabaseOption = None,
) -> None:
    """Show a body's meetings and members."""
    from quorum.store.commands import run_body

    raise typer.Exit(run_body(name, console, errors, url=database_url))


@app.command()
def decisions(
    subject: Annotated[str, typer.Argument(help="What the decisions are about (full-text query).")],
    body: Annotated[str | None, typer.Option(help="Only this body.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="On or after this date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="On or before this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="How many decisions.")] = 20,
    database_url: DatabaseOption = None,
) -> None:
    """List the resolutions (decisions) on a subject, best match first."""
    from quorum.store.commands import run_decisions
    from quorum.store.search import Filters

    filters = Filters(body=body, date_from=date_from, date_to=date_to)
    raise typer.Exit(run_decisions(subject, filters, console, url=database_url, limit=limit))


@app.command()
def migrate(database_url: DatabaseOption = None) -> None:
    """Bring the database schema up to date (the other commands also do this on open)."""
    from quorum.store.commands import run_migrate

    raise typer.Exit(run_migrate(console, url=database_url))


def main() -> None:
    """Entry point of the ``quorum`` console script."""
    app()


if __name__ == "__main__":
    main()
