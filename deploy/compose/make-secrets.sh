#!/usr/bin/env sh
# Creates the secrets deploy/compose/compose.yaml needs, and the files of the Kubernetes secret gaozhi-keys
# (deploy/k8s/secrets.example.yaml), once; never overwrites an existing one (rotating the signing keys or the
# ID-hash key is an operation of its own: see deploy/README.md).
#
#   ./make-secrets.sh [DIR]     DIR: where to put them; default this directory, where compose.yaml reads them
#
# DIR/secrets/ (the API's part laid out as it expects it beside GZ_SIGNING_KEY_PATH):
#   platform_ed25519.pem     Ed25519 key that signs every commitment (P3), PKCS#8 PEM
#   platform_sm2.key         SM2 key that signs every commitment beside it (P3): 64 hex digits (api/signing/gm.py)
#   pki/letter-signer.key    RSA key of the letters' PAdES signature, PKCS#8 PEM (api/signing/pades.py)
#   pki/letter-signer.pem    its certificate, issued by pki/ca.pem
#   pki/ca.pem               the letters' root certificate (public: the API serves it at /api/v1/pki/ca.pem)
#   id_hash.key              32 random bytes: HMAC key of the ID numbers (P5)
#   data.key                 AES-256-GCM data key ring, 'k1:<base64>' (ID numbers encrypted at rest, P5)
#   hotline.secret           32 random bytes: signs the hotline console's channel tokens
#   jwt.secret               32 random bytes: HS256 secret of staff and applicant tokens
#   service.token            the action server's credential at the API (X-Service-Token)
#   rasa.token               protects Rasa's HTTP API (read by bot/rasa/server.py, never on argv)
#   action.secret            Rasa's credential at the action server (X-GZ-Action-Secret)
#   channel-evidence.key     32 random bytes: the channels sign evidence with it (Rasa and the API only)
#   otp.key                  32 random bytes: one-time codes are stored only as an HMAC with it (API only)
#   metrics.token            Prometheus's bearer token for GET /metrics on the API and the action server (the
#                            Kubernetes secret gaozhi-metrics, not gaozhi-keys: Prometheus's namespace needs it too)
# DIR/ca/ca.key              the letters' root private key: never mounted into any container. It only issues
#                            the next letter-signing certificate; keep it offline.
# DIR/.env                   PG_PASSWORD, REDIS_PASSWORD (compose reads it for ${...})
#
# The signing keys and the letters' certificates are made by the API's own code (`python -m api.cli init` on a
# throwaway database) when its virtualenv is there (GZ_API_PYTHON, default the repository's .venv-api);
# otherwise by openssl, in the same formats. GZ_API_PYTHON= (empty) forces openssl.
#
# DIR/secrets/ and DIR/ca/ are 0700 so only the deploying user reads them on the host; the files in secrets/
# are 0644 so the containers' non-root user (uid 10001) can read the bind-mounted copies. No secret is ever an
# argument of a command (ps shows those to every user): values go through pipes and files only.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${1:-$HERE}
API_PYTHON=${GZ_API_PYTHON-$REPO/.venv-api/bin/python}
# The letters' certificate names, as api/signing/pades.py issues them.
PLATFORM="郑州市告知承诺制服务平台"
PKI_FILES="ca.pem letter-signer.key letter-signer.pem"

