"""A local PySpark job (local[2]) normalizes and tokenizes a text column with
`mapInArrow`; its rows must equal what the `sorani` CLI prints for the same
lines. Skips when pyspark or Java is missing."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from conftest import run_cli

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def spark():
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java is needed for PySpark and is not on this machine")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("sorani-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_job_matches_cli(spark, sorani_bin, sample_lines):
    frame = spark.createDataFrame(list(enumerate(sample_lines)), "id long, text string").repartition(2)
    from sorani.spark import normalize_and_tokenize

    result = frame.mapInArrow(normalize_and_tokenize, "id long, normalized string, tokens string")
    rows = sorted(result.collect(), key=lambda row: row.id)
    text = "\n".join(sample_lines)
    cli_normalized = run_cli(sorani_bin, "normalize", stdin=text).split("\n")
    cli_tokens = run_cli(sorani_bin, "tokenize", stdin=text).split("\n")
    assert [row.normalized for row in rows] == cli_normalized
    assert [row.tokens for row in rows] == cli_tokens
