"""Open data of the library locations.

- `facilities_csv_rows`: the column layout of the national standard
  「公共施設一覧」(自治体標準オープンデータセット). Cells we do not know stay
  empty; nothing is guessed (no coordinates, no POI code).
- `location_json_ld`: schema.org Library data for one location page.
"""

import re
from collections.abc import Iterable, Iterator

from kumamoto_portal.lib.phones import tel_uri

from .models import Location

FACILITY_COLUMNS = [
    "都道府県コード又は市区町村コード",
    "NO",
    "都道府県名",
    "市区町村名",
    "名称",
    "名称_カナ",
    "名称_通称",
    "POIコード",
    "住所",
    "方書",
    "緯度",
    "経度",
    "電話番号",
    "内線番号",
    "法人番号",
    "団体名",
    "利用可能曜日",
    "開始時間",
    "終了時間",
    "利用可能日時特記事項",
    "説明",
    "バリアフリー情報",
    "URL",
    "備考",
]

# First two digits of a 団体コード → prefecture (all members are in Kumamoto).
PREFECTURES = {"43": "熊本県"}


def to_katakana(hiragana: str) -> str:
    """Convert hiragana to full-width katakana (くまもと → クマモト), as 名称_カナ expects."""
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in hiragana)


def full_address(prefecture: str, address: str) -> str:
    """The standard wants the address from the prefecture on; add it when missing."""
    if not address or address.startswith(prefecture):
        return address
    return prefecture + address


def owner_columns(location: Location) -> tuple[str, str, str]:
    """(団体コード, 都道府県名, 団体名) of the body that runs the location. A library of a body that
    is not a member (熊本県立図書館) has no code here: the cell stays empty rather than guessed."""
    municipality = location.system.municipality
    if municipality is None:
        operator = location.system.operator
        return "", operator if operator in PREFECTURES.values() else "", operator
    return municipality.code, PREFECTURES.get(municipality.code[:2], ""), municipality.name


def facility_row(number: int, location: Location, page_url: str) -> dict[str, str]:
    code, prefecture, owner = owner_columns(location)
    special = "; ".join(
        part
        for part in (
            f"開館時間: {location.opening_hours}" if location.opening_hours else "",
            f"休館日: {location.closed_days}" if location.closed_days else "",
        )
        if part
    )
    notes = "; ".join(
        part
        for part in (
            location.phone_note,
            "返却ポストあり" + (f"({location.return_box_note})" if location.return_box_note else "")
            if location.has_return_box
            else "",
            f"このサイトの案内: {page_url}",
        )
        if part
    )
    return {
        "都道府県コード又は市区町村コード": code,
        "NO": str(number),
        "都道府県名": prefecture,
        "市区町村名": owner if location.system.municipality_id else "",
        "名称": location.name,
        "名称_カナ": to_katakana(location.kana),
        "住所": full_address(prefecture, location.address),
        "方書": location.address_building,
        "電話番号": location.phone,
        "団体名": owner,
        "利用可能日時特記事項": special,
        "説明": f"{location.get_kind_display()}({location.system.name})",
        "URL": location.system.website,
        "備考": notes,
    }


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def spreadsheet_safe(cell: str) -> str:
    """A cell that a spreadsheet will not run as a formula (OWASP's CSV-injection rule):
    text starting with = + - @ or a tab/CR gets a leading apostrophe. Plain numbers stay
    as they are, so the open-data columns keep their meaning."""
    if cell.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def facilities_csv_rows(locations: Iterable[Location], page_url_of) -> Iterator[list[str]]:
    """The header, then one row per location, in the standard's column order.

    `page_url_of(location)` gives the absolute URL of the location's page here.
    """
    yield FACILITY_COLUMNS
    for number, location in enumerate(locations, start=1):
        row = facility_row(number, location, page_url_of(location))
        yield [spreadsheet_safe(str(row.get(column, ""))) for column in FACILITY_COLUMNS]


def location_json_ld(location: Location, page_url: str) -> dict:
    """schema.org Library data for a location (only what is known)."""
    _, prefecture, _ = owner_columns(location)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Library",
        "name": location.name,
        "url": page_url,
        "parentOrganization": {"@type": "Library", "name": location.system.name},
    }
    if location.address:
        address = {
            "@type": "PostalAddress",
            "addressCountry": "JP",
            "addressRegion": prefecture,
            "streetAddress": location.full_address,
        }
        if location.postal_code:
            address["postalCode"] = location.postal_code
        data["address"] = address
    if telephone := tel_uri(location.phone):
        data["telephone"] = telephone.removeprefix("tel:")
    if location.opening_hours:
        data["description"] = f"開館時間: {location.opening_hours}"
    return data
