"""Word count as MapReduce in plain Python, and the same job on Apache Spark in local mode."""

# --8<-- [start:example]
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def tokenize(line: str) -> list[str]:
    """Lower-case runs of letters and digits; everything else separates words."""
    return re.findall(r"[a-z0-9]+", line.lower())


def map_phase(lines: Iterable[str]) -> Iterator[tuple[str, int]]:
    """Map: every line becomes (word, 1) pairs. Each line is handled on its own."""
    for line in lines:
        for word in tokenize(line):
            yield word, 1


def shuffle_phase(pairs: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    """Shuffle: bring every value with the same key together (across machines, in a cluster)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for word, count in pairs:
        groups[word].append(count)
    return dict(groups)


def reduce_phase(groups: dict[str, list[int]]) -> dict[str, int]:
    """Reduce: combine each key's values into one result."""
    return {word: sum(counts) for word, counts in groups.items()}


def word_count(lines: Iterable[str]) -> dict[str, int]:
    """The whole job. Time O(total words); the shuffle holds every pair, space O(total words)."""
    return reduce_phase(shuffle_phase(map_phase(lines)))


def start_spark() -> SparkSession:
    """A one-thread local Spark for tiny jobs: no cluster, no web UI, small shuffles, quiet logs."""
    spark = (
        SparkSession.builder.master("local[1]")
        .appName("word-count")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")  # starts faster
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def word_count_spark(spark: SparkSession, lines: list[str]) -> dict[str, int]:
    """The same job on Spark DataFrames: explode maps, groupBy shuffles, count reduces.

    Each step only adds to a plan; nothing runs until collect() asks for the result.
    """
    df = spark.createDataFrame([(line,) for line in lines], "line string")
    words = df.select(F.explode(F.split(F.lower("line"), "[^a-z0-9]+")).alias("word"))
    counts = words.where(F.col("word") != "").groupBy("word").count()  # still only a plan
    return {row["word"]: row["count"] for row in counts.collect()}  # an action: the job runs


def main() -> None:
    lines = [
        "The logs were stored in S3",
        "Spark read the logs from S3 and counted the words",
        "the words in the logs",
    ]
    counts = word_count(lines)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:4]
    print(f"plain-Python MapReduce, top words: {top}")
    spark = start_spark()
    try:
        spark_counts = word_count_spark(spark, lines)
    finally:
        spark.stop()
    print(
        f"Spark found {len(spark_counts)} distinct words, the same counts: {spark_counts == counts}"
    )


# --8<-- [end:example]


if __name__ == "__main__":
    main()
