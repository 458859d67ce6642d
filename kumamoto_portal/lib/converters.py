"""URL converters (registered in urls.py). `id` accepts 1–9 digits, so a huge number gives 404, not a DB overflow."""


class IdConverter:
    regex = "[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
