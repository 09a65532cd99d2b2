"""The audit trail (审计日志): every staff action and every staff read of personal data, append-only (P5)."""
