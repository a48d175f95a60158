# Vendor-shaped tokens. Every value is fake: shaped like the real thing, with "Fixture" inside.
# ygs ignores the vendors' own documentation examples and obvious placeholders.

# ruleid: secret-aws-access-key
AWS_ACCESS_KEY_ID = "AKIAFIXTURE7Q3K2M4NZ"
# ok: secret-aws-access-key
AWS_DOC_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
# ok: secret-aws-access-key
NOT_A_KEY = "XAKIAFIXTURE7Q3K2M4NZ"

# ruleid: secret-aws-secret-key
aws_secret_access_key = "Fixture9c0pqbUHuFKElU6VEx4zIv6MqCW5Q8Vid"
# ok: secret-aws-secret-key
aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

# ruleid: secret-github-token
GITHUB_TOKEN = "ghp_FixtureKGpOyQNcdOyZbkBFTFoOxtzHq8STZ"
# ruleid: secret-github-token
GITHUB_PAT = "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"
# ok: secret-github-token
GITHUB_TOKEN_PLACEHOLDER = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

# ruleid: secret-gitlab-token
GITLAB_TOKEN = "glpat-FixtureTY2xA6bznBRki"
# ok: secret-gitlab-token
GITLAB_TOKEN_HINT = "glpat-<your-token-here>"

# ruleid: secret-slack-token
SLACK_BOT_TOKEN = "xoxb-461416274373-2622297511964-FixtureeosfhypnXLDn8S9w"
# ok: secret-slack-token
SLACK_BOT_TOKEN_HINT = "xoxb-your-bot-token"

# ruleid: secret-slack-webhook
SLACK_WEBHOOK = "https://hooks.slack.com/services/T0FIXTURE/B0K0DO4UE1/FixturePBTrbEpvpDbnIIAp"
# ok: secret-slack-webhook
SLACK_WEBHOOK_DOC = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"

# ruleid: secret-stripe-key
stripe.api_key = "sk_live_Fixture00zKLMcyKHKi7M07QbbS"
# ok: secret-stripe-key
stripe.api_key = "sk_live_..."

# ruleid: secret-stripe-test-key
STRIPE_TEST_KEY = "sk_test_Fixturetdd8AgdmX2sau4rEE7na"
# ok: secret-stripe-test-key
STRIPE_DOC_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"

# ruleid: secret-google-api-key
MAPS_KEY = "AIzaFixturey6Sa7XXhV6L9uf9D8DXa_RAnfBmK"
# ok: secret-google-api-key
MAPS_KEY_HINT = "AIza-your-key"

# ruleid: secret-openai-key
OPENAI_API_KEY = "sk-proj-FixtureOO5KMOZPI_oVpbR2CDjlt1BC5Gco7fcopoFShyAOT3BlbkFJ9H5sLwzcZjS6dDb1qrWMYJc-fwFp64OJxA_6EgQa"
# ok: secret-openai-key
CSS_CLASS = "sk-button-primary-large-variant-extra"

# ruleid: secret-anthropic-key
ANTHROPIC_API_KEY = "sk-ant-api03-FixtureISMKsvrBsD37GL4JayTZwkJrj-L_21Dikr4w7T2iuSzSuY9Ui2NICGDmbn7db9nTle7Rt__dF85e4oo8VYFlMfAA"
# ok: secret-anthropic-key, secret-openai-key
ANTHROPIC_API_KEY = os.environ["ANTHROPIC_API_KEY"]

# ruleid: secret-npm-token
NPM_TOKEN = "npm_Fixturea4svm9zWxNV31eSjE8hlafb0tCYm8"
# ok: secret-npm-token
NPM_TOKEN_REF = "${NPM_TOKEN}"

# ruleid: secret-pypi-token
PYPI_TOKEN = "pypi-AgEIcHlwaS5vcmcFixtureeDswqoiAvYxGJ9Bgi4ycOAw3sI7qijLYLsGhkcfSVOnh-LGu48qclNx_QTLH"
# ok: secret-pypi-token
PYPI_TOKEN_HINT = "pypi-AgEIcHlwaS5vcmc..."

# ruleid: secret-jwt
SERVICE_TOKEN = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiZml4dHVyZS11c2VyIiwgImlzcyI6ICJodHRwczovL2F1dGguZml4dHVyZS5pbnZhbGlkIiwgImlhdCI6IDE3NjM3Njk2MDB9.zvLgkGoy6-LmMrBwuEsC3tkOBvuO2LhkTU9xZrPKyw7"
# ok: secret-jwt
JWT_IO_SAMPLE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
# ok: secret-jwt
SUPABASE_ANON_KEY = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJpc3MiOiAic3VwYWJhc2UiLCAicm9sZSI6ICJhbm9uIiwgImlhdCI6IDE3NjM3Njk2MDB9.zsJXSAs655mGj4N-MCnlEEpXhqUsGaClEKL3RwoFLbf"
