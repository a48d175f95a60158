#!/bin/sh
# Comments in shell, YAML, SQL, INI … count for TODO markers.
# ruleid: hygiene-todo
# XXX: remove once the old cluster is gone
kubectl apply -f deploy.yaml
# ok: hygiene-todo
echo "TODO: nothing to do"
