import sqlite3

import click


@click.command()
@click.option("--email", required=True, help="Email address to look up")
def lookup(email):
    conn = sqlite3.connect("crm.db")
    query = "SELECT name, phone FROM contacts WHERE email = '{}'".format(email)
    for name, phone in conn.execute(query):
        click.echo(f"{name}\t{phone}")


if __name__ == "__main__":
    lookup()
