"""Find or create the people and bodies a source mentions, keeping every alias with its source.

:class:`Identities` is the store side of :mod:`quorum.resolve`: it loads the
people who share a family name with a mention, asks
:func:`quorum.resolve.people.match_person` for a decision, and writes the
person, the alias (``person_names``) and any unconfirmed candidate matches.
Role references ("the Chair", "the Portfolio Holder for Housing") resolve to
whoever holds that post in the meeting's context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from quorum.resolve.bodies import body_key, classify_body, display_name
from quorum.resolve.names import ParsedName, fold, parse_name, parse_role_reference
from quorum.resolve.people import KnownPerson, match_person
from quorum.store import schema as s


@dataclass(slots=True)
class Context:
    """Who holds the posts of the meeting being written, for resolving "the Chair"."""

    organization_id: int | None = None
    date: str | None = None
    chair_id: int | None = None
    vice_chair_id: int | None = None


@dataclass(slots=True)
class _Family:
    """What the store knows about one person of a family, as :meth:`Identities._known` reads it."""

    names: list[ParsedName]
    printed: set[str]  # the alias strings behind ``names`` (the canonical name is not one)
    organisations: set[str]


@dataclass
class IdentityCache:
    """People and bodies already read from the store, kept across the sources of one ingest run.

    Without it every source would re-read every alias of every family it
    mentions, and a councillor named in 10,000 packs has 10,000 alias rows:
    the cost per source would grow with the store. The cache holds, per family
    key, exactly what :meth:`Identities._known` would read (each person's
    canonical name, distinct aliases in first-seen order, organisations) and
    the ids of bodies by key. It assumes it is the only writer while the run
    lasts. A source's additions are staged while it is written and merged only
    after its transaction commits (:meth:`accept`); a rolled-back source is
    dropped (:meth:`discard`); anything that can delete people or bodies (a
    replaced source and its garbage collection) empties it (:meth:`clear`).
    """

    families: dict[str, dict[int, _Family]] = field(default_factory=dict)
    organizations: dict[str, int] = field(default_factory=dict)
    posts: dict[tuple[int, str, str], int] = field(default_factory=dict)  # (organization, role, label) → id
    titled: set[int] = field(default_factory=set)  # people whose title (honorific prefix) is stored
    meetings: dict[str, tuple[int, str | None, str | None]] = field(default_factory=dict)  # key → (id, time, venue)
    staged: Identities | None = None

    def clear(self) -> None:
        """Forget everything (people or bodies may have been deleted)."""
        self.families.clear()
        self.organizations.clear()
        self.posts.clear()
        self.titled.clear()
        self.meetings.clear()
        self.staged = None

    def discard(self) -> None:
        """Drop the staged source's additions (its transaction was rolled back)."""
        self.staged = None

    def accept(self) -> None:
        """Merge the staged source's reads and additions (its transaction committed)."""
        ids, self.staged = self.staged, None
        if ids is None:
            return
        self.organizations.update(ids._organizations)
        self.posts.update(ids._posts)
        self.titled.update(ids._has_title)
        self.meetings.update((key, (entry[0], entry[1], entry[2])) for key, entry in ids._meetings.items())
        for family_key, people in ids._loaded.items():
            self.families[family_key] = {
                pid: _Family(list(f.names), set(f.printed), set(f.organisations)) for pid, f in people.items()
            }
        for family_key, person_id, canonical, alias, organisation in ids._added:
            people = self.families.setdefault(family_key, {})
            if canonical is not None:
                people[person_id] = _Family([parse_name(canonical)], set(), set())
            entry = people.get(person_id)
            if entry is None:  # a person of another family (cannot happen: aliases join their family) — reload
                self.families.pop(family_key, None)
                continue
            if alias and alias not in entry.printed:
                entry.printed.add(alias)
                entry.names.append(parse_name(alias))
            if organisation:
                entry.organisations.add(fold(organisation))


