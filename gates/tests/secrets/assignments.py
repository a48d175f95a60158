# Random-looking values assigned to secret-named variables, and what is deliberately not reported.
import os

# ruleid: secret-generic-assignment
DB_PASSWORD = "Fx764foO7OvqUYNYrICuuZFa"
# ruleid: secret-generic-assignment
client_secret = "a604344f2b21279020a7421eac36f1a8614399fa"
# ruleid: secret-generic-assignment
settings = {"api_key": "Fx764foO7OvqUYNYrICuuZFa"}
# ruleid: secret-generic-assignment
connect(host="db.prod", password="Fx764foO7OvqUYNYrICuuZFa")

# ok: secret-generic-assignment
DB_PASSWORD = os.environ["DB_PASSWORD"]
# ok: secret-generic-assignment
API_KEY = os.getenv("API_KEY", "")
# ok: secret-generic-assignment
password = "changeme-changeme"
# ok: secret-generic-assignment
password = "Summer2023!"
# ok: secret-generic-assignment
token = "test-token-value"
# ok: secret-generic-assignment
password_hash = "Fx764foO7OvqUYNYrICuuZFa"
# ok: secret-generic-assignment
token_url = "https://oauth2.fixture.net/token"
# ok: secret-generic-assignment
secret_name = "payments-db-credentials"
# ok: secret-generic-assignment
API_KEY_ENV = "OPENAI_API_KEY"
# ok: secret-generic-assignment
private_key_path = "/etc/ssl/private/server.pem"
# ok: secret-generic-assignment
password = "<your password here>"
# ok: secret-generic-assignment
password = "{{ vault_db_password }}"
# ok: secret-generic-assignment
if password == "Fx764foO7OvqUYNYrICuuZFa":
    pass
# ok: secret-generic-assignment
# password = "Fx764foO7OvqUYNYrICuuZFa"  (commented-out examples are documentation)
