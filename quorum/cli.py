"""The ``quorum`` command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from quorum.errors import QuorumError
from quorum.model import ParseResult, to_jsonable
from quorum.pipeline import parse_path

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
) -> None:
    """Fetch a ModernGov site's committees, meetings and councillors; store raw XML and records.json."""
    import datetime as dt
    from urllib.parse import urlparse

    from quorum.ingest.moderngov import ModernGovClient, fetch_site, write_records

    try:
        first = dt.date.fromisoformat(since)
    except ValueError:
        raise fail(f"--since {since!r} is not a date (YYYY-MM-DD)") from None
    host = urlparse(url).netloc or "site"
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


def main() -> None:
    """Entry point of the ``quorum`` console script."""
    app()


if __name__ == "__main__":
    main()
