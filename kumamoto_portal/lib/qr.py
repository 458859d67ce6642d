"""QR codes as inline SVG: crisp in print, and with no inline style, so the CSP allows them."""

import segno


def qr_svg(url: str, title: str, css_class: str = "qr-code") -> str:
    """An SVG QR code of `url` with a white quiet zone, sized by CSS through its viewBox."""
    return segno.make(url, error="m").svg_inline(omitsize=True, light="#fff", title=title, svgclass=css_class)