umask 077
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
cd "$OUT"
mkdir -p secrets secrets/pki
chmod 700 secrets secrets/pki
# Scratch space on the same file system as secrets/, private like it; gone however the script ends.
WORK=$(mktemp -d "$OUT/.make-secrets.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM
mkdir "$WORK/keys"

fail() {
  echo "make-secrets.sh: $*" >&2
  exit 1
}

rand() { head -c "$1" /dev/urandom; }
token() { rand 32 | od -An -tx1 | tr -d ' \n'; }

# --- the signing keys and the letters' PKI ----------------------------------------------------------------

api_python_usable() {
  [ -n "$API_PYTHON" ] && [ -x "$API_PYTHON" ] && (cd "$REPO" && "$API_PYTHON" -c 'import api.cli') >/dev/null 2>&1
}

# The API's own key creation, into $WORK/keys. Its demo data goes into a throwaway SQLite database; only the
# listed GZ_ settings reach it, so nothing of the caller's environment (a production database URL) is used.
api_keys() {
  (cd "$REPO" && env -i PATH="$PATH" HOME="$WORK" \
    GZ_DATABASE_URL="sqlite:///$WORK/throwaway.db" GZ_VAR_DIR="$WORK" \
    GZ_SIGNING_KEY_PATH="$WORK/keys/platform_ed25519.pem" GZ_RETIRED_KEYS_DIR="$WORK/keys/retired" \
    GZ_ID_HASH_KEY_PATH="$WORK/keys/id_hash.key" GZ_DATA_KEY_PATH="$WORK/keys/data.key" \
    "$API_PYTHON" -m api.cli init) >"$WORK/init.log" 2>&1 || { cat "$WORK/init.log" >&2; fail "python -m api.cli init failed"; }
}

# An SM2 key from openssl, written as the API reads it: the private scalar d as 64 hex digits.
openssl_sm2_key() {
  openssl genpkey -algorithm SM2 -out "$WORK/sm2.pem" 2>/dev/null \
    || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out "$WORK/sm2.pem" 2>/dev/null \
    || fail "this openssl cannot create SM2 keys (OpenSSL 1.1.1 or later can); or run with the API's virtualenv (GZ_API_PYTHON)"
  hex=$(openssl pkey -in "$WORK/sm2.pem" -noout -text | awk '/^priv:/ { p = 1; next } /^[^ ]/ { p = 0 } p' \
    | tr -d ' :\n' | sed 's/^0*//')
  while [ ${#hex} -lt 64 ]; do hex="0$hex"; done
  case $hex in *[!0-9a-f]*) fail "cannot read the SM2 private key openssl printed" ;; esac
  [ ${#hex} -eq 64 ] || fail "cannot read the SM2 private key openssl printed"
  # Proof that the 64 digits are that key: openssl rebuilds the key from them alone (SEC 1 ECPrivateKey, curve
  # SM2) and must derive the same public key.
  printf '%s\n' 'asn1 = SEQUENCE:key' '[key]' 'version = INTEGER:1' "d = FORMAT:HEX,OCTETSTRING:$hex" \
    'curve = EXPLICIT:0,OID:1.2.156.10197.1.301' >"$WORK/sm2.asn1"
  openssl asn1parse -genconf "$WORK/sm2.asn1" -noout -out "$WORK/sm2.der"
  openssl pkey -inform DER -in "$WORK/sm2.der" -pubout -out "$WORK/sm2.rebuilt.pub"
  openssl pkey -in "$WORK/sm2.pem" -pubout -out "$WORK/sm2.pub"
  cmp -s "$WORK/sm2.pub" "$WORK/sm2.rebuilt.pub" || fail "the SM2 key read back differs from the one openssl made"
  printf '%s\n' "$hex" >"$WORK/keys/platform_sm2.key"
}

# The CA and the letter-signing certificate with the profile api/signing/pades.py issues: RSA 3072, SHA-256,
# root valid 20 years (CA, path length 0, keyCertSign + cRLSign), signer 10 years (digitalSignature +
# nonRepudiation), key identifiers on both. Private keys PKCS#8 PEM.
openssl_pki() {
  pki=$WORK/keys/pki
  mkdir "$pki"
  printf '%s\n' '[req]' 'distinguished_name = dn' 'string_mask = utf8only' '[dn]' \
    '[root]' 'basicConstraints = critical, CA:TRUE, pathlen:0' 'keyUsage = critical, keyCertSign, cRLSign' \
    'subjectKeyIdentifier = hash' \
    '[signer]' 'basicConstraints = critical, CA:FALSE' 'keyUsage = critical, digitalSignature, nonRepudiation' \
    'subjectKeyIdentifier = hash' 'authorityKeyIdentifier = keyid:always' >"$WORK/pki.cnf"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$pki/ca.key" 2>/dev/null
  openssl req -new -x509 -utf8 -config "$WORK/pki.cnf" -extensions root -key "$pki/ca.key" -sha256 \
    -subj "/C=CN/O=$PLATFORM/CN=$PLATFORM 根证书" -days 7300 -set_serial "0x$(openssl rand -hex 16)" \
    -out "$pki/ca.pem"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$pki/letter-signer.key" 2>/dev/null
  openssl req -new -utf8 -config "$WORK/pki.cnf" -key "$pki/letter-signer.key" \
    -subj "/C=CN/O=$PLATFORM/CN=$PLATFORM 电子承诺书签章" -out "$WORK/letter-signer.csr"
  openssl x509 -req -in "$WORK/letter-signer.csr" -CA "$pki/ca.pem" -CAkey "$pki/ca.key" -sha256 -days 3650 \
    -set_serial "0x$(openssl rand -hex 16)" -extfile "$WORK/pki.cnf" -extensions signer \
    -out "$pki/letter-signer.pem" 2>/dev/null
}

pki_present=0
for name in $PKI_FILES; do
  [ ! -s "secrets/pki/$name" ] || pki_present=$((pki_present + 1))
done
if [ "$pki_present" -ne 0 ] && [ "$pki_present" -ne 3 ]; then
  fail "secrets/pki/ is incomplete (it needs $PKI_FILES, made together); remove it to make a new set"
fi
if [ "$pki_present" -eq 0 ] && [ -e ca/ca.key ]; then
  fail "ca/ca.key exists but secrets/pki/ does not: move the old CA key away before a new CA is made"
fi

if [ -s secrets/platform_ed25519.pem ] && [ -s secrets/platform_sm2.key ] && [ "$pki_present" -eq 3 ]; then
  made_by="already there"
elif api_python_usable; then
  api_keys
  made_by="python -m api.cli init"
else
  openssl genpkey -algorithm ed25519 -out "$WORK/keys/platform_ed25519.pem"
  openssl_sm2_key
  openssl_pki
  made_by="openssl"
fi
if [ "$made_by" != "already there" ]; then
  for name in platform_ed25519.pem platform_sm2.key pki/ca.key pki/ca.pem pki/letter-signer.key pki/letter-signer.pem; do
    [ -s "$WORK/keys/$name" ] || fail "$made_by made no $name"
  done
fi
# Each signing key is independent of the others: only the missing ones are taken. The PKI is one set.
[ -s secrets/platform_ed25519.pem ] || mv "$WORK/keys/platform_ed25519.pem" secrets/platform_ed25519.pem
[ -s secrets/platform_sm2.key ] || mv "$WORK/keys/platform_sm2.key" secrets/platform_sm2.key
if [ "$pki_present" -eq 0 ]; then
  mkdir -p ca
  chmod 700 ca
  mv "$WORK/keys/pki/ca.key" ca/ca.key
  for name in $PKI_FILES; do
    mv "$WORK/keys/pki/$name" "secrets/pki/$name"
  done
fi

# --- the other secrets --------------------------------------------------------------------------------------

[ -s secrets/id_hash.key ] || rand 32 > secrets/id_hash.key
[ -s secrets/data.key ] || printf 'k1:%s\n' "$(rand 32 | base64 | tr -d '\n')" > secrets/data.key
[ -s secrets/hotline.secret ] || rand 32 > secrets/hotline.secret
[ -s secrets/jwt.secret ] || rand 32 > secrets/jwt.secret
[ -s secrets/service.token ] || token > secrets/service.token
[ -s secrets/rasa.token ] || token > secrets/rasa.token
[ -s secrets/action.secret ] || token > secrets/action.secret
[ -s secrets/channel-evidence.key ] || rand 32 > secrets/channel-evidence.key
[ -s secrets/otp.key ] || rand 32 > secrets/otp.key
[ -s secrets/metrics.token ] || token > secrets/metrics.token
find secrets -type f -exec chmod 644 {} +
[ ! -e ca/ca.key ] || chmod 600 ca/ca.key
if [ ! -s .env ]; then
  printf 'PG_PASSWORD=%s\nREDIS_PASSWORD=%s\n' "$(token)" "$(token)" > .env
  chmod 600 .env
fi
echo "secrets ready in $OUT/secrets and $OUT/.env (signing keys and letter certificates: $made_by)"
[ ! -e ca/ca.key ] || echo "the letters' CA key is $OUT/ca/ca.key: never deploy it; keep it offline"
