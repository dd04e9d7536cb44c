#!/bin/sh
# azd postdeploy hook: Event Grid subscriptions BlobCreated → the blob triggers (infra/blob-events.bicep).
# They cannot be part of `azd provision`: the webhook URL carries the host's blobs_extension system key,
# which exists only after the code is deployed and the host has started, and Event Grid validates the
# endpoint (a handshake the blob extension answers) when the subscription is created.
set -eu

: "${AZURE_RESOURCE_GROUP:?run through azd (azd deploy) or export the azd outputs}"
: "${FUNCTION_APP_NAME:?}" "${EVENT_GRID_SYSTEM_TOPIC_NAME:?}"

# Wait for the host to have created its system keys (first start after the first deploy).
n=0
until [ -n "$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$FUNCTION_APP_NAME" --query systemKeys.blobs_extension -o tsv 2>/dev/null)" ]; do
  n=$((n + 1)); [ "$n" -ge 20 ] && { echo "The blobs_extension key of $FUNCTION_APP_NAME did not appear: is the app running?" >&2; exit 1; }
  curl -fsS -o /dev/null "https://$FUNCTION_APP_NAME.azurewebsites.net/api/health" || true
  sleep 15
done

az deployment group create -g "$AZURE_RESOURCE_GROUP" -n blob-events \
  -f "$(dirname "$0")/../blob-events.bicep" \
  -p functionAppName="$FUNCTION_APP_NAME" systemTopicName="$EVENT_GRID_SYSTEM_TOPIC_NAME" -o none
echo "Event Grid: BlobCreated subscriptions for the upload containers point at $FUNCTION_APP_NAME."
