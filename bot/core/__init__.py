"""Pure rules shared by the action server (Rasa venv) and the API (its own venv).

Each rule lives here exactly once, so the action server and the API cannot disagree on it: ID check digits,
the catalogue schema and notice versioning, canonical JSON, eligibility and affirmation detection.
Only the standard library and PyYAML may be imported, so both environments can use these modules.
"""
