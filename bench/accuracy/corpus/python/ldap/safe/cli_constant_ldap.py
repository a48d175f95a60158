import ldap

SERVICE_ACCOUNTS = "(&(objectClass=person)(employeeType=service))"


def main():
    conn = ldap.initialize("ldap://ldap.example.com")
    conn.simple_bind_s()
    for dn, attrs in conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, SERVICE_ACCOUNTS, ["cn"]):
        print(dn, attrs.get("cn"))


if __name__ == "__main__":
    main()
