"""The Chinese commercial algorithms beside Ed25519 and SHA-256 (P3): SM3 (GM/T 0004) and SM2 signatures
(GM/T 0003 with SM3 and the default user id of GM/T 0009).

Records are signed with both families so that a verifier bound to the national standards (密码应用安全性评估)
and one bound to the international ones can each check a receipt with the algorithms they accept.

The curve arithmetic is done here on Python integers (Jacobian coordinates, and for the fixed base ``G`` a
precomputed table), not with ``gmssl``: its hex-string arithmetic takes several milliseconds a signature, and
it is not safe to sign with as it stands: it draws the per-signature nonce ``k`` from Python's ``random``
(predictable, and a predictable ``k`` reveals the private key), it accepts ``r``/``s`` outside ``[1, n-1]`` and it
mangles a public key whose hex starts with ``04``. Here ``k`` comes from ``secrets``, the ranges and the curve
equation are checked, and the preprocessing ``e = SM3(Z || M)`` with
``Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA)`` is computed explicitly so it can be checked against
the standard's worked example. ``gmssl`` remains the independent implementation the tests compare with, and
supplies the curve's parameters.
"""
from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from functools import cached_property
from typing import Optional, Tuple

from cryptography.hazmat.primitives import hashes
from gmssl import sm2 as gmssl_sm2
from gmssl import sm3 as gmssl_sm3

ALGORITHM = "SM2"
HASH_ALGORITHM = "SM3"
# GM/T 0009-2012 §10: the user id when none is agreed.
DEFAULT_USER_ID = b"1234567812345678"

_CURVE = gmssl_sm2.default_ecc_table
P = int(_CURVE["p"], 16)
A = int(_CURVE["a"], 16)
B = int(_CURVE["b"], 16)
N = int(_CURVE["n"], 16)
GX = int(_CURVE["g"][:64], 16)
GY = int(_CURVE["g"][64:], 16)

# DER of SubjectPublicKeyInfo up to the key bits: id-ecPublicKey with the named curve SM2 (1.2.156.10197.1.301),
# then BIT STRING of 66 bytes (no unused bits, 04 || x || y). OpenSSL and other tools read this as an SM2 key.
_SPKI_PREFIX = bytes.fromhex("3059301306072a8648ce3d020106082a811ccf5501822d034200")


def _sm3_openssl(data: bytes) -> Optional[bytes]:
    try:
        digest = hashes.Hash(hashes.SM3())
    except Exception:  # an OpenSSL built without SM3: fall back to the pure-Python one
        return None
    digest.update(data)
    return digest.finalize()


def sm3(data: bytes) -> bytes:
    """SM3 digest (32 bytes): OpenSSL's through ``cryptography`` when available, else ``gmssl``'s."""
    fast = _sm3_openssl(data)
    return fast if fast is not None else bytes.fromhex(gmssl_sm3.sm3_hash(list(data)))


def sm3_hex(data: bytes) -> str:
    return sm3(data).hex()


def _int32(value: int) -> bytes:
    return value.to_bytes(32, "big")


def on_curve(x: int, y: int) -> bool:
    return 0 <= x < P and 0 <= y < P and (y * y - (x * x * x + A * x + B)) % P == 0


# --- curve arithmetic ---------------------------------------------------------------------------------
# gmssl's hex-string arithmetic takes ~11 ms a verification and ~4.5 ms a signature; these integer Jacobian
# formulas ~2 ms a verification and, with the fixed-base table below, ~0.3 ms a signature. Both are checked against gmssl and the
# standard's example in the tests. Python integers are not constant-time, whichever library does the
# arithmetic (gmssl's is no different): the nonce's secrecy rests on ``secrets`` and on the key's host.
_Jacobian = Tuple[int, int, int]
_INFINITY: _Jacobian = (0, 1, 0)


