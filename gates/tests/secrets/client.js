// JavaScript / TypeScript syntax.

// ruleid: secret-generic-assignment
const apiKey = "Fx764foO7OvqUYNYrICuuZFa";
const config = {
  // ruleid: secret-generic-assignment
  clientSecret: 'a604344f2b21279020a7421eac36f1a8614399fa',
  // ok: secret-generic-assignment
  apiKey: process.env.API_KEY,
  // ok: secret-generic-assignment
  tokenHeader: "X-Api-Token",
};
// ruleid: secret-jwt
const bearer = `Bearer eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiZml4dHVyZS11c2VyIiwgImlzcyI6ICJodHRwczovL2F1dGguZml4dHVyZS5pbnZhbGlkIiwgImlhdCI6IDE3NjM3Njk2MDB9.zvLgkGoy6-LmMrBwuEsC3tkOBvuO2LhkTU9xZrPKyw7`;
// ok: secret-google-api-key
const firebaseConfig = { apiKey: "AIzaFixturey6Sa7XXhV6L9uf9D8DXa_RAnfBmK", authDomain: "fixture.firebaseapp.com" };
