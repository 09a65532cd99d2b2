from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.checks import one_of
from api.database import Base

# P5: roles are separated. staff = 12345 hotline agent (takes calls and complaints); officer = 核查人员
# (verification, complaints, reads commitments); admin = 管理员 (accounts, audit trail). No role includes another.
STAFF_ROLES = ("staff", "officer", "admin")


class StaffUser(Base):
    """A staff account. Only an argon2id hash of the password is stored."""

    __tablename__ = "staff_users"
    __table_args__ = (one_of("role", STAFF_ROLES),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    # A disabled account's tokens stop working at once: every request re-reads this row.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Every staff token names the generation it was issued in; a password change moves the account to the
    # next one, so every token issued before it stops working at once, wherever it is.
    token_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class LoginFailure(Base):
    """One failed sign-in, counted per username and client address for the login rate limit.

    Kept in the database, not in process memory, so the limit holds across API replicas and restarts.
    """

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_username_client_ip_at", "username", "client_ip", "at"),
        # The wider limits count per address and over everything in the window.
        Index("ix_login_failures_client_ip_at", "client_ip", "at"),
        Index("ix_login_failures_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100))
    client_ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RevokedToken(Base):
    """A token its holder signed out with (``POST /auth/logout``): refused from then on, by its ``jti``.

    Kept until the token would have expired anyway; after that its signature check refuses it and the row
    is dropped.
    """

    __tablename__ = "revoked_tokens"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    actor: Mapped[str] = mapped_column(String(100))
    revoked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
