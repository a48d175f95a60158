import subprocess

import click


@click.command()
@click.argument("directory")
@click.option("--name", default="archive")
def archive(directory, name):
    command = f"zip -r {name}.zip {directory}"
    subprocess.run(command, shell=True, check=True)
    click.echo(f"wrote {name}.zip")


if __name__ == "__main__":
    archive()
