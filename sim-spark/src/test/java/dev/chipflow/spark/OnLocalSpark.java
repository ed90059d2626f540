package dev.chipflow.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Spark context of a test class that needs just one, on {@code local[2]}: started before the class's first test,
 * stopped after its last (a JVM holds one Spark context at a time, and other classes start their own).
 */
abstract class OnLocalSpark {

    static SparkEngine spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkEngine.builder().master("local[2]").start();
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }
}
