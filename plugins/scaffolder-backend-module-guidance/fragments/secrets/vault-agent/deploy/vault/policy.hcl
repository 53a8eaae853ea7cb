# Read-only access to ${{ values.name }}'s secrets. Load it with:
#   vault policy write ${{ values.vaultRole | default(values.name, true) }} deploy/vault/policy.hcl
path "${{ values.vaultSecretPath | default('secret/data/' + values.name, true) }}" {
  capabilities = ["read"]
}
