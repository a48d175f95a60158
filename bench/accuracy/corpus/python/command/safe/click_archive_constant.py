import subprocess
from datetime import date

import click


@click.command()
@click.option("--verbose", is_flag=True)
def archive(verbose):
    name = "logs-" + date.today().isoformat()
    command = f"zip -r {name}.zip /var/log/app"
    subprocess.run(command, shell=True, check=True)
    if verbose:
        click.echo(f"wrote {name}.zip")


if __name__ == "__main__":
    archive()
