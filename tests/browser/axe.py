"""Accessibility check of a page with axe-core (vendored in tests/browser/vendor, test-only).

``run_axe(page)`` injects axe into the page Playwright has open, runs it against WCAG 2.1 A/AA rules and
returns only the violations that block or badly hinder someone (impact "serious" or "critical"): each as a
dict ``{id, impact, help, nodes: [{target, summary}]}``. ``describe(violations)`` turns them into a message an
assertion can show::

    violations = run_axe(page)
    assert not violations, describe(violations)
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Sequence

AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = ("serious", "critical")
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def _source() -> str:
    # A statement list, wrapped so Playwright evaluates it as one expression (not as a function to call).
    return "(() => {" + AXE_JS.read_text(encoding="utf-8") + "\n; return typeof window.axe; })()"


def run_axe(page, *, include: Optional[str] = None, exclude: Sequence[str] = (),
            disable: Sequence[str] = ()) -> List[Dict]:
    """Serious and critical WCAG 2.1 A/AA violations on the page (or within the ``include`` selector)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol, not as a <script> tag: the consoles' Content-Security-Policy
        # (script-src 'self') rightly refuses inline scripts, and the test must not weaken it.
        page.evaluate(_source())
    context: Dict = {}
    if include:
        context["include"] = [[include]]
    if exclude:
        context["exclude"] = [[selector] for selector in exclude]
    options = {
        "runOnly": {"type": "tag", "values": list(TAGS)},
        "rules": {rule: {"enabled": False} for rule in disable},
        "resultTypes": ["violations"],
    }
    result = page.evaluate(
        """async ([context, options]) => {
            const target = (context.include || context.exclude) ? context : document;
            const r = await window.axe.run(target, options);
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''})),
            }));
        }""",
        [context, options],
    )
    return [violation for violation in result if violation.get("impact") in BLOCKING]


def describe(violations: List[Dict]) -> str:
    """Readable summary for an assertion message: rule, impact, and the first few offending elements."""
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}  {node['summary'].splitlines()[-1] if node['summary'] else ''}")
    return "\n".join(lines)