def _double(point: _Jacobian) -> _Jacobian:
    x, y, z = point
    if y == 0 or z == 0:
        return _INFINITY
    yy = y * y % P
    s = 4 * x * yy % P
    zz = z * z % P
    m = 3 * (x - zz) * (x + zz) % P  # a = -3 on the SM2 curve
    x3 = (m * m - 2 * s) % P
    return x3, (m * (s - x3) - 8 * yy * yy) % P, 2 * y * z % P


def _add(first: _Jacobian, second: _Jacobian) -> _Jacobian:
    x1, y1, z1 = first
    x2, y2, z2 = second
    if z1 == 0:
        return second
    if z2 == 0:
        return first
    z1z1, z2z2 = z1 * z1 % P, z2 * z2 % P
    u1, u2 = x1 * z2z2 % P, x2 * z1z1 % P
    s1, s2 = y1 * z2 * z2z2 % P, y2 * z1 * z1z1 % P
    h, r = (u2 - u1) % P, (s2 - s1) % P
    if h == 0:
        return _double(first) if r == 0 else _INFINITY
    hh = h * h % P
    hhh, v = h * hh % P, u1 * hh % P
    x3 = (r * r - hhh - 2 * v) % P
    return x3, (r * (v - x3) - s1 * hhh) % P, h * z1 * z2 % P


def _sum_of_multiples(a: int, pa: _Jacobian, b: int, pb: _Jacobian) -> Optional[Tuple[int, int]]:
    """``a·pa + b·pb`` in affine coordinates (Shamir's trick), None for the point at infinity."""
    both = _add(pa, pb)
    acc = _INFINITY
    for i in range(max(a.bit_length(), b.bit_length()) - 1, -1, -1):
        acc = _double(acc)
        bits = ((a >> i) & 1, (b >> i) & 1)
        if bits == (1, 1):
            acc = _add(acc, both)
        elif bits == (1, 0):
            acc = _add(acc, pa)
        elif bits == (0, 1):
            acc = _add(acc, pb)
    x, y, z = acc
    if z == 0:
        return None
    inverse = pow(z, -1, P)
    return x * inverse * inverse % P, y * inverse * inverse * inverse % P


def _add_affine(first: _Jacobian, x2: int, y2: int) -> _Jacobian:
    """``first + (x2, y2)`` for an affine second point (Z = 1): the mixed addition, fewer multiplications."""
    x1, y1, z1 = first
    if z1 == 0:
        return x2, y2, 1
    z1z1 = z1 * z1 % P
    h = (x2 * z1z1 - x1) % P
    r = (y2 * z1 * z1z1 - y1) % P
    if h == 0:
        return _double(first) if r == 0 else _INFINITY
    hh = h * h % P
    hhh, v = h * hh % P, x1 * hh % P
    x3 = (r * r - hhh - 2 * v) % P
    return x3, (r * (v - x3) - y1 * hhh) % P, z1 * h % P


def _affine(point: _Jacobian) -> Optional[Tuple[int, int]]:
    x, y, z = point
    if z == 0:
        return None
    inverse = pow(z, -1, P)
    square = inverse * inverse % P
    return x * square % P, y * square * inverse % P


# Fixed-base table for k·G: window i holds j·(2^(4i))·G for j = 1..15, affine. Then k·G is one mixed addition
# per non-zero 4-bit digit of k (at most 64) and no doubling. Built once per process, on first use (a few tens of
# ms, 960 points; ``api.signing.service`` triggers it when it loads the key, so no request waits for it).
_WINDOW_BITS = 4
_WINDOWS = 256 // _WINDOW_BITS
_DIGIT_MASK = (1 << _WINDOW_BITS) - 1
_base_table: Optional[Tuple[Tuple[Tuple[int, int], ...], ...]] = None


