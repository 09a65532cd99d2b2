"""The verification result as a Chinese web page, for people who open a receipt's link or scan its QR code.

It shows the same answer as the JSON, with the same separation: whether the record is intact (its signatures,
hashes and chains), and apart from that what has happened to the commitment since (the current status and its
history), and how the signer was identified and confirmed the act (methods and times, no phone number). No
personal data: the verification is public to whoever holds the receipt's number and check code. Everything
interpolated is escaped; the page carries no script.
"""
from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Iterable, List, Sequence, Tuple

from api.clock import for_people
from api.commitments.schemas import CommitmentVerification, Signer

# Sent with the page: nothing but the inline style may load or run.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

CHECK_NAMES = {
    "hash": "记录哈希（SHA-256）",
    "signature": "Ed25519 签名",
    "chain": "哈希链（SHA-256）",
    "columns": "记录字段与签名内容一致",
    "sm3_hash": "记录哈希（SM3）",
    "sm2_signature": "SM2 签名",
    "sm3_chain": "哈希链（SM3）",
}
RESULT_TEXT = {"valid": "通过", "invalid": "未通过", "absent": "无（该记录签署时平台尚未启用国密签名）"}

_STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;background:#f4f6f8;color:#1f2328}
main{max-width:860px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1.15rem;margin:28px 0 8px}
.sub{color:#57606a;margin:0 0 16px}
.verdict{padding:14px 16px;border-radius:6px;font-size:1.1rem;border:1px solid}
.ok{background:#e6f4ea;border-color:#7cc190}.bad{background:#fdecea;border-color:#e48a84}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #c8d0d8;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#eef1f4;font-weight:normal;width:11em}
.mono{font-family:"DejaVu Sans Mono",Consolas,monospace;word-break:break-all;font-size:.9rem}
.note{color:#57606a;font-size:.9rem}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _time(value: str) -> str:
    """ISO-8601 with offset -> "2026-12-06 15:04:05" (China time, as stored); unparsable text shown as is."""
    try:
        return for_people(datetime.fromisoformat(value))
    except ValueError:
        return value


def _rows(rows: Iterable[Tuple[str, str]], *, raw_values: bool = False) -> str:
    """A two-column table; values are escaped unless ``raw_values`` (then the caller escaped them)."""
    cells = "".join(f"<tr><th>{_e(label)}</th><td>{value if raw_values else _e(value)}</td></tr>" for label, value in rows)
    return f"<table>{cells}</table>"


def _signer_rows(signers: Sequence[Signer]) -> str:
    head = "<tr><th>签名算法</th><th>密钥标识</th><th>摘要算法与记录摘要</th><th>签名</th><th>摘要</th><th>链</th></tr>"
    body = "".join(
        "<tr>"
        f"<td>{_e(s.algorithm)}</td>"
        f"<td class=\"mono\">{_e(s.key_id or '—')}</td>"
        f"<td class=\"mono\">{_e(s.hash_algorithm)}：{_e(s.record_hash or '—')}</td>"
        f"<td>{_e(RESULT_TEXT[s.signature])}</td><td>{_e(RESULT_TEXT[s.hash])}</td><td>{_e(RESULT_TEXT[s.chain])}</td>"
        "</tr>"
        for s in signers
    )
    return f"<table>{head}{body}</table>"


def _verdict(result: CommitmentVerification) -> str:
    if result.integrity.valid:
        absent = result.integrity.checks.get("sm2_signature") == "absent"
        extra = "（该记录签署于平台启用国密 SM2 签名之前，只有 Ed25519 签名，仍然有效。）" if absent else ""
        return f'<p class="verdict ok">✔ 记录完好：自平台签名以来未被改动，签名有效。{_e(extra)}</p>'
    failed: List[str] = [CHECK_NAMES.get(n, n) for n, r in result.integrity.checks.items() if r == "invalid"]
    return (
        '<p class="verdict bad">✘ 核验未通过：这份记录与平台签名时的内容不一致，或签名无法验证。'
        f"未通过的项目：{_e('、'.join(failed))}。请勿以此记录为准，并与发证机关联系。</p>"
    )


def render(result: CommitmentVerification, *, json_url: str, keys_url: str, ca_url: str) -> str:
    no = result.commitment_no
    summary = _rows(
        [
            ("承诺编号", no),
            ("事项", f"{result.item_name}（{result.item_code}）"),
            ("签署时间", _time(result.created_at)),
            ("签署时状态", _status_label(result, result.status_at_signing)),
            *_identity_rows(result),
        ]
    )
    notice = _rows(
        [
            (
                "告知书版本",
                f"第 {_e(result.notice_version_no)} 版（SHA-256 <span class=\"mono\">{_e(result.notice_version)}</span>）"
                f' <a href="{_e(result.notice_url)}">查看第 {_e(result.notice_version_no)} 版告知书全文</a>',
            )
        ],
        raw_values=True,
    )
    history = "".join(
        f"<tr><td>{_e(step.label)}</td><td>{_e(_time(step.at))}</td></tr>" for step in result.status_history
    )
    checks = _rows([(CHECK_NAMES.get(name, name), RESULT_TEXT.get(r, r)) for name, r in result.integrity.checks.items()])
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>承诺书核验 {_e(no)}</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>告知承诺书核验结果</h1>
<p class="sub">承诺编号 <span class="mono">{_e(no)}</span></p>

<h2>一、记录是否完好</h2>
{_verdict(result)}
{checks}
<p class="note">“记录完好”只说明平台保存的这份承诺记录自签名以来没有被改动；承诺现在处于什么状态见下一部分。</p>

<h2>二、承诺概要</h2>
{summary}
{notice}

<h2>三、当前状态</h2>
<p class="verdict ok" style="background:#fff;border-color:#c8d0d8">当前状态：<strong>{_e(result.current_status_label)}</strong></p>
<table><tr><th>状态</th><th>时间</th></tr>{history}</table>
<p class="note">签署后的状态变化（核查、撤回、撤销等）由平台另行记录，不改动已签名的承诺记录。</p>

<h2>四、签名与算法</h2>
{_signer_rows(result.integrity.signers)}
<p class="note">平台签名公钥（含已轮换的旧密钥）：<a href="{_e(keys_url)}">{_e(keys_url)}</a>；
承诺书 PDF 电子签章的根证书：<a href="{_e(ca_url)}">{_e(ca_url)}</a>；
机器可读的核验结果：<a href="{_e(json_url)}">JSON</a>。</p>
</main>
</body>
</html>
"""


def _identity_rows(result: CommitmentVerification) -> List[Tuple[str, str]]:
    identity = result.identity
    if identity is None:
        return [("身份核验", "该记录签署时平台尚未记录承诺人的身份核验方式")]
    act = identity.act_confirmed_by
    if identity.act_confirmed_at:
        act = f"{act}，时间 {_time(identity.act_confirmed_at)}"
    return [
        ("身份核验", f"{identity.identified_by}，时间 {_time(identity.identified_at)}"),
        ("意愿确认", act),
    ]


def _status_label(result: CommitmentVerification, status: str) -> str:
    for step in result.status_history:
        if step.status == status:
            return step.label
    return status


def render_not_found(commitment_no: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>承诺书核验</title><style>{_STYLE}</style></head>
<body><main>
<h1>告知承诺书核验结果</h1>
<p class="verdict bad">没有编号为 <span class="mono">{_e(commitment_no)}</span> 的承诺记录。请核对承诺编号；如二维码或链接来自您手中的承诺书，请与发证机关联系。</p>
</main></body></html>
"""
