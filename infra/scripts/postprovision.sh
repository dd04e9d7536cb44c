#!/bin/sh
# azd postprovision hook (also safe to run by hand after `azd env refresh`). Needs az (logged in as the
# SQL Entra admin, i.e. the principal passed as principalId/sqlAdminObjectId), sqlcmd (go-sqlcmd), openssl.
# 1. Creates the session signing key in Key Vault if it does not exist yet (never rotated by a re-run:
#    rotating it signs everyone out — do that on purpose with `az keyvault secret set`).
# 2. Creates the Functions app's identity as a contained database user (db_datareader, db_datawriter,
#    db_ddladmin): ARM cannot create database users, and with Entra-only auth only an Entra admin can.
set -eu

: "${AZURE_RESOURCE_GROUP:?run through azd (azd provision) or export the azd outputs}"
: "${KEY_VAULT_NAME:?}" "${SQL_SERVER_NAME:?}" "${SQL_SERVER_FQDN:?}" "${SQL_DATABASE_NAME:?}"
: "${APP_IDENTITY_NAME:?}" "${APP_IDENTITY_CLIENT_ID:?}"

secret=auth-signing-key
if az keyvault secret show --vault-name "$KEY_VAULT_NAME" --name "$secret" --query id -o tsv >/dev/null 2>&1; then
  echo "Key Vault: $secret exists (kept)."
else
  # RBAC role assignments can take a minute to apply to a new vault: retry a few times.
  n=0
  until az keyvault secret set --vault-name "$KEY_VAULT_NAME" --name "$secret" \
      --value "$(openssl rand -base64 48)" --content-type "FitPilot session signing key (base64, 48 bytes)" \
      --query id -o tsv >/dev/null; do
    n=$((n + 1)); [ "$n" -ge 6 ] && { echo "Could not write $secret to $KEY_VAULT_NAME." >&2; exit 1; }
    sleep 20
  done
  echo "Key Vault: $secret created."
fi

# The machine running this script must reach the server: a temporary firewall rule for its address.
ip=$(curl -fsS https://api.ipify.org || true)
rule=azd-postprovision
if [ -n "$ip" ]; then
  az sql server firewall-rule create -g "$AZURE_RESOURCE_GROUP" -s "$SQL_SERVER_NAME" -n "$rule" \
    --start-ip-address "$ip" --end-ip-address "$ip" -o none
  trap 'az sql server firewall-rule delete -g "$AZURE_RESOURCE_GROUP" -s "$SQL_SERVER_NAME" -n "$rule" -o none || true' EXIT
fi

# CREATE USER ... WITH SID (the identity's client id as binary), TYPE = E: no Directory Readers
# permission needed on the server. Idempotent: re-running changes nothing.
sqlcmd -S "tcp:$SQL_SERVER_FQDN,1433" -d "$SQL_DATABASE_NAME" --authentication-method ActiveDirectoryAzCli -b <<SQL
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$APP_IDENTITY_NAME')
BEGIN
  DECLARE @sid nvarchar(100) = CONVERT(nvarchar(100), CONVERT(varbinary(16), CAST('$APP_IDENTITY_CLIENT_ID' AS uniqueidentifier)), 1);
  EXEC (N'CREATE USER [$APP_IDENTITY_NAME] WITH SID = ' + @sid + N', TYPE = E;');
END;
ALTER ROLE db_datareader ADD MEMBER [$APP_IDENTITY_NAME];
ALTER ROLE db_datawriter ADD MEMBER [$APP_IDENTITY_NAME];
ALTER ROLE db_ddladmin ADD MEMBER [$APP_IDENTITY_NAME];
GO
SQL
echo "SQL: $APP_IDENTITY_NAME is a contained user of $SQL_DATABASE_NAME (reader, writer, ddladmin)."
