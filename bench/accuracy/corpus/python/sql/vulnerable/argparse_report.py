import argparse

import pymysql


def build_query(customer):
    return "SELECT invoice_no, amount FROM invoices WHERE customer = '%s'" % customer


def main():
    parser = argparse.ArgumentParser(description="Print invoices for a customer")
    parser.add_argument("customer")
    args = parser.parse_args()
    db = pymysql.connect(host="localhost", user="report", database="billing")
    with db.cursor() as cur:
        cur.execute(build_query(args.customer))
        for invoice_no, amount in cur.fetchall():
            print(invoice_no, amount)


if __name__ == "__main__":
    main()
