from lxml import etree


def main():
    tree = etree.parse("inventory.xml")
    sku = input("SKU: ")
    expr = etree.XPath("//item[@sku='" + sku + "']/stock")
    for node in expr(tree):
        print("stock:", node.text)


if __name__ == "__main__":
    main()
