"""Operator commands. Run from the repository root: ``python -m api.cli <command>``.

    migrate         alembic upgrade heads (Alembic owns the schema)
    load-catalogue  validate data/catalogue/items and store a new version of every changed item (R1)
    seed-demo       the demo integrity files of docs/demo-identities.md (R4, R16) and their shared data (R12);
                    running it again adds nothing; and one staff account per role (demo_staff,
                    demo_officer, demo_admin) with random passwords, printed once and kept in
                    var/demo_accounts.txt (mode 0600)
    create-user     a staff account: --username U --role staff|officer|admin [--password-stdin] (else prompted;
                    never a password on the command line, where ps and the shell history would show it)
    init            migrate, load-catalogue, seed-demo, the token secret, the service token and the data key
                    ring (P5)
    verify          check every signed commitment and the chain (P3): Ed25519 and SM2 signatures, SHA-256 and
                    SM3 chains (records signed before SM2 report it absent); --receipt NO checks one
    register-phones --from FILE
                    the real-name (实名) mobile numbers of people, one JSON object a line ({"id": ..., "phone": ...}),
                    sealed as seed-demo seals the demo ones (P5); a number already held is kept, running it again
                    adds nothing; a file that is invalid or gives another number than the one held changes
                    nothing. The values come from a file, never from the command line (process lists, shell
                    history).
    rotate-signing-key
                    retire the platform signing keys (Ed25519 and SM2) and create new ones (P3): the old public key goes to
                    GZ_RETIRED_KEYS_DIR first, so every receipt it signed keeps verifying; then the private key
                    file is replaced atomically. Running API processes keep signing with the old key until
                    restarted (still verifiable): restart them.
Exit status 0 means success (for verify: everything intact), anything else a failure.

Each command that writes owns its one transaction (``sessionmaker.begin()``): committed when the command's work
ends, rolled back if it fails, so a refused catalogue or a failed seed changes nothing. Nothing the commands
call commits on its own.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

from alembic import command
from alembic.config import Config
from sqlalchemy.orm import Session

from api.config import REPO_ROOT, Settings, get_settings
from api.database import make_engine, make_sessionmaker

ALEMBIC_INI = REPO_ROOT / "api" / "alembic.ini"
# The commands create keys, the SQLite database and the demo passwords: private from their first byte.
PRIVATE_UMASK = 0o077


def alembic_config(database_url: str, data_key_path: Optional[Path] = None) -> Config:
    config = Config(str(ALEMBIC_INI))
    config.attributes["database_url"] = database_url
    # Migration 0008 seals the ID numbers of earlier commitments with the data key ring (P5).
    config.attributes["data_key_path"] = data_key_path
    return config


def data_keys(settings: Settings):
    """The data key ring (P5: ID numbers encrypted at rest), created 0600 on first use like the other keys."""
    from bot.core import sealing

    return sealing.load_or_create(settings.data_key_path)


def sessions(settings: Settings, engine):
    return make_sessionmaker(engine, data_keys=data_keys(settings))


@contextmanager
def writing(settings: Settings, sealed: bool = False) -> Iterator[Session]:
    """One command's transaction on an engine of its own, disposed afterwards. ``sealed``: with the data key ring,
    for tables that hold personal data sealed (P5)."""
    engine = make_engine(settings.database_url)
    try:
        maker = sessions(settings, engine) if sealed else make_sessionmaker(engine)
        with maker.begin() as session:
            yield session
    finally:
        engine.dispose()


def migrate(settings: Settings) -> int:
    # "heads": a domain's revision may sit on its own branch until a merge revision joins them.
    command.upgrade(alembic_config(settings.database_url, settings.data_key_path), "heads")
    print("schema is at the latest migration")
    _key_applicants(settings)
    return 0


def _key_applicants(settings: Settings) -> None:
    """Commitments signed before they carried the applicant's keyed ID hash get it (P5: /me/commitments)."""
    from api.commitments.status import fill_applicant_hashes
    from api.signing.service import load_or_create_id_hash_key

    key = load_or_create_id_hash_key(settings.id_hash_key_path)
    with writing(settings, sealed=True) as session:
        filled = fill_applicant_hashes(session, key)
    if filled:
        print(f"{filled} earlier commitment(s) keyed to their applicant")


