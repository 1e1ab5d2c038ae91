"""axe-core in the browser tests: WCAG 2.1 A and AA rules and best practices, run on the page as it is now."""

from __future__ import annotations

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def serious_violations(page) -> list[str]:
    """axe's critical and serious violations on the page, as 'rule (impact): first elements' lines."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in found
            if v["impact"] in ("critical", "serious")]
