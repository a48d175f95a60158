import csv

import click


@click.command()
@click.argument("csv_file", type=click.File("r"))
@click.option("--key", default="row['name']")
def sort_rows(csv_file, key):
    rows = list(csv.DictReader(csv_file))
    if 7 * 18 > 200:
        expression = key
    else:
        expression = "row['name']"
    key_fn = eval("lambda row: " + expression)
    for row in sorted(rows, key=key_fn):
        click.echo(row)


if __name__ == "__main__":
    sort_rows()