def ensure_secrets(settings: Settings) -> int:
    """The token secret and the action server's service token exist (0600) before any server starts."""
    from api.auth.service import load_or_create_jwt_secret, load_or_create_service_token

    load_or_create_jwt_secret(settings.jwt_secret_file)
    load_or_create_service_token(settings.service_token_file)
    data_keys(settings)
    # The signing keys (Ed25519 and SM2) and the CA of the letters' PDF signatures, so a deployment can copy
    # them into its secret store before any API process starts.
    from api.signing.pades import ensure_pki, pki_dir_for
    from api.signing.service import load_or_create_platform_key

    load_or_create_platform_key(settings.signing_key_path, settings.retired_keys_path)
    ensure_pki(pki_dir_for(settings.signing_key_path))
    print(f"service token for the action server: {settings.service_token_file}")
    return 0


def create_user(settings: Settings, username: str, role: str, password_stdin: bool = False) -> int:
    from api.audit import service as audit
    from api.auth.service import AccountError, Principal
    from api.auth.service import create_user as create

    if password_stdin:
        # The first line of standard input (a pipe from a secret store): a secret never goes on a command line.
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            print("no --password-stdin and no terminal to prompt on", file=sys.stderr)
            return 2
        password = getpass.getpass(f"password for {username}: ")
        if getpass.getpass("again: ") != password:
            print("the passwords differ; nothing created", file=sys.stderr)
            return 2
    try:
        with writing(settings) as session:
            user = create(session, username, role, password)
            audit.record(session, Principal(role="admin", actor="cli"), "user.create", target=user.username, detail={"role": role})
    except AccountError as exc:
        print(f"account not created: {exc}", file=sys.stderr)
        return 2
    print(f"created {role} account {user.username}")
    return 0


def seed_demo_accounts(settings: Settings) -> int:
    from api.auth.models import StaffUser
    from api.auth.service import read_demo_accounts_file, seed_demo_accounts as seed, write_demo_accounts_file
    from sqlalchemy import select

    with writing(settings) as session:
        created = seed(session)
        usernames = set(session.scalars(select(StaffUser.username)))
    path = settings.demo_accounts_file
    if created or path.exists():
        write_demo_accounts_file(path, created, usernames)
    for username, role, password in created:
        # Printed once: only the argon2 hash is stored.
        print(f"demo account {username} ({role}) password: {password}")
    kept = read_demo_accounts_file(path) if path.exists() else {}
    print(f"demo accounts: {len(created)} created; passwords of {len(kept)} in {path} (mode 0600)")
    return 0


def load_catalogue(settings: Settings, directory: Optional[Path] = None) -> int:
    from api.catalogue.service import load_into_database
    from bot.core.catalogue import CatalogueError

    try:
        with writing(settings) as session:
            report = load_into_database(session, directory or settings.catalogue_path)
    except CatalogueError as exc:
        print(f"catalogue refused, nothing changed: {exc}", file=sys.stderr)
        return 2
    print(
        f"catalogue loaded: {len(report.new_versions)} new version(s) {report.new_versions}, "
        f"{len(report.unchanged)} unchanged, {len(report.deactivated)} removed {report.deactivated}"
    )
    return 0


def seed_demo(settings: Settings) -> int:
    from api.credit.service import seed_demo as seed
    from api.signing.service import load_or_create_id_hash_key
    from api.verification.shared_data import seed_demo as seed_shared_data

    key = load_or_create_id_hash_key(settings.id_hash_key_path)
    # The data key ring seals the registered phone numbers (P5).
    with writing(settings, sealed=True) as session:
        added = seed(session, key)
        # R12: the local shared-data tables the shipped online-verification adapter reads.
        added += seed_shared_data(session, key)
    print(f"demo integrity files: {len(added)} added" + "".join(f"\n  {a}" for a in added))
    return seed_demo_accounts(settings)