@dataclass
class Identities:
    """Resolves people and bodies for one source inside the current transaction.

    ``cache`` (optional) shares what earlier sources of the same ingest run read
    and wrote (see :class:`IdentityCache`).
    """

    session: Session
    source_id: int
    cache: IdentityCache | None = None
    #: Where alias and candidate rows go: ``sink(model, **values)`` (e.g. a writer's batch), else ``session.add``.
    sink: Callable[..., None] | None = None
    #: Called before the store is asked who holds a role (e.g. to insert a writer's queued memberships).
    before_roles: Callable[[], None] | None = None
    _loaded: dict[str, dict[int, _Family]] = field(default_factory=dict)
    _added: list[tuple[str, int, str | None, str | None, str | None]] = field(default_factory=list)
    _families: dict[str, list[KnownPerson]] = field(default_factory=dict)
    _aliases: set[tuple[int, str]] = field(default_factory=set)
    _candidates: set[tuple[int, int]] = field(default_factory=set)
    _organizations: dict[str, int] = field(default_factory=dict)
    _org_names: set[tuple[int, str]] = field(default_factory=set)
    _titled: set[int] = field(default_factory=set)
    _has_title: set[int] = field(default_factory=set)  # people whose title is stored (or set by this source)
    _posts: dict[tuple[int, str, str], int] = field(default_factory=dict)
    _meetings: dict[str, list[Any]] = field(default_factory=dict)  # key → [id, time, venue]

    def _add(self, model: type[s.Base], **values: Any) -> None:
        """Record an alias or candidate row (nothing reads these back while the source is written)."""
        if self.sink is not None:
            self.sink(model, **values)
        else:
            self.session.add(model(**values))

    # ---------------------------------------------------------------- bodies ---

    def organization(self, printed: str, line: int | None = None) -> int:
        """Return the id of the body named ``printed``, creating it and recording the name as printed."""
        key = body_key(printed)
        org_id = self._organizations.get(key)
        if org_id is None and self.cache is not None:
            org_id = self.cache.organizations.get(key)
            if org_id is not None:
                self._organizations[key] = org_id
        if org_id is None:
            table = s.Organization.__table__
            org_id = self.session.scalar(select(table.c.id).where(table.c.key == key))
            if org_id is None:
                org_id = self.session.execute(
                    table.insert().values(key=key, name=display_name(printed), classification=classify_body(printed))
                ).inserted_primary_key[0]
            self._organizations[key] = org_id
        name = printed.strip()
        if (org_id, name) not in self._org_names:
            self._org_names.add((org_id, name))
            self._add(s.OrganizationName, organization_id=org_id, name=name, source_id=self.source_id, line=line)
        return org_id

    def post(self, org_id: int, role: str, label: str) -> int:
        """Return the id of the post ``role`` / ``label`` in the body ``org_id``, creating it when new."""
        key = (org_id, role, label)
        post_id = self._posts.get(key)
        if post_id is None and self.cache is not None:
            post_id = self.cache.posts.get(key)
        if post_id is None:
            table = s.Post.__table__
            post_id = self.session.scalar(
                select(table.c.id).where(
                    table.c.organization_id == org_id, table.c.role == role, table.c.label == label
                )
            )
            if post_id is None:
                post_id = self.session.execute(
                    table.insert().values(organization_id=org_id, role=role, label=label)
                ).inserted_primary_key[0]
        self._posts[key] = post_id
        return post_id

    def meeting(self, key: str, values: dict[str, Any]) -> int:
        """Return the id of the meeting with natural key ``key``, creating it from ``values`` when new.

        ``values`` holds the meeting's columns; its ``time`` and ``venue`` fill
        in a known meeting's missing ones.
        """
        entry = self._meetings.get(key)
        if entry is None and self.cache is not None and key in self.cache.meetings:
            entry = self._meetings[key] = list(self.cache.meetings[key])
        table = s.Meeting.__table__
        time, venue = values.get("time"), values.get("venue")
        if entry is None:
            found = self.session.execute(
                select(table.c.id, table.c.time, table.c.venue).where(table.c.key == key)
            ).first()
            if found is None:
                meeting_id = self.session.execute(table.insert().values(key=key, **values)).inserted_primary_key[0]
                self._meetings[key] = [meeting_id, time, venue]
                return meeting_id
            entry = self._meetings[key] = [found.id, found.time, found.venue]
        changes = {}
        if time and not entry[1]:
            changes["time"] = entry[1] = time
        if venue and not entry[2]:
            changes["venue"] = entry[2] = venue
        if changes:
            self.session.execute(table.update().where(table.c.id == entry[0]).values(**changes))
        return entry[0]  # type: ignore[no-any-return]

    # ---------------------------------------------------------------- people ---

    def _known(self, family_key: str) -> list[KnownPerson]:
        known = self._families.get(family_key)
        if known is not None:
            return known
        cached = self.cache.families.get(family_key) if self.cache is not None else None
        if cached is not None:  # a new source has no aliases of its own yet: ``sources`` is empty
            known = [KnownPerson(pid, tuple(f.names), frozenset(f.organisations)) for pid, f in cached.items()]
            self._families[family_key] = known
            return known
        # One row per distinct (person, alias, organisation): a person printed in thousands of sources costs
        # a handful of rows, not one per source. Only this source matters for ``sources`` (see match_person).
        here = func.max(case((s.PersonName.source_id == self.source_id, 1), else_=0))
        rows = self.session.execute(
            select(s.Person.id, s.Person.name, s.PersonName.name, s.PersonName.organisation, here)
            .join(s.PersonName, s.PersonName.person_id == s.Person.id, isouter=True)
            .where(s.Person.family_key == family_key)
            .group_by(s.Person.id, s.Person.name, s.PersonName.name, s.PersonName.organisation)
            .order_by(s.Person.id, func.min(s.PersonName.id))
        ).all()
        grouped: dict[int, _Family] = {}
        sources: dict[int, set[int]] = {}
        for person_id, canonical, alias, organisation, in_source in rows:
            entry = grouped.setdefault(person_id, _Family([parse_name(canonical)], set(), set()))
            if alias and alias not in entry.printed:
                entry.printed.add(alias)
                entry.names.append(parse_name(alias))
            if organisation:
                entry.organisations.add(fold(organisation))
            if in_source:
                sources.setdefault(person_id, set()).add(self.source_id)
        self._loaded[family_key] = grouped
        known = [
            KnownPerson(pid, tuple(f.names), frozenset(f.organisations), frozenset(sources.get(pid, ())))
            for pid, f in grouped.items()
        ]
        self._families[family_key] = known
        return known

    def _remember(self, person_id: int, parsed: ParsedName, organisation: str | None) -> None:
        known = self._families.setdefault(parsed.family_key, [])
        for index, person in enumerate(known):
            if person.id == person_id:
                known[index] = KnownPerson(
                    person_id,
                    person.names if parsed in person.names else (*person.names, parsed),  # same name, same scores
                    person.organisations | ({fold(organisation)} if organisation else set()),
                    person.sources | {self.source_id},
                )
                return
        known.append(
            KnownPerson(
                person_id,
                (parsed,),
                frozenset({fold(organisation)} if organisation else ()),
                frozenset({self.source_id}),
            )
        )

    def _new_person(self, parsed: ParsedName) -> int:
        table = s.Person.__table__
        key = parsed.key
        suffix = 1
        while self.session.scalar(select(table.c.id).where(table.c.key == key)) is not None:
            suffix += 1
            key = f"{parsed.key} ({suffix})"
        titles = " ".join(t for t in parsed.honorifics if fold(t).rstrip(".") not in {"councillor", "cllr", "clr"})
        person_id: int = self.session.execute(
            table.insert().values(
                key=key,
                name=parsed.name,
                given_name=" ".join(parsed.given) or None,
                family_name=parsed.family,
                family_key=parsed.family_key,
                honorific_prefix=titles or None,
            )
        ).inserted_primary_key[0]
        if titles:
            self._has_title.add(person_id)
        self._added.append((parsed.family_key, person_id, parsed.name, None, None))
        return person_id

    def _complete(self, person_id: int, parsed: ParsedName) -> None:
        """Fill a known person's missing title or given name from a fuller printing of the same name."""
        titles = " ".join(t for t in parsed.honorifics if fold(t).rstrip(".") not in {"councillor", "cllr", "clr"})
        if not titles or person_id in self._titled:
            return
        self._titled.add(person_id)
        if person_id in self._has_title or (self.cache is not None and person_id in self.cache.titled):
            return  # the update below would change nothing
        table = s.Person.__table__
        person = self.session.execute(
            select(table.c.honorific_prefix, table.c.family_key).where(table.c.id == person_id)
        ).first()
        if person is None:
            return
        if person.honorific_prefix:
            self._has_title.add(person_id)
        elif parsed.family_key == person.family_key:
            self.session.execute(table.update().where(table.c.id == person_id).values(honorific_prefix=titles))
            self._has_title.add(person_id)

    def person(
        self,
        printed: str | None,
        *,
        line: int | None = None,
        organisation: str | None = None,
        distinct: set[int] | None = None,
        context: Context | None = None,
    ) -> int | None:
        """Return the id of the person ``printed`` names (found or created), or None.

        ``distinct`` holds people already listed in the same roster: the mention
        is never merged into one of them. Role references resolve through
        ``context``; unresolvable ones return None.
        """
        if not printed or not printed.strip():
            return None
        role = parse_role_reference(printed)
        if role is not None:
            return self.role_holder(role.role, role.qualifier, context)
        parsed = parse_name(printed)
        if not parsed.family or not any(ch.isalpha() for ch in parsed.family):
            return None
        known = self._known(parsed.family_key)
        decision = match_person(
            parsed,
            known,
            organisation=organisation,
            source=self.source_id,
            distinct=frozenset(distinct or ()),
        )
        if decision.person_id is None:
            person_id = self._new_person(parsed)
        else:
            person_id = decision.person_id
            self._complete(person_id, parsed)
        name = printed.strip()
        if (person_id, name) not in self._aliases:
            self._aliases.add((person_id, name))
            self._add(
                s.PersonName,
                person_id=person_id,
                name=name,
                key=parsed.key,
                family_key=parsed.family_key,
                organisation=organisation,
                source_id=self.source_id,
                line=line,
                score=decision.score if decision.person_id is not None else 1.0,
                reason=decision.reason,
            )
            self._added.append((parsed.family_key, person_id, None, name, organisation))
        self._remember(person_id, parsed, organisation)
        for candidate in decision.candidates:
            pair = (person_id, candidate.person_id)
            if candidate.person_id == person_id or pair in self._candidates:
                continue
            self._candidates.add(pair)
            self._add(
                s.CandidateMatch,
                person_id=person_id,
                candidate_id=candidate.person_id,
                name=name,
                score=candidate.score,
                reason=candidate.reason,
                source_id=self.source_id,
                line=line,
            )
        if distinct is not None:
            distinct.add(person_id)
        return person_id

    def role_holder(self, role: str, qualifier: str | None, context: Context | None) -> int | None:
        """Return who held ``role`` (chair, leader, portfolio holder...) at the context's meeting, or None."""
        if context is None:
            return None
        if role == "chair":
            return context.chair_id
        if role == "vice-chair":
            return context.vice_chair_id
        if self.before_roles is not None:
            self.before_roles()
        self.session.flush()
        query = select(s.Membership.person_id).where(s.Membership.role == role)
        if role in {"chair", "vice-chair"} and context.organization_id is not None:
            query = query.where(s.Membership.organization_id == context.organization_id)
        if qualifier and role == "portfolio holder":
            query = query.where(s.Membership.label.ilike(f"%{_like_escape(qualifier)}%", escape="\\"))
        if context.date:
            query = query.where((s.Membership.observed_on <= context.date) | (s.Membership.observed_on.is_(None)))
        query = query.order_by(s.Membership.observed_on.desc(), s.Membership.id.desc()).limit(1)
        return self.session.scalar(query)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
