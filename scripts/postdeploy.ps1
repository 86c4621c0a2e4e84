# Windows twin of postdeploy.sh: creates the Event Grid subscription once the host's blobs_extension key exists.
# See postdeploy.sh for why this runs after the code is deployed.
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME', 'AZURE_STORAGE_ACCOUNT_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "set $name" }
}
$landing = if ($env:AZURE_LANDING_CONTAINER) { $env:AZURE_LANDING_CONTAINER } else { 'landing' }
$deadLetter = if ($env:AZURE_DEADLETTER_CONTAINER) { $env:AZURE_DEADLETTER_CONTAINER } else { 'eventgrid-deadletter' }
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { throw 'the Azure CLI (az) is required' }

$hostName = az functionapp show -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME --query defaultHostName -o tsv
$found = $false
for ($attempt = 1; $attempt -le 30; $attempt++) {
    $key = az functionapp keys list -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME --query 'systemKeys.blobs_extension' -o tsv 2>$null
    if ($key) { $found = $true; break }
    Write-Host "postdeploy: waiting for the host's blobs_extension key ($attempt/30)"
    try { Invoke-WebRequest -UseBasicParsing -Uri "https://$hostName/api/health" | Out-Null } catch { }
    Start-Sleep -Seconds 10
}
Remove-Variable key -ErrorAction SilentlyContinue
if (-not $found) { throw "no blobs_extension key on $($env:AZURE_FUNCTION_APP_NAME); is the code deployed and starting?" }

az deployment group create `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name measures311-eventgrid-subscription `
    --template-file (Join-Path $PSScriptRoot '..' 'infra' 'app' 'eventgrid-subscription.bicep') `
    --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME `
                 systemTopicName=$env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME `
                 storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME `
                 landingContainerName=$landing `
                 deadLetterContainerName=$deadLetter `
    --query 'properties.provisioningState' -o tsv
if ($LASTEXITCODE -ne 0) { throw 'the Event Grid subscription deployment failed' }
Write-Host "postdeploy: Event Grid subscription landing-to-ingestLandingBlob is in place"
