/**
 * Runnable examples: every worked example of the seed documents, reproduced with the framework
 * and compared with the numbers the seeds print, plus XOR and Iris.
 */
package dev.mlp.examples;
