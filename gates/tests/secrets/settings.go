// Go syntax.
package settings

// ruleid: secret-generic-assignment
const webhookSecret = "Fx764foO7OvqUYNYrICuuZFa"

func load() {
	// ruleid: secret-generic-assignment
	dbPassword := "FixturebxPEEUlVQxH8"
	// ok: secret-generic-assignment
	apiToken := os.Getenv("API_TOKEN")
	_, _ = dbPassword, apiToken
}
