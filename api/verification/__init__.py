"""Verification after the commitment (R12-R14): working-day calendar, plans, tasks, online checks."""
