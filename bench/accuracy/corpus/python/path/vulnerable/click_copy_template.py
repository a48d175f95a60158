import shutil

import click

TEMPLATES = "/usr/share/scaffold/templates"


@click.command()
@click.argument("template")
@click.argument("dest", default=".")
def scaffold(template, dest):
    source = TEMPLATES + "/" + template
    shutil.copytree(source, dest, dirs_exist_ok=True)
    click.echo(f"copied {template}")


if __name__ == "__main__":
    scaffold()
