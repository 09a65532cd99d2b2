"""The 12345 hotline console's assisted sessions (issue 5): staff run the journey for a caller."""
