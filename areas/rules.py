"""Rules of the area: 団体コード check digit, membership over time, totals, joins.

Plain functions over plain values or already-loaded municipalities, so they
run without HTTP and without the database. Views load the rows once and pass
them here.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import Protocol

CODE_WEIGHTS = (6, 5, 4, 3, 2)


def check_digit(first_five: str) -> int:
    """The check digit of a 全国地方公共団体コード (JIS X 0402) from its first five digits.

    Weights 6,5,4,3,2; the digit is 11 − (sum mod 11), of which the last digit
    is kept (so 10 gives 0 and 11 gives 1). Example: "43100" → 1 (熊本市 431001).
    """
    if len(first_five) != 5 or not first_five.isascii() or not first_five.isdigit():
        raise ValueError("団体コードの先頭5桁は半角数字で指定してください")
    total = sum(int(digit) * weight for digit, weight in zip(first_five, CODE_WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def is_valid_code(code: str) -> bool:
    """True when `code` is six ASCII digits whose last is the check digit of the first five."""
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return False
    return check_digit(code[:5]) == int(code[5])


class Member(Protocol):
    """What the rules need of a municipality (the model satisfies it)."""

    code: str
    name: str
    joined_on: date
    population: int | None
    area_km2: Decimal | None


def members_as_of(municipalities: Iterable[Member], day: date) -> list[Member]:
    """The members on `day`: those that joined on or before it (a join takes effect that day)."""
    return [m for m in municipalities if m.joined_on <= day]


@dataclass(frozen=True)
class Totals:
    """Count, population and area of a set of members.

    A total is never silently short: when a member's figure is unknown, the
    sum is None and the member is named in `population_unknown`/`area_unknown`.
    """

    count: int
    population: int | None
    area_km2: Decimal | None
    population_unknown: tuple[str, ...] = ()
    area_unknown: tuple[str, ...] = ()


def totals(members: Sequence[Member]) -> Totals:
    """Sum population and area over `members`, flagging unknown figures (see Totals)."""
    population_unknown = tuple(m.name for m in members if m.population is None)
    area_unknown = tuple(m.name for m in members if m.area_km2 is None)
    return Totals(
        count=len(members),
        population=None if population_unknown else sum(m.population for m in members),
        area_km2=None if area_unknown else sum((m.area_km2 for m in members), Decimal("0.00")),
        population_unknown=population_unknown,
        area_unknown=area_unknown,
    )


def _difference(after: int | Decimal | None, before: int | Decimal | None) -> int | Decimal | None:
    return None if after is None or before is None else after - before


@dataclass(frozen=True)
class Join:
    """One joining date: who joined, and the area before and after that day."""

    joined_on: date
    joined: tuple[Member, ...]
    before: Totals
    after: Totals

    @property
    def count_change(self) -> int:
        return self.after.count - self.before.count

    @property
    def population_change(self) -> int | None:
        return _difference(self.after.population, self.before.population)

    @property
    def area_change(self) -> Decimal | None:
        return _difference(self.after.area_km2, self.before.area_km2)


def joins(municipalities: Iterable[Member]) -> list[Join]:
    """Every joining date in order, with the totals just before and right after it.

    Works for any join, past or future: "before" is everyone who joined earlier.
    """
    ordered = sorted(municipalities, key=lambda m: (m.joined_on, m.code))
    result = []
    members: list[Member] = []
    for day, group in groupby(ordered, key=lambda m: m.joined_on):
        joined = tuple(group)
        before = totals(members)
        members = [*members, *joined]
        result.append(Join(joined_on=day, joined=joined, before=before, after=totals(members)))
    return result


def membership_since(municipalities: Iterable[Member], day: date) -> date | None:
    """The day the membership as of `day` began: the last join on or before `day` (None before the first)."""
    return max((m.joined_on for m in municipalities if m.joined_on and m.joined_on <= day), default=None)
