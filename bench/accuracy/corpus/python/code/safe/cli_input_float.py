import math


def evaluate(factor, x):
    return eval("math.sin(x) * " + str(factor), {"math": math, "x": x})


def main():
    factor = float(input("amplitude: "))
    for x in range(0, 10):
        print(x, evaluate(factor, x))


if __name__ == "__main__":
    main()
