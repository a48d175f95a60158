import click
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from crm.models import Contact

engine = create_engine("sqlite:///crm.db")


@click.command()
@click.option("--email", required=True, help="Email address to look up")
def lookup(email):
    with Session(engine) as session:
        stmt = select(Contact).where(Contact.email == email)
        for contact in session.scalars(stmt):
            click.echo(f"{contact.name}\t{contact.phone}")


if __name__ == "__main__":
    lookup()
