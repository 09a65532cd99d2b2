"""PDF of a document with reportlab (R10): A4, the CJK font embedded, text extractable, QR code drawn as vectors."""
from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING, List
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph as RLParagraph, SimpleDocTemplate, Spacer, Table, TableStyle

from api.documents.fonts import PdfFonts, pdf_fonts
from api.documents.model import Block, Document, Fields, Numbered, Paragraph, QrCode, SignatureLines

if TYPE_CHECKING:
    from api.signing.pades import LetterSigner

MARGIN = 18 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN
LABEL_WIDTH = 38 * mm
QR_SIZE = 36 * mm
GRID = colors.HexColor("#9aa4ad")
SHADE = colors.HexColor("#eef1f4")


class _Styles:
    def __init__(self, fonts: PdfFonts) -> None:
        # wordWrap="CJK" breaks lines between any two Chinese characters, as Chinese typesetting does.
        base = dict(fontName=fonts.body, wordWrap="CJK", fontSize=10.5, leading=16)
        self.title = ParagraphStyle("title", **{**base, "fontSize": 18, "leading": 26}, alignment=TA_CENTER)
        self.subtitle = ParagraphStyle("subtitle", **base, alignment=TA_CENTER, textColor=colors.HexColor("#57606a"))
        self.heading = ParagraphStyle("heading", **{**base, "fontSize": 13, "leading": 19}, spaceBefore=10, spaceAfter=4)
        self.subheading = ParagraphStyle("subheading", **{**base, "fontSize": 11.5}, spaceBefore=5, spaceAfter=1)
        self.body = ParagraphStyle("body", **base, spaceAfter=4)
        self.note = ParagraphStyle("note", **{**base, "fontSize": 9, "leading": 13}, textColor=colors.HexColor("#57606a"))
        self.statement = ParagraphStyle(
            "statement", **{**base, "fontSize": 11.5, "leading": 19}, borderColor=GRID, borderWidth=0.6,
            borderPadding=6, backColor=colors.HexColor("#fffbe6"), spaceBefore=6, spaceAfter=10,
        )
        self.cell = ParagraphStyle("cell", **{**base, "fontSize": 9.5, "leading": 14})
        self.label = ParagraphStyle("label", **{**base, "fontSize": 9.5, "leading": 14})
        self.mono = ParagraphStyle("mono", **{**base, "fontName": fonts.mono, "fontSize": 9, "leading": 14})
        self.footer_font = fonts.body


def _p(text: str, style: ParagraphStyle) -> RLParagraph:
    # reportlab paragraphs are a small markup language: escape, and keep the author's line breaks.
    return RLParagraph(escape(text).replace("\n", "<br/>"), style)


def _fields(block: Fields, styles: _Styles) -> Table:
    value_style = styles.mono if block.mono else styles.cell
    table = Table(
        [[_p(k, styles.label), _p(v, value_style)] for k, v in block.rows],
        colWidths=[LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _blanks(block: SignatureLines, styles: _Styles) -> Table:
    table = Table(
        [[_p(label + "：", styles.body), _p(blank, styles.body)] for label, blank in block.rows],
        colWidths=[60 * mm, CONTENT_WIDTH - 60 * mm],
        rowHeights=[11 * mm] * len(block.rows),
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def _qr(block: QrCode, styles: _Styles) -> Table:
    widget = QrCodeWidget(block.url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0])
    drawing.add(widget)
    table = Table([[drawing, _p(block.caption, styles.cell)]], colWidths=[QR_SIZE + 6 * mm, CONTENT_WIDTH - QR_SIZE - 6 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _flowables(block: Block, styles: _Styles) -> List[Flowable]:
    if isinstance(block, Paragraph):
        style = {"subheading": styles.subheading, "note": styles.note, "statement": styles.statement}.get(
            block.style, styles.body
        )
        return [_p(block.text, style)]
    if isinstance(block, Numbered):
        return [_p(f"{i}. {item}", styles.body) for i, item in enumerate(block.items, 1)]
    if isinstance(block, Fields):
        return [_fields(block, styles), Spacer(1, 4)]
    if isinstance(block, SignatureLines):
        return [KeepTogether([_blanks(block, styles)])]
    if isinstance(block, QrCode):
        return [Spacer(1, 6), _qr(block, styles), Spacer(1, 4)]
    raise TypeError(f"unknown block {type(block).__name__}")


def render_pdf(document: Document) -> bytes:
    fonts = pdf_fonts()
    styles = _Styles(fonts)
    buffer = BytesIO()

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(styles.footer_font, 8.5)
        canvas.setFillColor(colors.HexColor("#57606a"))
        canvas.drawString(MARGIN, 10 * mm, document.footer)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=document.title,
        subject=document.subtitle,
        author="郑州市告知承诺制服务平台",
        creator="gaozhi-chengnuo api.documents",
        lang="zh-CN",
    )
    story: List[Flowable] = [_p(document.title, styles.title), _p(document.subtitle, styles.subtitle), Spacer(1, 8)]
    for section in document.sections:
        blocks: List[Flowable] = []
        for block in section.blocks:
            blocks.extend(_flowables(block, styles))
        # Keep a heading with the start of its section, never alone at the foot of a page.
        story.append(KeepTogether([_p(section.heading, styles.heading)] + blocks[:1]))
        story.extend(blocks[1:])
    pdf.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def sign_letter_pdf(signer: "LetterSigner", pdf: bytes, document: Document) -> bytes:
    """The rendered letter with the platform's PAdES signature (api.signing.pades) over the whole file."""
    return signer.sign(pdf, reason=f"{document.subtitle}：平台签发，签署后未被改动")
