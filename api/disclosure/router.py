from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any, Dict, List, Optional

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from api.clock import china_date
from api.dependencies import NowDep, SessionDep
from api.disclosure import service
from api.disclosure.schemas import DisclosureList
from bot.core.catalogue import PUBLISHED_FIELDS

# No authentication: this is the public list of 五(六) (通过网站等向社会公开告知承诺书，接受社会监督).
router = APIRouter(prefix="/public", tags=["public"])
page_router = APIRouter(tags=["public"])


def _letters(session: Session, now: datetime, item_code: Optional[str]) -> List[Dict[str, Any]]:
    return service.disclosed_letters(session, now, item_code=item_code)


@router.get("/disclosures", response_model=DisclosureList)
def disclosures(
    session: SessionDep,
    now: NowDep,
    item_code: Optional[str] = Query(None, max_length=16),
) -> Dict[str, Any]:
    """R15: commitment letters of public items within their disclosure period; no personal data (P5)."""
    letters = _letters(session, now, item_code)
    return {"as_of": china_date(now).isoformat(), "total": len(letters), "letters": letters}


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>告知承诺书公开</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }}
h1 {{ font-size: 1.5em; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #ccc; padding: .4em .6em; text-align: left; }}
th {{ background: #f3f3f3; }}
.note {{ color: #555; font-size: .9em; }}
</style>
</head>
<body>
<h1>告知承诺书公开</h1>
<p class="note">依据郑政办〔2021〕17号五(六)，以下为向社会公开事项在公开期限内的告知承诺书（截至 {as_of}，共 {total} 份）。
个人姓名和证件号码已作遮挡，不公开联系电话、住址等个人隐私和商业秘密。公开期限届满后不再显示。
发现承诺不实的，可以拨打12345政务服务便民热线投诉举报，并提供承诺编号。</p>
<table>
<thead><tr>{header}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


@page_router.get("/public/disclosures", response_class=HTMLResponse)
def disclosures_page(
    session: SessionDep,
    now: NowDep,
    item_code: Optional[str] = Query(None, max_length=16),
) -> HTMLResponse:
    """The same list as a plain server-rendered page (no scripts, no external resources)."""
    letters = _letters(session, now, item_code)
    rows = "\n".join(
        "<tr>"
        + "".join(
            f"<td>{escape(str(value))}</td>"
            for value in (
                letter["commitment_no"],
                f"{letter['item_name']}（{letter['item_code']}）",
                letter["committed_on"],
                letter["status_label"],
                letter["applicant"],
                letter["applicant_id_masked"],
                letter["disclosed_until"],
            )
        )
        + "</tr>"
        for letter in letters
    ) or '<tr><td colspan="7">目前没有处于公开期限内的告知承诺书。</td></tr>'
    # The column headings are the field names notice section 7 promises, in the same order.
    header = "".join(f"<th>{escape(label)}</th>" for label, _ in PUBLISHED_FIELDS)
    return HTMLResponse(
        _PAGE.format(as_of=escape(china_date(now).isoformat()), total=len(letters), rows=rows, header=header)
    )
