SECRET_KEY = "django-insecure-for-local-dev"
DEBUG = True
ALLOWED_HOSTS = ["*"]
