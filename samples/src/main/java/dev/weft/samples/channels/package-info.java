/**
 * Beyond the notebooks: weft's Go/Kotlin-style channels ({@code dev.weft.sync.Channel},
 * {@code Select}, {@code Channel.produce}) in a pipeline of three stages with bounded buffers.
 *
 * <pre>{@code
 * java -cp ... dev.weft.samples.channels.PipelineSample --scale 0.05
 * }</pre>
 */
package dev.weft.samples.channels;
