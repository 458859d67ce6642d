"""Figures from the sources that are not rows of a table, shown with their source and date."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    value: int
    as_of: str  # as precisely as the source gives it
    source_code: str  # a Source.code (fixtures/sources.json)


# The 広報たまな article (S37): the area's cooperation projects when 玉名市 had joined (20 members).
PROJECTS_IN_ARTICLE = Figure(value=69, as_of="2023年、玉名市が加わり20市町村になった時点", source_code="S37")
