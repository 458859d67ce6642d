"""Rules of the library mutual use, as plain functions over loaded rows.

- An item goes back to a location of the system that lent it (`where_to_return`),
  where a source confirms it for that system (`LibrarySystem.returns_confirmed`).
  It may not go back to the borrower's home town's libraries only where a source
  says so for that agreement (`MutualUseAgreement.return_rule_confirmed`, e.g.
  熊本市 ↔ 玉名市 in the 2023 article): never generalised to other towns.
- A resident may use their own municipality's systems, every system with an
  agreement for their municipality, and every system open to everyone in the
  prefecture (an agreement without a home municipality: 熊本県立図書館)
  (`libraries_for_resident`).
- Loan rules (how many, how long) are always those of the lending system.
- E-libraries are outside the mutual use where a source says so for that
  agreement; elsewhere it is not known.

Say only what the sources say: what no source confirms is None ("unknown"),
and a page gathers a row's unknowns into one sentence that sends the resident
to the library (`Eligibility.unknowns`, `unknown_facts`).

Facts stated as current carry their date once the newest source behind them is past
the review period (kumamoto_portal/currency.py): a facility's hours, closed days and
return box rest on the Location's sources (`facility_as_of`), who may borrow on the
agreement's (`agreement_as_of`, `borrower_notes`). One sentence per facility or
agreement, never one per line; and on one page each distinct sentence once: a date several
statements share is one note at the top of the section it dates, naming them (`share_notes`,
`share_borrower_notes`), as the unknowns most answers share are (`common_unknowns`). Views take
today once and pass it in.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from kumamoto_portal.currency import AsOf, as_of
from kumamoto_portal.models import Source

from .models import Framework, Kind, KindCount, LibrarySystem, Location, MutualUseAgreement


def loan_rules_for(lending: LibrarySystem) -> str:
    """The loan rules (how many, how long) of an item lent by `lending`: always the lending system's own,
    whoever borrows it and wherever they live. Empty when not known."""
    return lending.loan_rules


def return_rule(lending: LibrarySystem, places: int | None = None) -> str | None:
    """The sentence that says where an item lent by `lending` goes back; None when no source confirms it.
    `places` is how many places the system has, when known (one place: "return it there")."""
    if not lending.returns_confirmed:
        return None
    if places == 1:
        return f"{lending.name}で借りた本は、{lending.name}に返します。"
    return f"{lending.name}で借りた本は、{lending.name}のどの施設にも返せます。"


def not_at_home_rule(agreement: MutualUseAgreement | None) -> str:
    """「玉名市の図書館には返せません。」 where a source says so for this agreement; "" otherwise
    (the article says it only for 熊本市 ↔ 玉名市: it is not a rule for every town)."""
    if agreement is None or not agreement.return_rule_confirmed or not agreement.home_municipality_id:
        return ""
    return f"{agreement.home_municipality.name}の図書館には返せません。"


@dataclass(frozen=True)
class NotAllowed:
    system: LibrarySystem
    reason: str


@dataclass(frozen=True)
class ReturnAnswer:
    borrowed_at: Location
    lending_system: LibrarySystem
    allowed: tuple[Location, ...]
    not_allowed: tuple[NotAllowed, ...]
    loan_rules: str

    @property
    def rule_known(self) -> bool:
        return self.lending_system.returns_confirmed

    @property
    def rule(self) -> str | None:
        """The return rule as a sentence; None when no source confirms it (ask the library)."""
        return return_rule(self.lending_system)


def where_to_return(
    borrowed_at: Location, system_locations: Iterable[Location], refusing_systems: Iterable[LibrarySystem]
) -> ReturnAnswer:
    """Where an item borrowed at `borrowed_at` may be returned, and where not.

    Allowed: every location of the lending system (from `system_locations`,
    filtered to that system), when a source confirms it (otherwise the answer
    says so and lists them only as the system's places). Not allowed: the
    `refusing_systems`, i.e. the home systems of agreements that confirm it
    (`LibrarySystemQuerySet.refusing_returns_of`), never anything else.
    """
    lending = borrowed_at.system
    allowed = tuple(loc for loc in system_locations if loc.system_id == lending.pk)
    not_allowed = tuple(
        NotAllowed(
            system=other, reason=f"{other.owner_name}に住む人が借りた本も、{other.owner_name}の図書館には返せません"
        )
        for other in refusing_systems
        if other.pk != lending.pk
    )
    return ReturnAnswer(
        borrowed_at=borrowed_at,
        lending_system=lending,
        allowed=allowed,
        not_allowed=not_allowed,
        loan_rules=loan_rules_for(lending),
    )


LOCATION_FACTS = (
    ("full_address", "住所"),
    ("phone", "電話番号"),
    ("opening_hours", "開館時間"),
    ("closed_days", "休館日"),
)


def unknown_facts(location: Location) -> list[str]:
    """The facts of a location page that no source gives, in page order (one sentence on the page
    names them all and sends the resident to the library, instead of a 「不明」 per fact)."""
    missing = [label for attribute, label in LOCATION_FACTS if not getattr(location, attribute)]
    if location.has_return_box is None:
        missing.append("返却ポストがあるかどうか")
    if not location.system.returns_confirmed:
        missing.append("借りた本を返せる場所")
    return missing


def group_by_ward(locations: Sequence[Location]) -> list[tuple[str, list[Location]]]:
    """Locations grouped by ward, wards in the order of their first location ("" for no ward)."""
    groups: dict[str, list[Location]] = {}
    for location in sorted(locations, key=lambda loc: (loc.display_order, loc.pk or 0)):
        groups.setdefault(location.ward, []).append(location)
    return list(groups.items())


@dataclass(frozen=True)
class Eligibility:
    """One system a resident may use, and on what terms."""

    system: LibrarySystem
    is_own: bool
    agreement: MutualUseAgreement | None
    places: int | None = None  # how many places the system has, when known

    @property
    def open_to_everyone(self) -> bool:
        """Open to everyone in the prefecture (an agreement without a home municipality)."""
        return self.agreement is not None and not self.agreement.home_municipality_id

    @property
    def what_to_bring(self) -> str | None:
        """What to bring to register; None when no source says (own library: "", nothing to state)."""
        if self.agreement is None:
            return ""
        return self.agreement.what_to_bring or None

    @property
    def return_rule(self) -> str | None:
        """Where items borrowed there go back (and, where a source says so, that the resident's own
        town's libraries do not take them); None when no source confirms it for this system."""
        rule = return_rule(self.system, self.places)
        if rule is None:
            return None
        return rule + not_at_home_rule(self.agreement)

    @property
    def loan_rules(self) -> str | None:
        """The lending system's loan rules; None when no source gives them or confirms that they
        apply to this agreement's borrowers."""
        if self.agreement is not None and not self.agreement.loan_rules_confirmed:
            return None
        return loan_rules_for(self.system) or None

    @property
    def e_library_excluded(self) -> bool:
        """A source says the e-library is outside this agreement (熊本市 ↔ 玉名市: the article)."""
        return self.agreement is not None and self.agreement.e_library_excluded_confirmed

    @property
    def outside_the_area(self) -> bool:
        """The agreement is a 定住自立圏 arrangement, not a project of this area (荒尾市 and its neighbours)."""
        return self.agreement is not None and self.agreement.framework == Framework.TEIJU

    @property
    def unknowns(self) -> list[str]:
        """What no source confirms for this answer, named once (the page sends the resident to the library)."""
        missing = []
        if self.what_to_bring is None:
            missing.append("登録に必要なもの")
        if self.loan_rules is None:
            missing.append("貸出の期間と冊数")
        if self.return_rule is None:
            missing.append("借りた本を返せる場所")
        if not self.is_own and not self.e_library_excluded:
            missing.append("電子図書館を使えるかどうか")
        return missing


def libraries_for_resident(
    own_systems: Iterable[LibrarySystem],
    agreements: Iterable[MutualUseAgreement],
    places: dict[int, int] | None = None,
) -> list[Eligibility]:
    """The systems a resident may use: their own municipality's first, then each agreement's for
    their municipality, then those open to everyone in the prefecture.

    `own_systems` are the systems of the resident's municipality; `agreements`
    are those whose home municipality is the resident's, or none (everyone);
    `places` maps a system's pk to how many places it has.
    """
    places = places or {}
    result = [Eligibility(system=s, is_own=True, agreement=None, places=places.get(s.pk)) for s in own_systems]
    seen = {e.system.pk for e in result}
    for agreement in sorted(agreements, key=lambda a: a.home_municipality_id is None):
        if agreement.system.pk not in seen:
            seen.add(agreement.system.pk)
            result.append(
                Eligibility(
                    system=agreement.system, is_own=False, agreement=agreement, places=places.get(agreement.system.pk)
                )
            )
    return result


def systems_with_unknown_partners(
    resident_id: int, eligible: Iterable[Eligibility], systems: Iterable[LibrarySystem]
) -> list[LibrarySystem]:
    """The systems whose partner list a source gives only in part (熊本市立図書館: S16 is cut off) and
    that the resident's answer does not include: whether their residents may use them is not known."""
    shown = {e.system.pk for e in eligible}
    return [s for s in systems if not s.all_partners_known and s.pk not in shown and s.municipality_id != resident_id]


def answer_may_be_incomplete(eligible: Iterable[Eligibility]) -> bool:
    """The resident's own system's partner list is only partly known: there may be more libraries to use."""
    return any(e.is_own and not e.system.all_partners_known for e in eligible)


@dataclass(frozen=True)
class KindGroup:
    """The locations of one kind in a system, and how many the sources count."""

    kind: str
    label: str
    locations: tuple[Location, ...]
    total: int

    @property
    def listed(self) -> int:
        return len(self.locations)

    @property
    def unlisted(self) -> int:
        return self.total - self.listed


def group_by_kind(locations: Sequence[Location], counts: Iterable[KindCount]) -> list[KindGroup]:
    """Locations grouped by kind (in the order of Kind), each with its total.

    The total of a kind is the larger of the rows listed and the count a source
    gives, so a published count with missing names still shows the real number.
    """
    published = {c.kind: c.count for c in counts}
    groups = []
    for value, label in Kind.choices:
        members = tuple(loc for loc in locations if loc.kind == value)
        total = max(len(members), published.get(value, 0))
        if total:
            groups.append(KindGroup(kind=value, label=label, locations=members, total=total))
    return groups


@dataclass(frozen=True)
class SystemSection:
    """A system's locations grouped by kind, as the pages show them."""

    system: LibrarySystem
    groups: list[KindGroup]

    @property
    def total(self) -> int:
        """How many places the system has in all (e.g. 21 for 熊本市立図書館), listed or only counted.
        A lower bound when the sources list only some of them (`at_least`)."""
        return sum(group.total for group in self.groups)

    @property
    def listed(self) -> int:
        """How many of its places this site lists (9 of 熊本市's 21)."""
        return sum(group.listed for group in self.groups)

    @property
    def at_least(self) -> bool:
        """True when the total is only what the sources show (e.g. 山鹿市: 「少なくとも1か所」)."""
        return not self.system.all_locations_known

    @property
    def phone(self) -> str:
        """A phone number to ask the system (its first location that has one), or ""."""
        return next((loc.phone for group in self.groups for loc in group.locations if loc.phone), "")


def system_section(system: LibrarySystem, locations: Sequence[Location], counts: Iterable[KindCount]) -> SystemSection:
    """`system` with `locations` (all of its own, or a subset) grouped by kind against its published counts."""
    return SystemSection(system=system, groups=group_by_kind(locations, counts))


def _shown(sources: Iterable[Source]) -> list[Source]:
    """The sources residents may see: an encyclopedia or a mirror neither dates a fact nor is cited."""
    return [source for source in sources if source.shown_to_residents]


def states_current_facts(location: Location) -> bool:
    """The location's page states its opening hours, closed days or return box as they are now."""
    return bool(location.opening_hours or location.closed_days or location.has_return_box is not None)


def facility_as_of(location: Location, today: date, review_months: int) -> AsOf | None:
    """The as-of sentence for a facility's hours, closed days and return box (from the location's own
    sources), or None when it states none of them or its sources are recent enough."""
    if not states_current_facts(location):
        return None
    return as_of(_shown(location.sources.all()), today, review_months)


def agreement_as_of(agreement: MutualUseAgreement | None, today: date, review_months: int) -> AsOf | None:
    """The as-of sentence for "residents of X may borrow at Y" (from the agreement's sources), or None
    when they are recent enough or there is no agreement (one's own town's library needs none)."""
    if agreement is None:
        return None
    return as_of(_shown(agreement.sources.all()), today, review_months)


@dataclass(frozen=True)
class BorrowerNote:
    """One as-of sentence for the agreements of a system whose sources are equally old."""

    residents: tuple[str, ...]  # whose agreements it is about (「玉名市」, 「熊本県内」)
    note: AsOf
    contact_department: str = ""  # whom to ask, when those agreements name a contact (else the library)
    contact_phone: str = ""


@dataclass(frozen=True)
class Borrowers:
    """Who may borrow at one system, as the guide lists it, with the dates of those statements."""

    system: LibrarySystem
    agreements: tuple[MutualUseAgreement, ...]
    notes: tuple[BorrowerNote, ...]

    @property
    def one_note_for_all(self) -> bool:
        """Every agreement of the line rests on equally old sources: the sentence is said once, unlabelled."""
        return len(self.notes) == 1 and len(self.notes[0].residents) == len(self.agreements)


def borrower_notes(agreements: Iterable[MutualUseAgreement], today: date, review_months: int) -> list[Borrowers]:
    """The agreements grouped by system (in the given order), each group with one as-of sentence per
    distinct date among its agreements past the review period (so a line never repeats a sentence)."""
    groups: dict[int, list[MutualUseAgreement]] = {}
    for agreement in agreements:
        groups.setdefault(agreement.system_id, []).append(agreement)
    result = []
    for members in groups.values():
        # By sentence and contact: the first note and whose agreements it is about.
        notes: dict[tuple[str, str, str], tuple[AsOf, list[str]]] = {}
        for agreement in members:
            note = agreement_as_of(agreement, today, review_months)
            if note is not None:
                key = (note.sentence, agreement.contact_department, agreement.contact_phone)
                notes.setdefault(key, (note, []))[1].append(agreement.residents_label)
        result.append(
            Borrowers(
                system=members[0].system,
                agreements=tuple(members),
                notes=tuple(
                    BorrowerNote(residents=tuple(names), note=note, contact_department=key[1], contact_phone=key[2])
                    for key, (note, names) in notes.items()
                ),
            )
        )
    return result


def cited(*rows_sources: Iterable[Source]) -> list[Source]:
    """The sources of the rows a page states facts from, each once, in the order of the 出典 lists
    (by internal number, then title); never an encyclopedia or a mirror."""
    unique = {source.pk: source for sources in rows_sources for source in _shown(sources)}
    return sorted(unique.values(), key=lambda source: (source.code or "", source.title))


@dataclass(frozen=True)
class SharedNote:
    """One as-of sentence said once for several statements on a page (at the top of the section it dates),
    instead of once beside each of them."""

    note: AsOf
    # What it dates: (library, whose agreements when only some of its line's, a phone to ask or "").
    names: tuple[tuple[str, str, str], ...]
    contact_department: str = ""  # whom to ask, when those statements name one contact (else each library)
    contact_phone: str = ""


def _note_key(note: AsOf, department: str, phone: str) -> tuple[str, str, str]:
    return (note.sentence, department, phone)


def share_notes(
    entries: Sequence[tuple[AsOf | None, str, str, tuple[str, str, str]]],
) -> tuple[list[SharedNote], list[bool]]:
    """Entries are (as-of note, contact department, contact phone, (name, whose, phone)) of the statements of one page
    section, in page order. A sentence (with its contact) that two or more entries share is said once
    (a SharedNote naming them); one entry alone keeps it beside its statement. Returns the shared notes
    (in order of first use) and, per entry, whether it still shows its own note."""
    users: dict[tuple[str, str, str], list[int]] = {}
    for index, (note, department, phone, _name) in enumerate(entries):
        if note is not None:
            users.setdefault(_note_key(note, department, phone), []).append(index)
    shared = [indexes for indexes in users.values() if len(indexes) > 1]
    in_shared = {index for indexes in shared for index in indexes}
    notes = [
        SharedNote(
            note=entries[indexes[0]][0],
            names=tuple(entries[index][3] for index in indexes),
            contact_department=entries[indexes[0]][1],
            contact_phone=entries[indexes[0]][2],
        )
        for indexes in shared
    ]
    return notes, [entry[0] is not None and index not in in_shared for index, entry in enumerate(entries)]


def share_borrower_notes(
    groups: Sequence[Borrowers], phones: dict[int, str]
) -> tuple[list[SharedNote], list[Borrowers]]:
    """The guide's 「だれが使えるか」 list: each distinct as-of sentence said once. A sentence that two or
    more lines (or parts of lines) share goes into one note at the top of the list, naming the libraries
    (and, where only some of a line's agreements rest on it, whose); the lines keep only the notes no
    other line has. `phones` maps a system's pk to a phone to ask it (the lines show none)."""
    entries = []
    for group in groups:
        for item in group.notes:
            whole_line = len(item.residents) == len(group.agreements)
            whose = "" if whole_line else "、".join(item.residents)
            phone = "" if item.contact_department else phones.get(group.system.pk, "")
            entries.append((item.note, item.contact_department, item.contact_phone, (group.system.name, whose, phone)))
    shared, keep = share_notes(entries)
    kept = iter(keep)
    lines = [
        Borrowers(
            system=group.system,
            agreements=group.agreements,
            notes=tuple(item for item in group.notes if next(kept)),
        )
        for group in groups
    ]
    return shared, lines


NOT_LISTED = "載っていません"  # how an agreement's notes say the library's own guide leaves these residents out


def listed_only_by_others(agreement: MutualUseAgreement | None) -> list[Source]:
    """An open conflict between sources (data README: 熊本市立図書館's S16 lists 熊本市民 as users of 荒尾's
    library, 荒尾市立図書館's own guide S61 does not): when the agreement's notes say the library's own guide
    does not list these residents, the sources residents may see that do list them (those whose publisher
    the notes do not name). Empty when there is no such conflict. The page then says who lists them and
    who does not, and asserts neither."""
    if agreement is None or NOT_LISTED not in agreement.notes:
        return []
    return [s for s in _shown(agreement.sources.all()) if s.publisher and s.publisher not in agreement.notes]


def common_unknowns(eligible: Sequence[Eligibility]) -> tuple[str, ...]:
    """The unknowns that two or more answers share, the most frequent such set (the first on a tie):
    said once at the top of the answer, each card then only pointing to it. Empty when none is shared."""
    counts: dict[tuple[str, ...], int] = {}
    for e in eligible:
        if e.unknowns:
            counts[tuple(e.unknowns)] = counts.get(tuple(e.unknowns), 0) + 1
    best = max(counts.items(), key=lambda item: item[1], default=((), 0))
    return best[0] if best[1] > 1 else ()


def unknowns_pointer(common: Sequence[str]) -> str:
    """How a card whose unknowns are the answer's common ones names them: short, pointing up (the note at
    the top lists them all). The example is where items go back, when it is among them."""
    example = "借りた本を返せる場所" if "借りた本を返せる場所" in common else common[0]
    return f"上にまとめたこと({example}など)"
