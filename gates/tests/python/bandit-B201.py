import os

from flask import Flask

app = Flask(__name__)
# ruleid: bandit-B201
app.run(debug=True)
# ok: bandit-B201
app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
