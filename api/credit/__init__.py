"""Integrity files (诚信档案) and credit records (R4, R16)."""
