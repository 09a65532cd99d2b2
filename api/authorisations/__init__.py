"""Special authorisations (特别授权): what lets a proxy make a commitment for someone else (R5).

A principal grants one electronically after verifying their identity, or staff record a paper letter of
authorisation they inspected. Either way the platform signs the grant, the agent receives a number and a secret
code, and the commitments module calls ``service.use_for_commitment`` before it signs a proxy's commitment.
"""
