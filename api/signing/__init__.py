"""Key management: the platform's Ed25519 signing key (P3) and the ID-hash key of the integrity files (P5)."""
