from lxml import etree


def main():
    tree = etree.parse("inventory.xml")
    sku = int(input("SKU number: "))
    expr = etree.XPath("//item[@sku='" + str(sku) + "']/stock")
    for node in expr(tree):
        print("stock:", node.text)


if __name__ == "__main__":
    main()
