"""Flood control for the chat channels: token buckets per sender and per client address.

A script that sends message after message to the REST webhook, the widget's socket.io connection or the WeChat
webhook makes Rasa classify and the action server answer every one of them; each costs the 2-core machine tens
to hundreds of milliseconds, and the conversations of everybody else wait behind them. Every message therefore
takes a token from two buckets before it is handed to Rasa:

- the **sender's** (the conversation: a REST sender, a widget session, a WeChat openid): ``GZ_FLOOD_SENDER_BURST``
  tokens (default 8), refilled at ``GZ_FLOOD_SENDER_PER_MINUTE`` a minute (default 20). A person reading and
  answering never comes near it; a loop does at once;
- the **client address's**: ``GZ_FLOOD_ADDRESS_BURST`` (default 40) refilled at ``GZ_FLOOD_ADDRESS_PER_MINUTE``
  (default 120), because a REST client picks its sender id freely and would otherwise start a fresh bucket with
  every message.

A message is admitted only if both buckets have a token, and then takes one from each (a refused message takes
nothing, so a flood stays refused only as long as it keeps flooding). A limit of 0 switches that bucket off.

The client address is the peer's. Behind reverse proxies named in ``GZ_TRUSTED_PROXIES`` (addresses or networks,
comma-separated, as for the API) it is read from ``X-Forwarded-For`` from the right: each proxy appends the
address it got the request from, so the first address that is not itself a trusted proxy is the client, and
whatever a client wrote into the header itself is further left and never reached. Nothing trusted (the default),
nothing is read. A typo in the list stops Rasa from starting rather than trusting nobody, or everybody.

No address bucket is kept for a loopback client, nor for a trusted proxy that forwarded no client: every server
binds loopback, so such a peer is this machine itself (the hotline's and the test suites' clients) or a reverse
proxy that was not declared trusted, and one bucket for all of its traffic would throttle every citizen at once.
The sender's bucket still applies to them. WeChat's webhook is always called by WeChat's servers, so its
messages are limited per openid only (the channel passes no address).

Storage: this process's memory (bounded, least recently used senders dropped first) unless
``GZ_FLOOD_REDIS_URL`` is set - the scale profile runs several Sanic workers and Rasa replicas, and a flood
spread over them must drain one bucket. The check and the take are one Lua script, so replicas never both spend
the last token; the time is Redis's, so replicas' clocks do not matter. Keys are SHA-256 digests of the sender or
address, so no openid or address is readable in Redis at a glance (a digest is not a secret: an address can be
found again by trying them all), and expire once the bucket would be full again. If Redis cannot be reached the
message is admitted (and the failure logged): the guard must not become the outage.
"""
from __future__ import annotations

import hashlib
import ipaddress
import logging
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

logger = logging.getLogger(__name__)

FLOOD_TEXT = "您发送消息太频繁了，请稍等一会儿再发；已经填写的内容都还在。"

ENV_SENDER_PER_MINUTE = "GZ_FLOOD_SENDER_PER_MINUTE"
ENV_SENDER_BURST = "GZ_FLOOD_SENDER_BURST"
ENV_ADDRESS_PER_MINUTE = "GZ_FLOOD_ADDRESS_PER_MINUTE"
ENV_ADDRESS_BURST = "GZ_FLOOD_ADDRESS_BURST"
ENV_REDIS_URL = "GZ_FLOOD_REDIS_URL"
ENV_TRUSTED_PROXIES = "GZ_TRUSTED_PROXIES"

DEFAULTS = {ENV_SENDER_PER_MINUTE: 20.0, ENV_SENDER_BURST: 8.0, ENV_ADDRESS_PER_MINUTE: 120.0, ENV_ADDRESS_BURST: 40.0}
MAX_BUCKETS = 100_000  # memory store: ~150 bytes each
REDIS_PREFIX = "gz:flood:"
REDIS_TIMEOUT_SECONDS = 0.5  # a flood check must not hold a message up; past this the message is admitted

