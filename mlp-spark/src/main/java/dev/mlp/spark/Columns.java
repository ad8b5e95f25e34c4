package dev.mlp.spark;

import java.util.Arrays;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
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

    /**
     * @param columns the columns a DataFrame has
     * @param base the name wanted
     * @return {@code base}, or {@code base_1}, {@code base_2}, ... if it is taken
     */
    static String freeName(String[] columns, String base) {
        java.util.List<String> taken = Arrays.asList(columns);
        String name = base;
        for (int i = 1; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
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

    /**
     * Adds a classifier's output columns, each skipped when its name is empty: the raw
     * prediction and probability vectors and the predicted class index.
     *
     * @param classes the number of classes, or 0 when not known yet (no metadata then)
     * @param names the class names, or null
     */
    static StructType addClassifierOutputs(StructType schema, String raw, String probability,
                                           String prediction, int classes, String[] names) {
        StructType out = schema;
        if (!raw.isEmpty()) {
            out = add(out, vectorField(raw, classes));
        }
        if (!probability.isEmpty()) {
            out = add(out, vectorField(probability, classes));
        }
        if (!prediction.isEmpty()) {
            out = add(out, classes > 0 ? new StructField(prediction, DataTypes.DoubleType, true,
                    classMetadata(prediction, classes, names))
                    : new StructField(prediction, DataTypes.DoubleType, true, Metadata.empty()));
        }
        return out;
    }

    /** Adds a regression's prediction column, unless its name is empty. */
    static StructType addPrediction(StructType schema, String prediction) {
        return prediction.isEmpty() ? schema : add(schema, new StructField(prediction,
                DataTypes.DoubleType, false, Metadata.empty()));
    }

    /**
     * @return the nominal attribute of a predicted class column: the class count, and the class
     *         names when known
     */
    static Metadata classMetadata(String column, int classes, String[] names) {
        NominalAttribute a = NominalAttribute.defaultAttr().withName(column);
        a = names != null && names.length == classes ? a.withValues(names)
                : a.withNumValues(classes);
        return a.toMetadata();
    }

    /** @return a vector column's attribute group of {@code size} values (none if 0) */
    static Metadata vectorMetadata(String column, int size) {
        return size > 0 ? new AttributeGroup(column, size).toMetadata() : Metadata.empty();
    }

    private static StructField vectorField(String column, int size) {
        return new StructField(column, SQLDataTypes.VectorType(), true,
                vectorMetadata(column, size));
    }

    private static StructType add(StructType schema, StructField field) {
        String column = field.name();
        if (Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("output column '" + column
                    + "' already exists in the data");
        }
        return schema.add(field);
    }
}
