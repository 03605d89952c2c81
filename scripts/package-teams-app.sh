#!/usr/bin/env bash
# Builds the Teams app package (the zip an admin uploads) from appPackage/:
#   scripts/package-teams-app.sh --app-id GUID --domain HOST [--out artifacts/imagingbot-teams.zip]
#       [--teams-app-id GUID] [--version X.Y.Z] [--developer-name NAME]
#       [--website-url URL] [--privacy-url URL] [--terms-url URL] [--skip-validation]
# --app-id is the bot's Microsoft App ID (the Entra app registration's client id, the MicrosoftAppId setting).
# --domain is the host name of the web app, e.g. imagingbot-contoso.azurewebsites.net (no https://, no path).
# --teams-app-id defaults to --app-id. The three URLs default to https://HOST/, /privacy and /terms: point them at
# your organisation's own pages, the bot does not serve them.
# The filled manifest is checked with ../shared/tools/teams-check manifest (or $TEAMS_CHECK) and the script fails on
# any error; --skip-validation is for machines without that tool. Needs bash and python3 only.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
fail() { echo "package-teams-app: $*" >&2; exit 1; }

app_id='' domain='' out="$repo/artifacts/imagingbot-teams.zip" teams_app_id='' version='1.0.0'
developer_name='ImagingBot' website_url='' privacy_url='' terms_url='' validate=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --app-id) app_id=${2:-}; shift 2 ;;
    --domain) domain=${2:-}; shift 2 ;;
    --out) out=${2:-}; shift 2 ;;
    --teams-app-id) teams_app_id=${2:-}; shift 2 ;;
    --version) version=${2:-}; shift 2 ;;
    --developer-name) developer_name=${2:-}; shift 2 ;;
    --website-url) website_url=${2:-}; shift 2 ;;
    --privacy-url) privacy_url=${2:-}; shift 2 ;;
    --terms-url) terms_url=${2:-}; shift 2 ;;
    --skip-validation) validate=0; shift ;;
    -h|--help) usage ;;
    *) echo "package-teams-app: unknown argument '$1'" >&2; usage ;;
  esac
done

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
# A DNS host name: dot-separated labels of letters, digits and inner hyphens, at least two labels.
host='^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$'
[[ -n $app_id ]] || fail "--app-id is required (the bot's Microsoft App ID, a GUID)"
[[ $app_id =~ $guid ]] || fail "--app-id '$app_id' is not a GUID like 00000000-0000-0000-0000-000000000000"
[[ -n $domain ]] || fail "--domain is required (the web app's host name, e.g. imagingbot.azurewebsites.net)"
[[ $domain =~ $host && ${#domain} -le 253 ]] \
  || fail "--domain '$domain' is not a host name: give only the host, without https:// or a path or a port"
teams_app_id=${teams_app_id:-$app_id}
[[ $teams_app_id =~ $guid ]] || fail "--teams-app-id '$teams_app_id' is not a GUID"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version '$version' must look like 1.0.0"
[[ -n $developer_name && ${#developer_name} -le 32 ]] || fail "--developer-name must be 1 to 32 characters"
website_url=${website_url:-https://$domain/}
privacy_url=${privacy_url:-https://$domain/privacy}
terms_url=${terms_url:-https://$domain/terms}
for url in "$website_url" "$privacy_url" "$terms_url"; do
  [[ $url =~ ^https://[^[:space:]\"]+$ ]] || fail "'$url' is not an https:// URL (Teams requires https)"
done
command -v python3 >/dev/null || fail "python3 is required"

if [[ $validate -eq 1 ]]; then
  teams_check=${TEAMS_CHECK:-$repo/../shared/tools/teams-check}
  [[ -x $teams_check ]] || fail "manifest checker not found at $teams_check (set TEAMS_CHECK, or pass --skip-validation)"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# Fill the placeholders (values come through the environment and are written as JSON string contents) and refuse
# a placeholder the script does not know.
BOT_ID=${app_id,,} TEAMS_APP_ID=${teams_app_id,,} DOMAIN=${domain,,} APP_VERSION=$version \
  DEVELOPER_NAME=$developer_name WEBSITE_URL=$website_url PRIVACY_URL=$privacy_url TERMS_URL=$terms_url \
  python3 - "$repo/appPackage/manifest.template.json" "$stage/manifest.json" <<'PY'
import json, os, re, sys
names = ("BOT_ID", "TEAMS_APP_ID", "DOMAIN", "APP_VERSION", "DEVELOPER_NAME", "WEBSITE_URL", "PRIVACY_URL", "TERMS_URL")
text = open(sys.argv[1], encoding="utf-8").read()
def fill(match):
    name = match.group(1)
    if name not in names:
        sys.exit("package-teams-app: unknown placeholder ${{" + name + "}} in the manifest template")
    return json.dumps(os.environ[name])[1:-1]
filled = re.sub(r"\$\{\{([A-Za-z0-9_]+)\}\}", fill, text)
json.loads(filled)  # still JSON once filled
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(filled)
PY
cp "$repo/appPackage/color.png" "$repo/appPackage/outline.png" "$stage/"

if [[ $validate -eq 1 ]]; then
  "$teams_check" manifest "$stage/manifest.json" >"$stage/check.json" \
    || { cat "$stage/check.json" >&2; fail "the filled manifest has errors (see above)"; }
fi

# Teams wants the three files at the root of the zip, no folders.
mkdir -p "$(dirname "$out")"
python3 - "$stage" "$out" <<'PY'
import os, sys, zipfile
stage, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # fixed time: same input, same zip
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(stage, name), "rb") as f:
            z.writestr(info, f.read())
PY
echo "wrote $out (bot $app_id, host $domain)"
