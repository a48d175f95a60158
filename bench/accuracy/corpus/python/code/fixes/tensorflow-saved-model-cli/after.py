import argparse
import ast

import numpy as np


def preprocess_input_exprs_arg_string(input_exprs_str, safe=True):
    input_dict = {}
    for input_raw in filter(bool, input_exprs_str.split(";")):
        if "=" not in input_raw:
            raise RuntimeError("--input_exprs \"%s\" format is incorrect." % input_exprs_str)
        input_key, expr = input_raw.split("=", 1)
        if safe:
            try:
                input_dict[input_key] = ast.literal_eval(expr)
            except Exception as exc:
                raise RuntimeError(f"Expression '{expr}' is not a valid python literal.") from exc
        else:
            input_dict[input_key] = np.asarray(ast.literal_eval(expr))
    return input_dict


def main():
    parser = argparse.ArgumentParser(prog="saved_model_cli run")
    parser.add_argument("--input_exprs", default="")
    args = parser.parse_args()
    inputs = preprocess_input_exprs_arg_string(args.input_exprs, safe=True)
    for key, value in inputs.items():
        print(key, np.asarray(value).shape)


if __name__ == "__main__":
    main()