def _build_base_table() -> Tuple[Tuple[Tuple[int, int], ...], ...]:
    windows = []
    base: _Jacobian = (GX, GY, 1)
    for _ in range(_WINDOWS):
        row = []
        point = base
        for _ in range(_DIGIT_MASK):
            affine = _affine(point)
            if affine is None:  # cannot happen: j·2^(4i) < n for every entry, and G has order n
                raise ArithmeticError("SM2 base table reached the point at infinity")
            row.append(affine)
            point = _add_affine(point, *row[0])
        windows.append(tuple(row))
        for _ in range(_WINDOW_BITS):
            base = _double(base)
    return tuple(windows)


def _multiply_base(k: int) -> Optional[Tuple[int, int]]:
    """``k·G`` in affine coordinates, None for the point at infinity; ``0 <= k < 2^256``."""
    global _base_table
    table = _base_table
    if table is None:
        # Threads racing here each build the same table; whichever assignment lands is as good as the other.
        table = _base_table = _build_base_table()
    if not 0 <= k < 1 << 256:
        raise ValueError("scalar out of range")
    acc = _INFINITY
    for window in table:
        digit = k & _DIGIT_MASK
        if digit:
            acc = _add_affine(acc, *window[digit - 1])
        k >>= _WINDOW_BITS
    return _affine(acc)


class Sm2KeyError(ValueError):
    """Bytes that are not an SM2 key."""


@dataclass(frozen=True)
class Sm2PublicKey:
    x: int
    y: int

    def __post_init__(self) -> None:
        if not on_curve(self.x, self.y):
            raise Sm2KeyError("not a point on the SM2 curve")

    @classmethod
    def from_raw(cls, raw: bytes) -> "Sm2PublicKey":
        """From ``04 || x || y`` (65 bytes) or ``x || y`` (64 bytes)."""
        if len(raw) == 65 and raw[0] == 4:
            raw = raw[1:]
        if len(raw) != 64:
            raise Sm2KeyError("an SM2 public key is 64 bytes (x || y), optionally after 04")
        return cls(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))

    @property
    def raw(self) -> bytes:
        """Uncompressed point ``04 || x || y``."""
        return b"\x04" + _int32(self.x) + _int32(self.y)

    @property
    def key_id(self) -> str:
        # Fingerprinted with SM3, so an SM-only verifier needs nothing else to match a record to its key.
        return "sm2:" + sm3_hex(self.raw)[:16]

    def pem(self) -> str:
        body = base64.encodebytes(_SPKI_PREFIX + self.raw).decode("ascii").replace("\n", "")
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        return "-----BEGIN PUBLIC KEY-----\n" + "\n".join(lines) + "\n-----END PUBLIC KEY-----\n"

    @classmethod
    def from_pem(cls, text: str) -> "Sm2PublicKey":
        lines = [line.strip() for line in text.strip().splitlines()]
        if len(lines) < 3 or lines[0] != "-----BEGIN PUBLIC KEY-----" or lines[-1] != "-----END PUBLIC KEY-----":
            raise Sm2KeyError("not a PEM public key")
        try:
            der = base64.b64decode("".join(lines[1:-1]), validate=True)
        except ValueError as exc:
            raise Sm2KeyError("not a PEM public key") from exc
        if len(der) != len(_SPKI_PREFIX) + 65 or not der.startswith(_SPKI_PREFIX):
            raise Sm2KeyError("not an SM2 public key (SubjectPublicKeyInfo with curve 1.2.156.10197.1.301)")
        return cls.from_raw(der[len(_SPKI_PREFIX) :])

    def z(self, user_id: bytes = DEFAULT_USER_ID) -> bytes:
        """``Z_A`` of GM/T 0003.2 §5.5: binds the signature to the signer's id and key."""
        if user_id == DEFAULT_USER_ID:
            return self._default_z
        return self._z(user_id)

    def _z(self, user_id: bytes) -> bytes:
        entl = (len(user_id) * 8).to_bytes(2, "big")
        return sm3(entl + user_id + b"".join(_int32(v) for v in (A, B, GX, GY, self.x, self.y)))

    @cached_property
    def _default_z(self) -> bytes:
        # Every record is signed and checked with the default id: its Z_A is the same for every message.
        return self._z(DEFAULT_USER_ID)

    def digest(self, message: bytes, user_id: bytes = DEFAULT_USER_ID) -> bytes:
        """``e = SM3(Z_A || M)``, what SM2 actually signs."""
        return sm3(self.z(user_id) + message)

    def verify(self, message: bytes, signature: bytes, user_id: bytes = DEFAULT_USER_ID) -> bool:
        """``signature`` is ``r || s`` (64 bytes)."""
        if len(signature) != 64:
            return False
        r, s = int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        # GM/T 0003.2 §7.1 B1, B2: out-of-range values are refused before any arithmetic.
        if not (1 <= r < N and 1 <= s < N):
            return False
        e = int.from_bytes(self.digest(message, user_id), "big")
        t = (r + s) % N  # B5
        if t == 0:
            return False
        point = _sum_of_multiples(s, (GX, GY, 1), t, (self.x, self.y, 1))  # B6: (x1, y1) = [s]G + [t]P
        return point is not None and (e + point[0]) % N == r  # B7


