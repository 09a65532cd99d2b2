#!/usr/bin/env sh
# Creates the secrets deploy/compose/compose.yaml needs, once; never overwrites an existing one (rotating the
# signing key or the ID-hash key is an operation of its own: see the README, "Deploying at scale").
#   secrets/platform_ed25519.pem  Ed25519 key that signs every commitment (P3)
#   secrets/id_hash.key           32 random bytes: HMAC key of the ID numbers (P5)
#   secrets/data.key              AES-256-GCM data key ring, 'k1:<base64>' (ID numbers encrypted at rest, P5)
#   secrets/hotline.secret        32 random bytes: signs the hotline console's channel tokens
#   secrets/jwt.secret            32 random bytes: HS256 secret of staff and applicant tokens
#   secrets/service.token         the action server's credential at the API (X-Service-Token)
#   secrets/rasa.token            protects Rasa's HTTP API (read by bot/rasa_server.py, never on argv)
#   secrets/action.secret         Rasa's credential at the action server (X-GZ-Action-Secret)
#   secrets/channel-evidence.key  32 random bytes: the channels sign evidence with it (Rasa and the API only)
#   .env                          PG_PASSWORD, REDIS_PASSWORD (compose reads it for ${...})
# The directory is 0700 so only the deploying user reads it on the host; the files are 0644 so the
# containers' non-root user (uid 10001) can read the bind-mounted copies.
set -eu
cd "$(dirname "$0")"
umask 077
mkdir -p secrets
chmod 700 secrets
rand() { head -c "$1" /dev/urandom; }
token() { rand 32 | od -An -tx1 | tr -d ' \n'; }
[ -s secrets/platform_ed25519.pem ] || openssl genpkey -algorithm ed25519 -out secrets/platform_ed25519.pem
[ -s secrets/id_hash.key ] || rand 32 > secrets/id_hash.key
[ -s secrets/data.key ] || printf 'k1:%s\n' "$(rand 32 | base64 | tr -d '\n')" > secrets/data.key
[ -s secrets/hotline.secret ] || rand 32 > secrets/hotline.secret
[ -s secrets/jwt.secret ] || rand 32 > secrets/jwt.secret
[ -s secrets/service.token ] || token > secrets/service.token
[ -s secrets/rasa.token ] || token > secrets/rasa.token
[ -s secrets/action.secret ] || token > secrets/action.secret
[ -s secrets/channel-evidence.key ] || rand 32 > secrets/channel-evidence.key
chmod 644 secrets/*
if [ ! -s .env ]; then
  printf 'PG_PASSWORD=%s\nREDIS_PASSWORD=%s\n' "$(token)" "$(token)" > .env
  chmod 600 .env
fi
echo "secrets ready in $(pwd)/secrets and $(pwd)/.env"
