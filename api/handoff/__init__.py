"""Human handoff from the citizen channels (issue 5): the waiting queue, take-over, staff messages, hand-back."""
