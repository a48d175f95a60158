import sys

import ldap


def main():
    mail = sys.argv[1]
    conn = ldap.initialize("ldap://ldap.example.com")
    conn.simple_bind_s()
    query = "(mail={})".format(mail)
    for dn, attrs in conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, query, ["cn"]):
        print(dn, attrs.get("cn"))


if __name__ == "__main__":
    main()