IPNetwork = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


class ConfigError(ValueError):
    """A ``GZ_FLOOD_*`` value or ``GZ_TRUSTED_PROXIES`` that cannot be used."""


@dataclass(frozen=True)
class Limit:
    per_minute: float
    burst: float

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0 and self.burst > 0

    @property
    def rate(self) -> float:  # tokens per second
        return self.per_minute / 60.0


@dataclass(frozen=True)
class Settings:
    sender: Limit
    address: Limit
    redis_url: str
    trusted_proxies: Tuple[IPNetwork, ...]

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "Settings":
        def number(name: str) -> float:
            raw = (env.get(name) or "").strip()
            if not raw:
                return DEFAULTS[name]
            try:
                value = float(raw)
            except ValueError:
                raise ConfigError(f"{name}={raw!r} is not a number") from None
            if value < 0 or value != value:
                raise ConfigError(f"{name}={raw!r} must be 0 (off) or more")
            return value

        return cls(
            sender=Limit(number(ENV_SENDER_PER_MINUTE), number(ENV_SENDER_BURST)),
            address=Limit(number(ENV_ADDRESS_PER_MINUTE), number(ENV_ADDRESS_BURST)),
            redis_url=(env.get(ENV_REDIS_URL) or "").strip(),
            trusted_proxies=parse_networks(env.get(ENV_TRUSTED_PROXIES) or ""),
        )


def parse_networks(value: str) -> Tuple[IPNetwork, ...]:
    try:
        return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip())
    except ValueError as error:
        raise ConfigError(f"{ENV_TRUSTED_PROXIES}: {error}") from None


# --- the client's address ----------------------------------------------------------------------------------


