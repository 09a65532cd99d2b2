"""Identity: who is acting, how the platform knows it, and that they meant the act (实名与意愿认证).

A commitment is a legal act by a named person, so the platform must be able to say how it established that the
person is who they claim (an identity assurance) and, for the act itself, that they confirmed exactly that act
(意愿认证). This package knows nothing of commitments, credit or the catalogue: other domains import it, never
the other way round. What it offers:

- ``assurance``: the typed records (``IdentityAssurance``, ``ActConfirmation``) a commitment can embed;
- ``verifiers``: the small ``Verifier`` protocol and the methods (``sms_otp``, ``oidc``, ``hotline_attestation``);
- ``otp``: one-time codes sent by SMS to the real-name (实名) mobile number held for an ID;
- ``sms``: the SMS gateways (an outbox file for the embedded profile, an HTTP gateway for production);
- ``hotline``: staff attesting that they checked a caller's identity, and how;
- ``router``: the HTTP endpoints (the action server's code endpoints, the hotline attestation).
"""
