from fastapi import FastAPI
from ldap3 import Connection, Server, SUBTREE

app = FastAPI()


@app.get("/groups/members")
def group_members(group: str):
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    search_filter = "(&(objectClass=groupOfNames)(cn=%s))" % group
    conn.search("ou=groups,dc=example,dc=com", search_filter, search_scope=SUBTREE, attributes=["member"])
    return {"members": [str(e.member) for e in conn.entries]}
