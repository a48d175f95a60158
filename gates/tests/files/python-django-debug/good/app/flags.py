# Not a settings module: a DEBUG constant here is not Django's debug mode.
DEBUG = True
