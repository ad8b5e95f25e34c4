/**
 * {@code mlp serve}: an HTTP server that answers predictions of saved models, built on the JDK's
 * {@code com.sun.net.httpserver}, with JSON (Jackson) and CSV requests and answers.
 */
package dev.mlp.cli.serve;
