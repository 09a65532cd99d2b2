"""The CJK font the PDFs embed (R10).

Why WenQuanYi Zen Hei and not Noto Sans CJK: Debian's ``fonts-noto-cjk`` ships only ``.ttc`` collections with
PostScript (CFF) outlines, and reportlab embeds TrueType outlines only (it refuses the Noto files with
"postscript outlines are not supported"). Converting Noto to TrueType at run time would need fontTools and
minutes of CPU per machine, and a converted copy in the repository would be a second, hand-made source. Debian's
``fonts-wqy-zenhei`` is a TrueType collection with full GB 18030 coverage (rare characters in names included)
that reportlab subsets and embeds as it is, offline. ``make setup`` installs both packages (``system-packages``):
Noto stays the first choice of the HTML pages, which the reader's browser renders with its own fonts.

The font is embedded (subset) in every PDF, so a reader needs no Chinese font installed, and the text stays
extractable (reportlab writes a ToUnicode map), which the tests check with ``pdftotext``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence, Tuple

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

BODY_FONT = "GZ-CJK"
MONO_FONT = "GZ-CJK-Mono"

# (path, subfont index of the proportional face, subfont index of a monospaced face or None), first found wins.
CANDIDATES: Tuple[Tuple[str, int, Optional[int]], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, 1),  # fonts-wqy-zenhei: Zen Hei, Zen Hei Mono
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, 1),  # fonts-wqy-microhei
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, None),  # fonts-arphic-uming
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0, None),  # fonts-droid-fallback
)

INSTALL_HINT = "apt-get install -y --no-install-recommends fonts-wqy-zenhei（或运行 make setup）"


class FontUnavailable(RuntimeError):
    """No embeddable CJK font is installed; the message says which Debian package provides one."""


@dataclass(frozen=True)
class PdfFonts:
    body: str
    mono: str
    source: str  # the file embedded, for the PDF's metadata and for diagnostics


def _register(name: str, path: str, index: int) -> bool:
    try:
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except (TTFError, OSError):  # a CFF-outlined or damaged file: try the next candidate
        return False
    return True


@lru_cache(maxsize=None)
def _load(candidates: Sequence[Tuple[str, int, Optional[int]]]) -> PdfFonts:
    for path, body_index, mono_index in candidates:
        if not Path(path).is_file() or not _register(BODY_FONT, path, body_index):
            continue
        mono = BODY_FONT
        if mono_index is not None and _register(MONO_FONT, path, mono_index):
            mono = MONO_FONT
        return PdfFonts(body=BODY_FONT, mono=mono, source=path)
    raise FontUnavailable("没有可嵌入 PDF 的中文 TrueType 字体。请安装：" + INSTALL_HINT)


def pdf_fonts() -> PdfFonts:
    """Register the font once per process and return the names to use in styles."""
    return _load(CANDIDATES)
