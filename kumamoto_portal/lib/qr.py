"""QR codes as inline SVG: crisp in print, and with no inline style, so the CSP allows them.

Drawing one costs several milliseconds (segno tries eight masks), and a page's code
depends only on its canonical URL: each code is drawn once per process and kept
(the canonical URLs are bounded, see serving/canonical.py).
"""

from functools import lru_cache

import segno


@lru_cache(maxsize=4096)
def qr_svg(url: str, title: str, css_class: str = "qr-code") -> str:
    """An SVG QR code of `url` with a white quiet zone, sized by CSS through its viewBox."""
    return segno.make(url, error="m").svg_inline(omitsize=True, light="#fff", title=title, svgclass=css_class)