@dataclass(frozen=True)
class Sm2PrivateKey:
    d: int

    def __post_init__(self) -> None:
        # GM/T 0003.1 §6.1: d in [1, n-2].
        if not 1 <= self.d <= N - 2:
            raise Sm2KeyError("SM2 private key out of range")

    @classmethod
    def generate(cls) -> "Sm2PrivateKey":
        return cls(secrets.randbelow(N - 2) + 1)

    @classmethod
    def from_hex(cls, text: str) -> "Sm2PrivateKey":
        try:
            value = bytes.fromhex(text.strip())
        except ValueError as exc:
            raise Sm2KeyError("an SM2 private key file holds 64 hex digits") from exc
        if len(value) != 32:
            raise Sm2KeyError("an SM2 private key file holds 64 hex digits")
        return cls(int.from_bytes(value, "big"))

    def to_hex(self) -> str:
        return "%064x" % self.d

    @cached_property
    def public(self) -> Sm2PublicKey:
        point = _multiply_base(self.d)  # d·G
        if point is None:  # d in [1, n-2] never gives the point at infinity
            raise Sm2KeyError("SM2 private key gives no public key")
        return Sm2PublicKey(*point)  # checks the curve equation

    @cached_property
    def _inverse_one_plus_d(self) -> int:
        # (1 + d)^-1 mod n, the same for every signature; 1 + d is in [2, n-1], so invertible.
        return pow(1 + self.d, -1, N)

    def sign(self, message: bytes, user_id: bytes = DEFAULT_USER_ID, *, k: Optional[int] = None) -> bytes:
        """``r || s`` (64 bytes), GM/T 0003.2 §6.1. ``k`` is for the standard's worked example only; normally it
        is fresh from ``secrets`` for every signature (a repeated or guessable ``k`` gives the private key away)."""
        if k is not None and not 1 <= k < N:
            raise ValueError("k must be in [1, n-1]")
        e = int.from_bytes(self.public.digest(message, user_id), "big")  # A1, A2
        while True:
            nonce = k if k is not None else secrets.randbelow(N - 1) + 1  # A3
            point = _multiply_base(nonce)  # A4: (x1, y1) = [k]G
            # A wrong point (a fault, a bug) must not yield a signature: x1 of a point off the curve could
            # leak the key through s.
            if point is None or not on_curve(*point):
                raise ArithmeticError("SM2: [k]G is not a point of the curve")
            r = (e + point[0]) % N  # A5
            if r != 0 and r + nonce != N:
                s = self._inverse_one_plus_d * (nonce - r * self.d) % N  # A6
                if s != 0:
                    return _int32(r) + _int32(s)  # A7
            if k is not None:
                raise ValueError("this k gives no signature (r = 0, r + k = n or s = 0)")
