import math


def evaluate(formula, x):
    return eval(formula, {"math": math, "x": x})


def main():
    formula = input("f(x) = ")
    for x in range(0, 10):
        print(x, evaluate(formula, x))


if __name__ == "__main__":
    main()
