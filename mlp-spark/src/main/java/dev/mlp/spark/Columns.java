package dev.mlp.spark;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema checks and output columns shared by the estimator and the model. */
final class Columns {

    private Columns() {
    }

    static StructField field(StructType schema, String column, String role) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("the " + role + " column '" + column
                    + "' is not in the data; columns: " + Arrays.toString(schema.fieldNames()));
        }
        return schema.apply(column);
    }

    static void requireVector(StructType schema, String column, String role) {
        StructField f = field(schema, column, role);
        if (!f.dataType().equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("the " + role + " column '" + column
                    + "' must be a vector (org.apache.spark.ml.linalg.Vector), found "
                    + f.dataType().simpleString());
        }
    }

    static void requireNumeric(StructType schema, String column, String role) {
        StructField f = field(schema, column, role);
        if (!(f.dataType() instanceof NumericType)) {
            throw new IllegalArgumentException("the " + role + " column '" + column
                    + "' must be numeric, found " + f.dataType().simpleString());
        }
    }

    static StructType addOutputs(StructType schema, boolean classify, String prediction,
                                 String probability) {
        StructType out = schema;
        if (classify && !probability.isEmpty()) {
            out = add(out, probability, SQLDataTypes.VectorType());
        }
        if (!prediction.isEmpty()) {
            out = add(out, prediction, DataTypes.DoubleType);
        }
        return out;
    }

    private static StructType add(StructType schema, String column,
                                  org.apache.spark.sql.types.DataType type) {
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("output column '" + column
                    + "' already exists in the data");
        }
        return schema.add(column, type, false);
    }
}
