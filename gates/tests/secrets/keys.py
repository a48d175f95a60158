# Private keys: a PEM block with key material is a key; a header constant is not.

# ruleid: secret-private-key
DEPLOY_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEAFixtureOnlyTFoLiMQCxukSW08H6FB5D2MQT9XzW/T+oJ6Pm
PSQpSEIlcnoEmx/gwsmr/mYVJ/6WSpC9GYXDcg4BAXl/L0bkXmCCqrsvG1utdWt2
kLkW8ymfi34Dcntk7OmAODTJZwDY3FhoM4d9bvWTcEMqDWJ9wBztdiD8XXfDgulk
Dl6WKkrnwGOl9guXCYJmdQFTvffexLPuWmLPP+JkOTRGUrSIR5WZ8FOI5pGe+Vz3
GlX2dCQaCMRY/hV5tcJMl11bxefDClL+AUByzYS1U+vcq17cNyuZw2XGPcATMTAV
nTmZrrkg2wUUPv18/5Q9CwuT5q5OQDaNROHavp6K5i6BVcIAc5L1Y25vm1Vfidot
BDyrbI3x/00iGocCyp/y0rY3APZyqIKPHts4IZ3FCtDWTO12V+NB/VbOm703B9vT
EyhwK+YwBJ/LSDr4tKp7==
-----END RSA PRIVATE KEY-----"""

# ok: secret-private-key
PEM_HEADER = "-----BEGIN RSA PRIVATE KEY-----"


def is_private_key(text: str) -> bool:
    # ok: secret-private-key
    return text.startswith("-----BEGIN PRIVATE KEY-----")


# ok: secret-private-key
DOCS_EXAMPLE = "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"
