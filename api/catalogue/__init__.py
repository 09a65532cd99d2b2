"""The item catalogue (清单) in the database: every content change of an item is a new version (R1)."""
