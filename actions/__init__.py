"""Rasa SDK action server: the commitment journey, catalogue discovery and rule-based extraction."""
from bot.core.logmask import install as _install_log_mask

_install_log_mask()  # P5: no full ID or phone number in the action server's logs
