// The function app's user-assigned managed identity. User-assigned rather than system-assigned so that its role
// assignments (rbac.bicep, cosmos.bicep) exist before the app is created and its host first starts.
param name string
param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
