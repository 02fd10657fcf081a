// The bearer token of the e2e server's POST /api/intake/email (the mail
// server's pipe), shared by tests/setup/e2e-server.ts and the specs that mail in.
export const E2E_INTAKE_TOKEN = 'e2e-intake-token-0123456789abcdef';
