/**
 * Model and checkpoint files: {@link dev.mlp.core.io.ModelFile} saves, loads and describes
 * models, {@link dev.mlp.core.io.CheckpointFile} saves and loads training checkpoints, both in one
 * versioned binary container with a CRC-32 checksum, written atomically
 * ({@link dev.mlp.core.io.AtomicFiles}). The format is documented in
 * {@code docs/model-format.md}.
 */
package dev.mlp.core.io;
