"""Server-rendered HTML of a document (R10): one self-contained page, no script, no external font or CDN.

Every text is escaped: catalogue texts are maintained by administrators and names come from applicants.
"""
from __future__ import annotations

from html import escape
from typing import List

from api.documents.model import Block, Document, Fields, Numbered, Paragraph, QrCode, SignatureLines

# Local fonts only: Noto Sans CJK (fonts-noto-cjk) first, then what Windows, macOS and Android ship.
_CSS = """
:root { color-scheme: light; }
body { margin: 0; background: #f4f5f7; color: #1f2328;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "WenQuanYi Zen Hei", sans-serif; font-size: 17px; line-height: 1.75; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; background: #fff; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; text-align: center; }
.subtitle { text-align: center; color: #57606a; margin: 0 0 1rem; }
nav { text-align: center; margin-bottom: 1.5rem; }
nav a { display: inline-block; margin: 0.25rem 0.5rem; padding: 0.35rem 0.9rem; border: 1px solid #0b5cad;
  border-radius: 0.3rem; color: #0b5cad; text-decoration: none; }
nav a:focus, nav a:hover { background: #0b5cad; color: #fff; }
h2 { font-size: 1.2rem; border-left: 4px solid #b22222; padding-left: 0.6rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
p { margin: 0.5rem 0; }
p.statement { border: 1px solid #d0d7de; background: #fffbe6; padding: 0.75rem 1rem; }
p.note { color: #57606a; font-size: 0.92rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 0.4rem 0.6rem; vertical-align: top; text-align: left; }
th { width: 9.5rem; background: #f6f8fa; font-weight: 600; }
td.mono { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; word-break: break-all; }
dl.blanks { display: grid; grid-template-columns: max-content 1fr; gap: 0.9rem 0.75rem; margin: 1rem 0; }
dl.blanks dt { font-weight: 600; }
dl.blanks dd { margin: 0; border-bottom: 1px solid #1f2328; min-height: 1.5rem; }
footer { margin-top: 2.5rem; color: #57606a; font-size: 0.85rem; text-align: center; }
@media print { body { background: #fff; } nav { display: none; } main { padding: 0; } }
"""


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        if block.style == "subheading":
            return f"<h3>{escape(block.text)}</h3>"
        css = f' class="{block.style}"' if block.style in ("statement", "note") else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if isinstance(block, Numbered):
        return "<ol>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ol>"
    if isinstance(block, Fields):
        css = ' class="mono"' if block.mono else ""
        rows = "".join(f"<tr><th scope=\"row\">{escape(k)}</th><td{css}>{escape(v)}</td></tr>" for k, v in block.rows)
        return f"<table>{rows}</table>"
    if isinstance(block, SignatureLines):
        # On screen a line to write on; the blank itself is what a printout shows.
        rows = "".join(f"<dt>{escape(label)}</dt><dd aria-label=\"待填写\"></dd>" for label, _blank in block.rows)
        return f'<dl class="blanks">{rows}</dl>'
    if isinstance(block, QrCode):
        url = escape(block.url)
        return f'<p>{escape(block.caption.replace(block.url, ""))}<a href="{url}">{url}</a></p>'
    raise TypeError(f"unknown block {type(block).__name__}")


def render_html(document: Document) -> str:
    parts: List[str] = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(document.title)}</title><style>{_CSS}</style></head>",
        "<body><main>",
        f"<h1>{escape(document.title)}</h1>",
        f'<p class="subtitle">{escape(document.subtitle)}</p>',
    ]
    if document.links:
        links = "".join(f'<a href="{escape(href)}">{escape(label)}</a>' for label, href in document.links)
        parts.append(f'<nav aria-label="下载和相关文件">{links}</nav>')
    for section in document.sections:
        parts.append(f"<section><h2>{escape(section.heading)}</h2>")
        parts.extend(_block(block) for block in section.blocks)
        parts.append("</section>")
    if document.footer:
        parts.append(f"<footer>{escape(document.footer)}</footer>")
    parts.append("</main></body></html>")
    return "\n".join(parts)
