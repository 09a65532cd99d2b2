"""Performance benchmark: our stack against stock Rasa 3.6.21 on the same machine.

Run from the repository root: ``make bench`` or ``.venv/bin/python -m bench`` (see bench/__main__.py).
"""
