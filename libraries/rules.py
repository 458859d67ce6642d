"""Rules of the library mutual use, as plain functions over loaded rows.

- An item goes back to any location of the system that lent it, never to a
  partner system's location (`where_to_return`).
- A resident may use their own municipality's systems plus every system that
  has an agreement for their municipality (`libraries_for_resident`).
- Loan rules (how many, how long) are always those of the lending system.
- E-libraries are never part of the mutual use: each resident keeps using
  their own municipality's e-library.

Say only what the sources say: for a partner library, where items go back,
whose loan rules apply and what to bring are stated only when the agreement
records them as confirmed; otherwise the functions answer None ("unknown")
and the pages tell the resident to ask that library.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .models import Kind, KindCount, LibrarySystem, Location, MutualUseAgreement


def loan_rules_for(lending: LibrarySystem) -> str:
    """The loan rules (how many, how long) of an item lent by `lending`: always the lending system's own,
    whoever borrows it and wherever they live. Empty when not known."""
    return lending.loan_rules


def return_rule(lending: LibrarySystem) -> str:
    """The sentence that says where an item lent by `lending` goes back."""
    owner = lending.municipality.name
    return f"{owner}の図書館で借りた本は、{owner}の施設にしか返せません。"


@dataclass(frozen=True)
class NotAllowed:
    system: LibrarySystem
    reason: str


def return_rule_known(lending: LibrarySystem, agreements: Iterable[MutualUseAgreement]) -> bool:
    """Whether a source confirms where items lent by `lending` go back: one of the agreements
    under which it lends records it (`return_rule_confirmed`)."""
    return any(agreement.return_rule_confirmed for agreement in agreements if agreement.system_id == lending.pk)


@dataclass(frozen=True)
class ReturnAnswer:
    borrowed_at: Location
    lending_system: LibrarySystem
    allowed: tuple[Location, ...]
    not_allowed: tuple[NotAllowed, ...]
    loan_rules: str
    rule_known: bool

    @property
    def rule(self) -> str | None:
        """The return rule as a sentence; None when no source confirms it (ask the library)."""
        if not self.rule_known:
            return None
        return f"{return_rule(self.lending_system)}ほかの市町村の図書館には返せません。"


def where_to_return(
    borrowed_at: Location,
    system_locations: Iterable[Location],
    partner_systems: Iterable[LibrarySystem],
    lending_agreements: Iterable[MutualUseAgreement],
) -> ReturnAnswer:
    """Where an item borrowed at `borrowed_at` may be returned, and where not.

    Allowed: every location of the lending system (from `system_locations`,
    filtered to that system). Not allowed: each partner system, with the reason.
    Both only when `lending_agreements` (those under which the lending system
    lends) confirm the rule; otherwise `rule_known` is False and nothing is stated.
    """
    lending = borrowed_at.system
    known = return_rule_known(lending, lending_agreements)
    allowed = tuple(loc for loc in system_locations if loc.system_id == lending.pk)
    not_allowed = tuple(
        NotAllowed(
            system=partner,
            reason=f"{partner.name}は{partner.municipality.name}の図書館です。{return_rule(lending)}",
        )
        for partner in partner_systems
        if known and partner.pk != lending.pk
    )
    return ReturnAnswer(
        borrowed_at=borrowed_at,
        lending_system=lending,
        allowed=allowed,
        not_allowed=not_allowed,
        loan_rules=loan_rules_for(lending),
        rule_known=known,
    )


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

    @property
    def what_to_bring(self) -> str | None:
        """What to bring to register; None when no source says (own library: "", nothing to state)."""
        if self.agreement is None:
            return ""
        return self.agreement.what_to_bring or None

    @property
    def return_rule(self) -> str | None:
        """Where items borrowed there go back; None when no source confirms it for this agreement."""
        if self.agreement is None or self.agreement.return_rule_confirmed:
            return return_rule(self.system)
        return None

    @property
    def loan_rules(self) -> str | None:
        """The lending system's loan rules ("" when not recorded); None when no source confirms
        that they apply to this agreement's borrowers."""
        if self.agreement is None or self.agreement.loan_rules_confirmed:
            return loan_rules_for(self.system)
        return None


def libraries_for_resident(
    own_systems: Iterable[LibrarySystem], agreements: Iterable[MutualUseAgreement]
) -> list[Eligibility]:
    """The systems a resident may use: their own municipality's first, then each agreement's.

    `own_systems` are the systems of the resident's municipality; `agreements`
    are those whose home municipality is the resident's.
    """
    result = [Eligibility(system=system, is_own=True, agreement=None) for system in own_systems]
    seen = {e.system.pk for e in result}
    for agreement in agreements:
        if agreement.system.pk not in seen:
            seen.add(agreement.system.pk)
            result.append(Eligibility(system=agreement.system, is_own=False, agreement=agreement))
    return result


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
