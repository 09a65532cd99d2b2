"""Operator commands. Run from the repository root: ``python -m api.cli <command>``.

    migrate         alembic upgrade heads (Alembic owns the schema)
    load-catalogue  validate data/catalogue/items and store a new version of every changed item (R1)
    seed-demo       the demo integrity files of catalogue.md (R4, R16); running it again adds nothing
    init            all three
    verify          check every signed commitment and the chain (P3); --receipt NO checks one
Exit status 0 means success (for verify: everything intact), anything else a failure.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional

from alembic import command
from alembic.config import Config

from api.config import REPO_ROOT, Settings, get_settings
from api.database import make_engine, make_sessionmaker

ALEMBIC_INI = REPO_ROOT / "api" / "alembic.ini"


def alembic_config(database_url: str) -> Config:
    config = Config(str(ALEMBIC_INI))
    config.attributes["database_url"] = database_url
    return config


def migrate(settings: Settings) -> int:
    # "heads": each domain adds its own revision on top of 0001 until the lead merges them.
    command.upgrade(alembic_config(settings.database_url), "heads")
    print("schema is at the latest migration")
    return 0


def load_catalogue(settings: Settings, directory: Optional[Path] = None) -> int:
    from api.catalogue.service import load_into_database
    from bot.core.catalogue import CatalogueError

    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            report = load_into_database(session, directory or settings.catalogue_path)
    except CatalogueError as exc:
        print(f"catalogue refused, nothing changed: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(
        f"catalogue loaded: {len(report.new_versions)} new version(s) {report.new_versions}, "
        f"{len(report.unchanged)} unchanged, {len(report.deactivated)} removed {report.deactivated}"
    )
    return 0


def seed_demo(settings: Settings) -> int:
    from api.credit.service import seed_demo as seed
    from api.signing.service import load_or_create_id_hash_key

    key = load_or_create_id_hash_key(settings.id_hash_key_path)
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine).begin() as session:
            added = seed(session, key)
    finally:
        engine.dispose()
    print(f"demo integrity files: {len(added)} added" + "".join(f"\n  {a}" for a in added))
    return 0


def verify(settings: Settings, receipt: Optional[str]) -> int:
    from api.commitments.service import verify_chain, verify_one
    from api.signing.service import load_or_create_platform_key

    key = load_or_create_platform_key(settings.signing_key_path)
    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine)() as session:
            if receipt:
                result = verify_one(session, key, receipt)
                if result is None:
                    print(f"{receipt}: no such commitment", file=sys.stderr)
                    return 1
                failed = [name for name, ok in result.checks.model_dump().items() if not ok]
                if failed:
                    print(f"{receipt}: INVALID, failed checks: {', '.join(failed)}")
                    return 1
                print(f"{receipt}: valid (hash, signature, chain, columns), record_hash {result.record_hash}")
                return 0
            chain = verify_chain(session, key)
    finally:
        engine.dispose()
    if chain.problems:
        print(f"chain INVALID: {len(chain.problems)} problem(s) in {chain.length} record(s)")
        for problem in chain.problems:
            print(f"  {problem.commitment_no}: {problem.check}")
        return 1
    print(f"chain valid: {chain.length} record(s)")
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.cli", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="alembic upgrade head")
    load = sub.add_parser("load-catalogue", help="validate and version the catalogue (R1)")
    load.add_argument("--dir", type=Path, default=None, help="catalogue directory (default: GZ_CATALOGUE_DIR)")
    sub.add_parser("seed-demo", help="demo integrity files (R4, R16)")
    sub.add_parser("init", help="migrate, load-catalogue, seed-demo")
    check = sub.add_parser("verify", help="verify signatures and the hash chain (P3)")
    check.add_argument("--receipt", metavar="NO", default=None, help="verify one commitment number")
    args = parser.parse_args(argv)

    settings = get_settings()
    if args.command == "migrate":
        return migrate(settings)
    if args.command == "load-catalogue":
        return load_catalogue(settings, args.dir)
    if args.command == "seed-demo":
        return seed_demo(settings)
    if args.command == "init":
        return migrate(settings) or load_catalogue(settings) or seed_demo(settings)
    return verify(settings, args.receipt)


if __name__ == "__main__":
    sys.exit(main())
