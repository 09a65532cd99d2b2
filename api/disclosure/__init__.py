"""Public disclosure of commitment letters (承诺书公开, R15, 五(六)): items marked public, within their period."""
