"""The 12345 hotline console's assisted sessions: staff run the journey for a caller."""
