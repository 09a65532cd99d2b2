"""Complaints and reports (投诉举报) about commitments, handled in time (R11, 五(四)(六))."""
