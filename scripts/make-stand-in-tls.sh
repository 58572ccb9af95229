#!/usr/bin/env bash
# Regenerates the stand-in's test-only CA and server certificate (test/stand-in/tls/).
# The names cover loopback and the real 1fichier hosts, so a client that is pointed at the stand-in
# through a CONNECT proxy (rclone) sees a valid certificate for api.1fichier.com and up*.1fichier.com.
set -euo pipefail
cd "$(dirname "$0")/../test/stand-in/tls"
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days "$days" \
  -subj "/CN=1fichier-backup stand-in test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr \
  -subj "/CN=localhost" 2>/dev/null
cat > server.ext <<EXT
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1,DNS:1fichier.com,DNS:*.1fichier.com
EXT
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem \
  -days "$days" -extfile server.ext 2>/dev/null
rm -f server.csr server.ext ca.srl ca.key
echo "wrote $(pwd)/{ca.pem,server.pem,server.key}"
