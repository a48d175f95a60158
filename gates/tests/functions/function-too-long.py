# ruleid: function-too-long
def too_long(total):
    total += 0
    total += 1
    total += 2
    total += 3
    total += 4
    total += 5
    total += 6
    total += 7
    total += 8
    total += 9
    total += 10
    total += 11
    total += 12
    total += 13
    total += 14
    total += 15
    total += 16
    total += 17
    total += 18
    total += 19
    total += 20
    total += 21
    total += 22
    total += 23
    return total


# ok: function-too-long
def short(total):
    total += 1
    return total


# ok: function-too-long
def documented(total):
    """Summary.

    line 0 of a long explanation.
    line 1 of a long explanation.
    line 2 of a long explanation.
    line 3 of a long explanation.
    line 4 of a long explanation.
    line 5 of a long explanation.
    line 6 of a long explanation.
    line 7 of a long explanation.
    line 8 of a long explanation.
    line 9 of a long explanation.
    line 10 of a long explanation.
    line 11 of a long explanation.
    line 12 of a long explanation.
    line 13 of a long explanation.
    line 14 of a long explanation.
    line 15 of a long explanation.
    line 16 of a long explanation.
    line 17 of a long explanation.
    line 18 of a long explanation.
    line 19 of a long explanation.
    line 20 of a long explanation.
    line 21 of a long explanation.
    line 22 of a long explanation.
    line 23 of a long explanation.
    line 24 of a long explanation.
    line 25 of a long explanation.
    line 26 of a long explanation.
    line 27 of a long explanation.
    line 28 of a long explanation.
    line 29 of a long explanation.
    """
    # a comment that does not count
    total += 1
    return total
