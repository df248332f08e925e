"""What the store's commands print: ``quorum ingest``, ``search``, ``person``, ``body``, ``decisions``, ``migrate``.

The commands themselves are declared in :mod:`quorum.cli`; each calls one
``run_*`` function here with a Rich console, so the rendering can be tested
without a terminal. Every ``run_*`` returns the process exit code.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import text
from sqlalchemy.orm import Session

from quorum.store import queries
from quorum.store.db import database_url, open_store
from quorum.store.ingest import expand_paths, ingest_paths
from quorum.store.search import MARK_END, MARK_START, Filters, Hit, search


def highlight(snippet: str) -> str:
    """Turn a snippet with match markers into Rich markup (the text itself escaped)."""
    parts = []
    for index, piece in enumerate(snippet.replace(MARK_END, MARK_START).split(MARK_START)):
        parts.append(f"[bold yellow]{escape(piece)}[/]" if index % 2 else escape(piece))
    return " ".join("".join(parts).split())


def run_ingest(
    paths: list[Path], console: Console, errors: Console, *, url: str | None, workers: int | None, force: bool
) -> int:
    """Ingest ``paths`` with a progress bar, then print failures and a summary; 1 if any file failed."""
    engine = open_store(url)
    total = len(expand_paths(paths))
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=errors,
        transient=False,
    ) as progress:
        task = progress.add_task("", total=total)

        def advance(path: str, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome} {Path(path).name}")

        report = ingest_paths(engine, paths, progress=advance, workers=workers, force=force)
    engine.dispose()
    if report.failed:
        table = Table(title="Failures", title_style="bold red")
        table.add_column("file", overflow="fold")
        table.add_column("error", overflow="fold")
        for path, error in report.failed:
            table.add_row(escape(Path(path).name), escape(error))
        errors.print(table)
    console.print(
        f"{report.total} files: {len(report.added)} added, {len(report.replaced)} replaced, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed "
        f"→ {escape(database_url(url))}",
        highlight=False,
    )
    return 1 if report.failed else 0


def print_hits(hits: list[Hit], console: Console) -> None:
    """Print search hits: where, when, which body, the highlighted snippet and the citation."""
    if not hits:
        console.print("No matches.")
        return
    for number, hit in enumerate(hits, 1):
        head = " · ".join(x for x in (hit.kind, hit.date, hit.body, hit.title) if x)
        console.print(f"[bold]{number}.[/] [cyan]{escape(head)}[/]", highlight=False, soft_wrap=True)
        console.print(f"   {highlight(hit.snippet)}", highlight=False, soft_wrap=True)
        console.print(f"   [dim]{escape(hit.citation)}[/]", highlight=False, soft_wrap=True)
        for other in hit.also_in:
            console.print(f"   [dim]also in {escape(other)}[/]", highlight=False, soft_wrap=True)


def run_search(query: str, filters: Filters, console: Console, *, url: str | None, limit: int) -> int:
    """Search the store and print ranked hits; 0 even when nothing matches."""
    engine = open_store(url)
    with Session(engine) as session:
        print_hits(search(session, query, filters, limit=limit), console)
    engine.dispose()
    return 0


def run_decisions(subject: str, filters: Filters, console: Console, *, url: str | None, limit: int) -> int:
    """Print the resolutions about ``subject``."""
    engine = open_store(url)
    with Session(engine) as session:
        print_hits(queries.decisions(session, subject, filters, limit=limit), console)
    engine.dispose()
    return 0


def run_person(name: str, console: Console, errors: Console, *, url: str | None) -> int:
    """Print each person matching ``name``: names, roles over time, attendance, declarations, candidates."""
    engine = open_store(url)
    with Session(engine) as session:
        found = queries.people(session, name)
        if not found:
            errors.print(f"No person matches {escape(name)!r}.", highlight=False, soft_wrap=True)
            return 1
        for person in found:
            title = f"{person.honorific_prefix} {person.name}" if person.honorific_prefix else person.name
            console.rule(f"[bold]{escape(title)}[/] (#{person.id})")
            console.print(
                "Printed as: " + "; ".join(escape(a) for a in person.aliases), highlight=False, soft_wrap=True
            )
            roles = Table(title="Roles")
            for column in ("body", "role", "as printed", "first seen", "last seen", "times", "source"):
                roles.add_column(column)
            for spell in queries.roles(session, person.id):
                roles.add_row(
                    *(escape(str(x or "")) for x in (spell.body, spell.role, spell.label, spell.first_seen)),
                    escape(spell.last_seen or ""),
                    str(spell.times),
                    escape(spell.citation),
                )
            console.print(roles)
            attendance = Table(title="Attendance")
            for column in ("body", "expected", "present", "apologies", "as reserve", "in attendance", "rate"):
                attendance.add_column(column, justify="left" if column == "body" else "right")
            for rate in queries.attendance_record(session, person.id):
                attendance.add_row(
                    escape(rate.body),
                    str(rate.expected),
                    str(rate.present),
                    str(rate.apologies),
                    str(rate.as_reserve),
                    str(rate.in_attendance),
                    f"{rate.rate:.0%}" if rate.rate is not None else "—",
                )
            console.print(attendance)
            declared = queries.declarations(session, person.id)
            if declared:
                table = Table(title="Declarations of interest")
                for column in ("date", "body", "item", "interest", "kind", "source"):
                    table.add_column(column)
                for d in declared:
                    table.add_row(*(escape(x or "") for x in (d.date, d.body, d.item, d.interest, d.kind, d.citation)))
                console.print(table)
            for other_id, other, score, reason in person.candidates:
                console.print(
                    f"[yellow]possibly the same as[/] {escape(other)} (#{other_id}): {reason}, score {score:.2f}",
                    highlight=False,
                )
    engine.dispose()
    return 0


def run_body(name: str, console: Console, errors: Console, *, url: str | None) -> int:
    """Print a body's meetings and members."""
    engine = open_store(url)
    with Session(engine) as session:
        meetings = queries.body_meetings(session, name)
        members = queries.body_members(session, name)
        if not meetings and not members:
            errors.print(f"No body matches {escape(name)!r}.", highlight=False, soft_wrap=True)
            return 1
        table = Table(title=f"Meetings of {escape(name)}")
        for column in ("date", "time", "venue", "agenda items", "minutes", "present", "sources"):
            table.add_column(column)
        for m in meetings:
            table.add_row(
                m.date or "undated",
                m.time or "",
                escape(m.venue or ""),
                str(m.agenda_items),
                str(m.minute_items),
                str(m.present),
                escape(", ".join(Path(p).name for p in m.sources)),
            )
        console.print(table)
        people = Table(title="Members and roles")
        for column in ("person", "roles", "last seen"):
            people.add_column(column)
        for member in members:
            people.add_row(escape(member.name), escape(", ".join(member.roles)), member.last_seen or "")
        console.print(people)
    engine.dispose()
    return 0


def run_migrate(console: Console, *, url: str | None) -> int:
    """Bring the database to the newest schema and print the revision."""
    engine = open_store(url)
    with engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    console.print(f"{escape(database_url(url))} is at schema revision {revision}", highlight=False, soft_wrap=True)
    return 0
