"""What people read: the SMS texts and the refusals the action server passes on to the citizen."""
from __future__ import annotations

from typing import Dict

# The SMS text around the code. An act code names the act, so whoever reads the message knows what the code
# would confirm (意愿认证); the minutes follow the code's lifetime.
ACT_SMS_BEFORE = "您正在对『{item_name}』作出告知承诺，验证码"
LOGIN_SMS_BEFORE = "您正在登录告知承诺服务，验证码"
SMS_AFTER = "，{minutes}分钟内有效，如非本人操作请勿告知他人"

MESSAGES: Dict[str, str] = {
    "no_registered_phone": (
        "该证件号码没有登记实名手机号码，无法发送短信验证码。请到政务服务窗口现场办理，"
        "或拨打热线由工作人员核验身份后办理。"
    ),
    "otp_too_soon": "验证码刚刚已发送，请{wait}后再重新获取。",
    "otp_id_limit": "该证件号码获取验证码的次数过多，请{wait}后再试。",
    "otp_phone_limit": "该手机号码接收验证码的次数过多，请{wait}后再试。",
    "otp_client_limit": "获取验证码过于频繁，请{wait}后再试。",
    "sms_unavailable": "短信暂时无法发送，请稍后再试。",
    "code_not_requested": "还没有为该证件号码发送验证码，请先获取验证码。",
    "code_expired": "验证码已过期，请重新获取。",
    "code_used": "该验证码已经使用过，每个验证码只能使用一次，请重新获取。",
    "code_locked": "验证码输错次数过多，已经失效，请重新获取。",
    "code_incorrect": "验证码不正确，请核对短信后重新输入（还可以再试{left}次）。",
    "code_purpose_mismatch": "这个验证码不能用于本次操作：登录验证码不能用来确认承诺，确认承诺的验证码也不能用来登录。请重新获取。",
    "code_act_mismatch": "这个验证码是为另一项承诺发送的，只能确认短信里写明的那一项承诺。请重新获取。",
    "hotline_how_unknown": "请选择核验身份的方式。",
}


def wait_text(seconds: int) -> str:
    """``45秒`` or ``3分钟``: how long to wait, rounded up, as the citizen reads it."""
    seconds = max(1, seconds)
    return f"{seconds}秒" if seconds < 60 else f"{(seconds + 59) // 60}分钟"