def _trusted(address: str, proxies: Sequence[IPNetwork]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(peer: Optional[str], forwarded_for: Optional[str], proxies: Sequence[IPNetwork]) -> Optional[str]:
    """The client's address: the peer, or behind trusted proxies the rightmost forwarded address that is not a
    trusted proxy itself (whatever a client put in the header is further left and never read)."""
    if not peer:
        return None
    if not proxies or not forwarded_for or not _trusted(peer, proxies):
        return peer
    client = peer
    for hop in reversed([part.strip() for part in forwarded_for.split(",")]):
        try:
            hop = str(ipaddress.ip_address(hop))
        except ValueError:
            return client  # not an address ("unknown", a misconfigured proxy): the last one a trusted hop vouched for
        client = hop
        if not _trusted(hop, proxies):
            return hop
    return client


def counted_address(address: Optional[str], proxies: Sequence[IPNetwork]) -> Optional[str]:
    """The address whose bucket a message takes from, or None: not for this machine, nor for a trusted proxy
    that named no client (one bucket for everybody behind it would throttle every citizen at once)."""
    if not address:
        return None
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address  # a unix socket or a name: still one peer
    if ip.is_loopback or any(ip in network for network in proxies):
        return None
    return str(ip)


# --- the buckets -------------------------------------------------------------------------------------------


def _key(kind: str, value: str) -> str:
    return kind + ":" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class MemoryBuckets:
    """This process's buckets; thread-safe (socket.io and WeChat work may come from other threads)."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, max_buckets: int = MAX_BUCKETS) -> None:
        self._clock = clock
        self._max = max_buckets
        self._buckets: "OrderedDict[str, Tuple[float, float]]" = OrderedDict()  # key -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, wanted: List[Tuple[str, Limit]]) -> bool:
        now = self._clock()
        with self._lock:
            levels = []
            for key, limit in wanted:
                tokens, at = self._buckets.get(key, (limit.burst, now))
                levels.append(min(limit.burst, tokens + max(0.0, now - at) * limit.rate))
            admitted = all(level >= 1.0 for level in levels)
            for (key, _), level in zip(wanted, levels):
                self._buckets[key] = (level - 1.0 if admitted else level, now)
                self._buckets.move_to_end(key)
            while len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
            return admitted

    def __len__(self) -> int:
        return len(self._buckets)


# KEYS: the buckets; ARGV: rate (tokens/s) and burst of each, in the same order. 1 = admitted (one token taken
# from each), 0 = refused (nothing taken). Time from Redis: every replica sees the same clock.
TAKE_SCRIPT = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) + tonumber(now_parts[2]) / 1000000
local levels = {}
local admitted = 1
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
  local stored = redis.call('HMGET', key, 't', 'at')
  local tokens = tonumber(stored[1])
  local at = tonumber(stored[2])
  if tokens == nil or at == nil then
    tokens = burst
    at = now
  end
  local level = math.min(burst, tokens + math.max(0, now - at) * rate)
  levels[i] = level
  if level < 1 then
    admitted = 0
  end
end
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
  local level = levels[i]
  if admitted == 1 then
    level = level - 1
  end
  redis.call('HSET', key, 't', tostring(level), 'at', tostring(now))
  redis.call('EXPIRE', key, math.ceil((burst - level) / rate) + 1)
end
return admitted
"""


class RedisBuckets:
    """The buckets in Redis, shared by every worker and replica; check and take in one script."""

    def __init__(self, url: str = "", *, client: Any = None) -> None:
        if client is None:
            import redis  # only where Redis is configured

            client = redis.Redis.from_url(
                url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
            )
        self.client = client
        self._script = client.register_script(TAKE_SCRIPT)

    def take(self, wanted: List[Tuple[str, Limit]]) -> bool:
        args: List[float] = []
        for _, limit in wanted:
            args.extend((limit.rate, limit.burst))
        return bool(self._script(keys=[REDIS_PREFIX + key for key, _ in wanted], args=args))


class FloodGuard:
    """Whether a message may be handed to Rasa: ``admit(sender, address)``."""

    def __init__(self, settings: Settings, buckets: Any = None) -> None:
        self.settings = settings
        if buckets is None:
            buckets = RedisBuckets(settings.redis_url) if settings.redis_url else MemoryBuckets()
        self.buckets = buckets
        self._last_failure_logged = 0.0

    def address_of(self, peer: Optional[str], forwarded_for: Optional[str]) -> Optional[str]:
        return client_address(peer, forwarded_for, self.settings.trusted_proxies)

    def admit(self, sender: Optional[str], address: Optional[str] = None) -> bool:
        wanted: List[Tuple[str, Limit]] = []
        if sender and self.settings.sender.enabled:
            wanted.append((_key("s", sender), self.settings.sender))
        counted = counted_address(address, self.settings.trusted_proxies)
        if counted and self.settings.address.enabled:
            wanted.append((_key("a", counted), self.settings.address))
        if not wanted:
            return True
        try:
            return self.buckets.take(wanted)
        except Exception as error:  # Redis down or slow: admit rather than refuse every citizen
            now = time.monotonic()
            if now - self._last_failure_logged > 60:
                self._last_failure_logged = now
                logger.error("flood control unavailable, messages admitted unchecked (%s)", type(error).__name__)
            return True


_guards: Dict[Tuple[Tuple[str, str], ...], FloodGuard] = {}
_guards_lock = threading.Lock()


def guard(env: Mapping[str, str] = os.environ) -> FloodGuard:
    """The guard of this process for its configuration (one store per configuration, made on first use)."""
    names = (ENV_SENDER_PER_MINUTE, ENV_SENDER_BURST, ENV_ADDRESS_PER_MINUTE, ENV_ADDRESS_BURST, ENV_REDIS_URL,
             ENV_TRUSTED_PROXIES)
    config = tuple((name, env.get(name) or "") for name in names)
    with _guards_lock:
        found = _guards.get(config)
        if found is None:
            found = FloodGuard(Settings.from_env(env))
            _guards[config] = found
        return found


def reset() -> None:
    """Forget the guards and their buckets (tests change the environment between cases)."""
    with _guards_lock:
        _guards.clear()
