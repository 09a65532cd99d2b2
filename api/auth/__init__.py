"""Who is calling (P5): staff accounts with roles, applicant tokens, the action server's service token."""