def _read_phone_lines(path: Path) -> List[tuple]:
    """(id_number, phone) per line of ``path``; ValueError naming the line (never its values) when one is invalid."""
    import json

    from bot.core import ids

    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            raise ValueError(f"line {number}: not a JSON object") from None
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("phone"), str):
            raise ValueError(f"line {number}: needs the string fields id and phone")
        id_number = ids.clean_id(entry["id"])
        problem = ids.id_problem(id_number)
        if problem:
            raise ValueError(f"line {number}: id {problem}")
        phone = ids.canonical_phone(entry["phone"])
        if phone is None:
            raise ValueError(f"line {number}: phone invalid_phone")
        pairs.append((id_number, phone))
    return pairs


def register_phones(settings: Settings, path: Path) -> int:
    """Hold the 实名 mobile number of each person in ``path`` (where their one-time codes go), sealed (P5)."""
    from sqlalchemy import select

    from api.audit import service as audit
    from api.auth.service import Principal
    from api.commitments import sealed
    from api.credit.service import id_hash
    from api.signing.service import load_or_create_id_hash_key
    from api.verification.models import RegisteredPhone
    from api.verification.shared_data import PHONE_PROVIDER, _phone_aad
    from bot.core import ids
    from datetime import date

    try:
        pairs = _read_phone_lines(path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"{path.name}: refused, nothing changed: {exc}", file=sys.stderr)
        return 2
    key = load_or_create_id_hash_key(settings.id_hash_key_path)
    added = unchanged = 0
    try:
        with writing(settings, sealed=True) as session:
            ring = sealed.ring_of(session)
            wanted = {}
            for id_number, phone in pairs:
                if wanted.setdefault(id_number, phone) != phone:
                    raise ValueError(f"{ids.mask_id(id_number)} is given two different numbers")
            for id_number, phone in wanted.items():
                subject = id_hash(id_number, key)
                row = session.scalars(select(RegisteredPhone).where(RegisteredPhone.subject_hash == subject)).first()
                if row is not None:
                    # Where a person's codes go is not changed by a bulk import: a different number is refused.
                    if ring.open(row.phone_sealed, _phone_aad(subject)) != phone:
                        raise ValueError(f"{ids.mask_id(id_number)} already has another registered number")
                    unchanged += 1
                    continue
                session.add(RegisteredPhone(
                    subject_hash=subject, phone_sealed=ring.seal(phone, _phone_aad(subject)),
                    provider=PHONE_PROVIDER, as_of=date.today(),
                ))
                added += 1
            if added:
                audit.record(session, Principal(role="admin", actor="cli"), "registered_phone.import",
                             target=path.name, detail={"added": added, "unchanged": unchanged})
            session.flush()
    except ValueError as exc:
        print(f"{path.name}: refused, nothing changed: {exc}", file=sys.stderr)
        return 2
    print(f"registered phones: {added} added, {unchanged} already held")
    return 0


