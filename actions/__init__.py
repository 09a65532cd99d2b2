"""Rasa SDK action server: the commitment journey, catalogue discovery and rule-based extraction."""
