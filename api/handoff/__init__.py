"""Human handoff from the citizen channels: the waiting queue, take-over, staff messages, hand-back."""
