import argparse

import pymysql


def build_query(limit):
    return "SELECT invoice_no, amount FROM invoices ORDER BY amount DESC LIMIT %d" % limit


def main():
    parser = argparse.ArgumentParser(description="Print the largest invoices")
    parser.add_argument("limit", type=int)
    args = parser.parse_args()
    db = pymysql.connect(host="localhost", user="report", database="billing")
    with db.cursor() as cur:
        cur.execute(build_query(int(args.limit)))
        for invoice_no, amount in cur.fetchall():
            print(invoice_no, amount)


if __name__ == "__main__":
    main()
