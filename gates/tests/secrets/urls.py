# Passwords inside URLs: real hosts only, real-looking passwords only.

# ruleid: secret-password-in-url
DATABASE_URL = "postgresql://app:Fixture7mK2pQ9xZr4w@db.prod.fixture.net:5432/app"
# ruleid: secret-password-in-url
BROKER_URL = "amqp://worker:FixtureN8cV3tLs6hQ@rabbit.internal.fixture.net/vhost"

# ok: secret-password-in-url
LOCAL_URL = "postgresql://app:Fixture7mK2pQ9xZr4w@localhost:5432/app"
# ok: secret-password-in-url
COMPOSE_URL = "postgresql://app:Fixture7mK2pQ9xZr4w@db:5432/app"
# ok: secret-password-in-url
DOCS_URL = "postgresql://user:password@db.prod.fixture.net/app"
# ok: secret-password-in-url
TEMPLATE_URL = "postgresql://app:${DB_PASSWORD}@db.prod.fixture.net/app"
# ok: secret-password-in-url
EXAMPLE_URL = "mysql://scott:Fixture7mK2pQ9xZr4w@db.example.com/app"
# ok: secret-password-in-url
SHORT_URL = "https://user:pass@db.prod.fixture.net/"
# ok: secret-password-in-url
SSH_URL = "ssh://git@github.com:22/org/repo.git"
