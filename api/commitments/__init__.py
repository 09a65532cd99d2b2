"""Signed, hash-chained commitments (告知承诺书) and their verification (R7, R8, R9, P2, P3, P4)."""
