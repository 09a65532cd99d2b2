"""The backend that stores signed, hash-chained commitments (告知承诺书) and serves the catalogue (R1, P2, P3)."""
