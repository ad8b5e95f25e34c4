/**
 * Model selection: {@link dev.mlp.core.tune.CrossValidation} (k-fold, stratified, seeded, folds
 * in parallel), {@link dev.mlp.core.tune.SearchSpace} (ranges and choices written inside option
 * values and spec strings) and {@link dev.mlp.core.tune.HyperparameterSearch} (grid or seeded
 * random search, each candidate scored by cross-validation or a validation split). Training is
 * driven only through {@link dev.mlp.core.Model}; each fold's data comes from a
 * {@link dev.mlp.core.tune.FoldData}, whose preparation step is fitted on that fold's training
 * rows only.
 */
package dev.mlp.core.tune;
