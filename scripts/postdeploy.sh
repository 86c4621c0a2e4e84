#!/bin/sh
# Creates (or updates) the Event Grid subscription that feeds landing-container BlobCreated events to the
# ingestLandingBlob function. Run by azd after `azd deploy` (azure.yaml postdeploy hook), or by hand after a
# deployment with the Maven plugin:
#   AZURE_RESOURCE_GROUP=rg AZURE_FUNCTION_APP_NAME=app AZURE_EVENTGRID_SYSTEM_TOPIC_NAME=topic \
#   AZURE_STORAGE_ACCOUNT_NAME=account ./scripts/postdeploy.sh
# azd hooks get the azd environment values (the outputs of infra/main.bicep) as environment variables.
#
# The webhook URL carries the host's blobs_extension system key, which the host creates only after it has
# started with a blob trigger whose source is EventGrid; so this waits for the key before deploying
# infra/app/eventgrid-subscription.bicep (which reads the key itself with listKeys; it is never printed here).
set -eu

: "${AZURE_RESOURCE_GROUP:?set AZURE_RESOURCE_GROUP}"
: "${AZURE_FUNCTION_APP_NAME:?set AZURE_FUNCTION_APP_NAME}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?set AZURE_EVENTGRID_SYSTEM_TOPIC_NAME}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?set AZURE_STORAGE_ACCOUNT_NAME}"
landing="${AZURE_LANDING_CONTAINER:-landing}"
deadletter="${AZURE_DEADLETTER_CONTAINER:-eventgrid-deadletter}"

command -v az >/dev/null 2>&1 || { echo "postdeploy: the Azure CLI (az) is required" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"

# Up to ~5 minutes: the first start of a Flex Consumption app after a deployment can take a while.
attempt=1
while :; do
  key="$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)"
  if [ -n "$key" ]; then
    break
  fi
  if [ "$attempt" -ge 30 ]; then
    echo "postdeploy: no blobs_extension key on $AZURE_FUNCTION_APP_NAME after $attempt tries." >&2
    echo "Is the code deployed and starting? Check /api/health and the app's logs, then run this script again." >&2
    exit 1
  fi
  echo "postdeploy: waiting for the host's blobs_extension key ($attempt/30)"
  # Any request wakes the app so that the host starts and loads the blob trigger.
  curl -s -o /dev/null "https://$(az functionapp show -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
    --query defaultHostName -o tsv)/api/health" || true
  attempt=$((attempt + 1))
  sleep 10
done
unset key

az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name measures311-eventgrid-subscription \
  --template-file "$here/../infra/app/eventgrid-subscription.bicep" \
  --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" \
               systemTopicName="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
               storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
               landingContainerName="$landing" \
               deadLetterContainerName="$deadletter" \
  --query "properties.provisioningState" -o tsv

echo "postdeploy: Event Grid subscription landing-to-ingestLandingBlob is in place on $AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"