def verify(settings: Settings, receipt: Optional[str]) -> int:
    from api.commitments.service import count_sm2_signed, verify_chain, verify_one
    from api.signing.service import RetiredKeyError, load_or_create_platform_key

    try:
        # P3: with the retired public keys too, so receipts signed before a rotation verify.
        key = load_or_create_platform_key(settings.signing_key_path, settings.retired_keys_path)
    except RetiredKeyError as exc:
        print(exc, file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    try:
        with sessions(settings, engine)() as session:
            if receipt:
                result = verify_one(session, key, receipt)
                if result is None:
                    print(f"{receipt}: no such commitment", file=sys.stderr)
                    return 1
                checks = result.integrity.checks
                failed = [name for name, outcome in checks.items() if outcome == "invalid"]
                if failed:
                    print(f"{receipt}: INVALID, failed checks: {', '.join(failed)}")
                    return 1
                sm2 = (
                    f"SM2 {result.sm2_key_id} valid, SM3 {result.sm3_record_hash}"
                    if checks.get("sm2_signature") == "valid"
                    else "SM2 absent (signed before SM2 was added)"
                )
                print(
                    f"{receipt}: valid (hash, signature, chain, columns; sm3_hash, sm2_signature, sm3_chain), "
                    f"Ed25519 {result.key_id}, record_hash {result.record_hash}; {sm2}"
                )
                return 0
            chain = verify_chain(session, key)
            sm2_signed = count_sm2_signed(session)
    finally:
        engine.dispose()
    if chain.problems:
        print(f"chain INVALID: {len(chain.problems)} problem(s) in {chain.length} record(s)")
        for problem in chain.problems:
            print(f"  {problem.commitment_no}: {problem.check}")
        return 1
    print(
        f"chain valid: {chain.length} record(s), Ed25519 and SHA-256 on all, SM2 and SM3 on {sm2_signed} "
        f"(the other {chain.length - sm2_signed} were signed before SM2 was added)"
    )
    return 0


def rotate_signing_key(settings: Settings) -> int:
    """Retire the current signing key, then replace it (P3). API processes must be restarted afterwards."""
    from api.signing.service import RetiredKeyError, rotate, rotate_sm2, sm2_key_path

    try:
        old_id, new_id = rotate(settings.signing_key_path, settings.retired_keys_path)
        # Both key kinds rotate together, the same way: public half retired and synced, then the private key.
        old_sm2, new_sm2 = rotate_sm2(settings.signing_key_path, settings.retired_keys_path)
    except (RetiredKeyError, FileNotFoundError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"retired key {old_id}: public key kept in {settings.retired_keys_path}")
    print(f"new signing key {new_id}: {settings.signing_key_path}")
    if old_sm2 is not None:
        print(f"retired SM2 key {old_sm2}: public key kept in {settings.retired_keys_path}")
    print(f"new SM2 signing key {new_sm2}: {sm2_key_path(settings.signing_key_path)}")
    print(
        "restart every API process: until then they sign with the retired key (still verifiable). "
        "Publish the retired public key wherever API processes read GZ_RETIRED_KEYS_DIR."
    )
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.cli", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="alembic upgrade heads")
    load = sub.add_parser("load-catalogue", help="validate and version the catalogue (R1)")
    load.add_argument("--dir", type=Path, default=None, help="catalogue directory (default: GZ_CATALOGUE_DIR)")
    sub.add_parser("seed-demo", help="demo integrity files (R4, R16)")
    user = sub.add_parser("create-user", help="create a staff account (P5)")
    user.add_argument("--username", required=True)
    user.add_argument("--role", required=True, choices=("staff", "officer", "admin"))
    user.add_argument("--password-stdin", action="store_true",
                      help="read the password from the first line of standard input (else prompted)")
    sub.add_parser("init", help="migrate, load-catalogue, seed-demo, secrets")
    check = sub.add_parser("verify", help="verify signatures and the hash chain (P3)")
    check.add_argument("--receipt", metavar="NO", default=None, help="verify one commitment number")
    phones = sub.add_parser("register-phones", help="hold people's real-name mobile numbers, sealed (P5)")
    phones.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE",
                        help='JSON lines {"id": "...", "phone": "..."}')
    sub.add_parser("rotate-signing-key", help="retire the signing key and create a new one (P3); restart the API")
    args = parser.parse_args(argv)

    settings = get_settings()
    previous_umask = os.umask(PRIVATE_UMASK)
    try:
        return _run(args, settings)
    finally:
        os.umask(previous_umask)
        make_private(settings)


def make_private(settings: Settings) -> None:
    """The var and keys directories 0700, a SQLite database and its journals 0600: they may predate the umask
    (a deployment's directories owned by someone else are left as they are)."""
    from sqlalchemy.engine import make_url

    paths = [(settings.var_path, 0o700), (settings.var_path / "keys", 0o700)]
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        paths += [(Path(url.database + suffix), 0o600) for suffix in ("", "-wal", "-shm", "-journal")]
    for path, mode in paths:
        try:
            if path.exists() and path.stat().st_uid == os.getuid():
                path.chmod(mode)
        except OSError:
            pass


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "migrate":
        return migrate(settings)
    if args.command == "load-catalogue":
        return load_catalogue(settings, args.dir)
    if args.command == "seed-demo":
        return seed_demo(settings)
    if args.command == "create-user":
        return create_user(settings, args.username, args.role, args.password_stdin)
    if args.command == "init":
        return migrate(settings) or load_catalogue(settings) or seed_demo(settings) or ensure_secrets(settings)
    if args.command == "rotate-signing-key":
        return rotate_signing_key(settings)
    if args.command == "register-phones":
        return register_phones(settings, args.source)
    return verify(settings, args.receipt)


if __name__ == "__main__":
    sys.exit(main())
