"""A document as content only, so the HTML page and the PDF of a guide or template say exactly the same (R10).

``service.py`` builds these from the catalogue and the signed records; ``html.py`` and ``pdf.py`` only lay them out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Tuple, Union


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body | note | statement (the words the applicant commits to) | subheading


@dataclass(frozen=True)
class Numbered:
    """A numbered list, e.g. the proofs the normal procedure needs."""

    items: Tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Label / value rows. ``mono`` for hashes and keys, which are read character by character."""

    rows: Tuple[Tuple[str, str], ...]
    mono: bool = False


@dataclass(frozen=True)
class SignatureLines:
    """Blanks to sign or fill in by hand on a printed template (五(四): a written commitment): (label, blank)."""

    rows: Tuple[Tuple[str, str], ...]


@dataclass(frozen=True)
class QrCode:
    url: str
    caption: str


Block = Union[Paragraph, Numbered, Fields, SignatureLines, QrCode]


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: Tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    sections: Tuple[Section, ...]
    filename: str  # without extension; ASCII, for Content-Disposition
    footer: str = ""
    # Links shown on the HTML page only (the PDF is the download itself).
    links: Tuple[Tuple[str, str], ...] = field(default=())
