from fastapi import FastAPI, HTTPException
from ldap3 import Connection, Server, SUBTREE

app = FastAPI()
GROUPS = {"admins", "editors", "support"}


@app.get("/groups/members")
def group_members(group: str):
    if group not in GROUPS:
        raise HTTPException(status_code=404)
    conn = Connection(Server("ldap://ldap.example.com"), auto_bind=True)
    search_filter = "(&(objectClass=groupOfNames)(cn=%s))" % group
    conn.search("ou=groups,dc=example,dc=com", search_filter, search_scope=SUBTREE, attributes=["member"])
    return {"members": [str(e.member) for e in conn.entries]}
