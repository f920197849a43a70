# Shift counts that do not fit a machine word raise OverflowError before
# anything is computed, whatever the shifted number; small ones work.
for count in (1 << 31, 1 << 40, -(1 << 40), (1 << 31) - 1 - (1 << 31) + 70):
    for x in (0, 5, -3, 1 << 100, -(1 << 100)):
        for shift in ("<<", ">>"):
            try:
                result = x << count if shift == "<<" else x >> count
                print(x, shift, count, len(str(result)))
            except (OverflowError, ValueError, MemoryError) as e:
                print(x, shift, count, type(e).__name__, e)
