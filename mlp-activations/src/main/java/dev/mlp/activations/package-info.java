/**
 * The standard activation functions of the MLP framework, each registered by name through an
 * {@link dev.mlp.api.spi.ActivationProvider} in
 * {@code META-INF/services/dev.mlp.api.spi.ActivationProvider}.
 *
 * <table>
 *   <caption>Activations</caption>
 *   <tr><th>name</th><th>f(z)</th><th>range</th><th>f'(z)</th></tr>
 *   <tr><td>{@code identity} ({@code linear})</td><td>z</td><td>(-inf, inf)</td><td>1</td></tr>
 *   <tr><td>{@code sigmoid}</td><td>1 / (1 + e^-z)</td><td>[0, 1]</td><td>a (1 - a)</td></tr>
 *   <tr><td>{@code tanh}</td><td>tanh z</td><td>[-1, 1]</td><td>1 - a^2</td></tr>
 *   <tr><td>{@code relu}</td><td>max(0, z)</td><td>[0, inf)</td><td>1 if z &gt; 0 else 0</td></tr>
 *   <tr><td>{@code leaky-relu(alpha)}</td><td>z if z &gt; 0 else alpha z</td>
 *       <td>(-inf, inf)</td><td>1 if z &gt; 0 else alpha</td></tr>
 *   <tr><td>{@code softplus}</td><td>ln(1 + e^z)</td><td>[0, inf)</td><td>sigmoid(z)</td></tr>
 *   <tr><td>{@code softmax}</td><td>e^(z_j) / sum_k e^(z_k), per row</td><td>[0, 1], rows sum
 *       to 1</td><td>Jacobian diag(a) - a a^T</td></tr>
 *   <tr><td>{@code elu(alpha)}</td><td>z if z &gt; 0 else alpha (e^z - 1)</td>
 *       <td>(-alpha, inf)</td><td>1 if z &gt; 0 else alpha e^z</td></tr>
 *   <tr><td>{@code selu}</td><td>lambda z if z &gt; 0 else lambda alpha (e^z - 1)</td>
 *       <td>(-1.7581, inf)</td><td>lambda if z &gt; 0 else lambda alpha e^z</td></tr>
 *   <tr><td>{@code gelu(approximate)}</td><td>z Phi(z)</td><td>[-0.17, inf)</td>
 *       <td>Phi(z) + z phi(z)</td></tr>
 *   <tr><td>{@code silu} ({@code swish})</td><td>z sigmoid(z)</td><td>[-0.279, inf)</td>
 *       <td>sigmoid(z) (1 + z sigmoid(-z))</td></tr>
 *   <tr><td>{@code mish}</td><td>z tanh(softplus(z))</td><td>[-0.309, inf)</td>
 *       <td>t + z (1 - t^2) sigmoid(z)</td></tr>
 *   <tr><td>{@code softsign}</td><td>z / (1 + |z|)</td><td>(-1, 1)</td>
 *       <td>1 / (1 + |z|)^2</td></tr>
 *   <tr><td>{@code hard-sigmoid}</td><td>relu6(z + 3) / 6</td><td>[0, 1]</td>
 *       <td>1/6 if -3 &lt; z &lt; 3 else 0</td></tr>
 *   <tr><td>{@code hard-tanh}</td><td>clip(z, -1, 1)</td><td>[-1, 1]</td>
 *       <td>1 if -1 &lt; z &lt; 1 else 0</td></tr>
 *   <tr><td>{@code relu6}</td><td>min(max(0, z), 6)</td><td>[0, 6]</td>
 *       <td>1 if 0 &lt; z &lt; 6 else 0</td></tr>
 * </table>
 *
 * <p>There is no PReLU (a leaky ReLU with a learnt slope): every trainable number of a network
 * lives in its {@link dev.mlp.api.ParameterLayout}, which holds only weight and bias blocks, and
 * activations are stateless functions with no parameters of their own, so a learnt slope has
 * nowhere to live and no way to receive its gradient.
 *
 * <p>All activations are stateless, immutable and thread-safe; providers hand out shared
 * instances for the parameterless ones. Every function is evaluated in a form that stays finite
 * for any finite input (no overflow to infinity, no {@code NaN} from {@code inf/inf}); a
 * {@code NaN} input gives a {@code NaN} output so that divergence is seen by the trainer.
 * {@code forward} may run in place ({@code a == z}) and {@code backward} may run in place
 * ({@code gradZ == gradA}); only the first {@code rows * cols} entries are read or written.
 */
package dev.mlp.activations;
