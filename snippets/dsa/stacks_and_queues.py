"""A stack for nesting and "next greater" questions, a bounded deque for a rolling window."""

# --8<-- [start:example]
from collections import deque

PAIRS = {")": "(", "]": "[", "}": "{"}


def balanced(text: str) -> bool:
    """True if every bracket closes the most recent open one: O(n) time, O(n) space."""
    stack: list[str] = []
    for char in text:
        if char in "([{":
            stack.append(char)
        elif char in PAIRS:
            if not stack or stack.pop() != PAIRS[char]:
                return False
    return not stack


def rolling_averages(stream: list[float], k: int) -> list[float]:
    """Average of the last k values after each arrival: O(n) time, O(k) space."""
    window: deque[float] = deque(maxlen=k)  # the oldest value falls out by itself
    total, averages = 0.0, []
    for value in stream:
        if len(window) == k:
            total -= window[0]
        window.append(value)
        total += value
        averages.append(total / len(window))
    return averages


def next_greater(values: list[int]) -> list[int | None]:
    """For each value, the next later value that is larger, or None: O(n) time and space."""
    answer: list[int | None] = [None] * len(values)
    waiting: list[int] = []  # indices still looking for a larger value; their values decrease
    for i, value in enumerate(values):
        while waiting and values[waiting[-1]] < value:
            answer[waiting.pop()] = value
        waiting.append(i)
    return answer


def main() -> None:
    for template in ("{{ user[0] }}", "{ (x] }"):
        print(f"balanced({template!r}) = {balanced(template)}")
    latencies_ms = [120.0, 80.0, 100.0, 300.0, 90.0]
    print(f"rolling average of 3: {[round(a, 1) for a in rolling_averages(latencies_ms, 3)]}")
    print(f"next higher reading: {next_greater([3, 1, 4, 1, 5, 2])}")


# --8<-- [end:example]


if __name__ == "__main__":
    main()
