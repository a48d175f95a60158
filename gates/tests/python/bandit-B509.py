from pysnmp.hlapi import UsmUserData

# ruleid: bandit-B509
weak = UsmUserData("user")
# ok: bandit-B509
strong = UsmUserData("user", "authkey1", "privkey1")
