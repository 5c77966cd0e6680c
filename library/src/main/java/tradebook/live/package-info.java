/**
 * Live trading parts that make a trade plan trustworthy to leave running (issue 10).
 *
 * <ul>
 * <li>{@code tradebook.live.ib}: Interactive Brokers through the Client Portal Web API of the local
 *     gateway ({@link tradebook.live.ib.IbClient}); {@link tradebook.live.ib.IbBroker} implements the
 *     plans' {@code Broker} (kind {@code ib}, found by ServiceLoader through
 *     {@link tradebook.live.ib.IbBrokerFactory}); {@link tradebook.live.ib.IbSync} downloads order
 *     status and executions into the store.</li>
 * <li>{@code tradebook.live.notify}: Telegram and e-mail channels, the notices of a run, and
 *     {@link tradebook.live.notify.RunNotifier}, which announces runs (console run-now, scheduler).
 *     A failing channel never fails a run.</li>
 * <li>{@code tradebook.live.secret}: {@link tradebook.live.secret.SecretBox} (AES-GCM, key outside the
 *     database), {@link tradebook.live.secret.SecretStore}, {@link tradebook.live.secret.Masker}.</li>
 * <li>{@code tradebook.live.console}: the web console; {@code tradebook.live.service}: the systemd user
 *     unit; {@code tradebook.live.data}: bulk quote download; {@code tradebook.live.cli}: the commands.</li>
 * </ul>
 *
 * <h2>Tables added to the store</h2>
 * Created with {@code CREATE TABLE IF NOT EXISTS} beside the plans' schema (not part of its
 * migrations): {@code secrets(name, value enc:v1:..., updated)} and {@code live_settings(name, value)}
 * (plain settings; names that look secret are refused). An {@code ib} row of {@code broker_accounts}
 * keeps {@code {"url", "account", "trust", "pem", "timeoutSeconds"}} in its config; any value may be
 * stored encrypted as {@code enc:v1:...}.
 */
package tradebook.live;
