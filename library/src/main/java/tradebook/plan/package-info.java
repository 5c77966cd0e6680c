/**
 * Trade plans: a strategy promoted from a notebook into scheduled runs that place orders.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link tradebook.plan.TradePlan}: name (unique, case-insensitive), the strategy's Java source
 *     snapshot and class name, parameters, tickers, quote source, market calendar and time zone,
 *     backtest and trade start dates, run times, entry type (TOO/TOC/TRG), broker, commission,
 *     initial cash and holdings, strict or incremental mode, enabled.</li>
 * <li>{@link tradebook.plan.Plans}: promote (validate, dry run, then save and enable), run, list.</li>
 * <li>{@link tradebook.plan.PlanRunner}: one run — fetch, check, backtest, record and submit the
 *     orders of the last bar, log everything.</li>
 * <li>{@link tradebook.plan.Schedule} and {@link tradebook.plan.MarketCalendar}: when runs happen.</li>
 * <li>{@link tradebook.plan.broker.Broker}: where orders go ({@code paper}, {@code manual}; a real
 *     broker implements the same interface).</li>
 * <li>{@code tradebook.plan.schedule.Scheduler}: the long-running process; {@code tradebook.plan.cli.Cli}: {@code ./tradebook plan ...}.</li>
 * </ul>
 *
 * <h2>The store</h2>
 * One SQLite file, {@code $TRADEBOOK_HOME/tradebook.db} (default {@code ~/.tradebook}), WAL mode,
 * schema versions in {@code schema_version} applied by {@code Schema} migrations (never edited,
 * only appended). Tables (stable: other tools read them):
 * <ul>
 * <li>{@code plans(id, name UNIQUE NOCASE, version, enabled, removed_at, created_at, updated_at)} —
 *     one row per plan; a removed plan keeps its row (renamed {@code name~removed-id}) so its
 *     orders and logs stay.</li>
 * <li>{@code plan_versions(plan_id, version, spec JSON of TradePlan, note, created_at)} — every
 *     edit is a new version; the spec holds the strategy source snapshot, its class name and the
 *     jars it needs beyond the library ({@code jars}, absolute paths); {@code plans.version} points at the current one.</li>
 * <li>{@code runs(id, plan_id, plan_version, scheduled_at, started_at, finished_at, status, dry_run,
 *     trading_day, pid, message)} — status running | ok | failed | blocked | missed | crashed | dry-run.</li>
 * <li>{@code run_logs(run_id, stdout, stderr, stats JSON, orders JSON, data_snapshot gzip CSV)} — the
 *     snapshot is kept once a trading day per history: a later run of the day that saw the same
 *     past bars leaves it NULL and names the run that holds it in its stdout.</li>
 * <li>{@code orders(id, plan_id, run_id, ticker, size signed units, entry, limit_price, stop_price,
 *     signal_time, trading_day, status, broker, broker_order_id, replaced_by, message, created_at,
 *     updated_at)} — status new | submitted | filled | cancelled | replaced | rejected.</li>
 * <li>{@code fills(id, order_id, plan_id, ticker, size, price, commission, time, source, created_at)}
 *     — a plan's positions and cash are its initial cash/holdings plus the sum of its fills.</li>
 * <li>{@code broker_accounts(alias NOCASE, kind, config JSON, created_at)} — {@code paper} and
 *     {@code manual} exist by default; secrets never go in {@code config} in plain text.</li>
 * <li>{@code storage(plan_id, data JSON)} — a strategy's {@code storage()} kept across incremental runs.</li>
 * <li>{@code plan_locks(plan_id, run_id, pid, acquired_at)} — one run of a plan at a time, across processes.</li>
 * <li>{@code scheduler(id=1, pid, started_at, heartbeat_at, next_runs, stop_requested)}.</li>
 * </ul>
 *
 * <h2>Idempotent orders</h2>
 * An order's id is the first 20 hex digits of SHA-256 over {@code planId|ticker|size|signal bar
 * time} (plus {@code |runId} in incremental mode), inserted with INSERT OR IGNORE: re-running a
 * strict plan on the same bars adds nothing. Minitrade's flaw — a second run on the same day
 * seeing a moved partial bar computes another size, hence another id, hence a second order — is
 * closed by a second rule, enforced by a partial unique index
 * {@code orders_one_live(plan_id, ticker, trading_day) WHERE status IN ('new','submitted')}:
 * <b>at most one live order per plan, ticker and trading day</b>. A later run's different order
 * replaces the live one (cancelled at the broker first when already submitted; marked
 * {@code replaced} with {@code replaced_by}); if that order has already filled, the new one is
 * not placed (logged "already traded today"), so a day never trades a ticker twice for one plan
 * (strict mode; an incremental run sees the real position, so it may trade again).
 * An order recorded but never sent (the process died in between) is sent by the next run that
 * computes the same id, and cancelled once a newer bar exists (never sent late); brokers receive
 * the order id as the client reference so a resend can be recognised.
 *
 * <h2>Runs</h2>
 * A {@code Strategy} runs once per ticker on an equal share of the cash; a
 * {@code PortfolioStrategy} once over all tickers. The orders are the market orders pending after
 * the last bar's {@code next()}, netted per ticker (fractions of equity or cash sized at the last
 * close); limit, stop and SL/TP orders are logged, not sent. Strict runs compare the bars with the
 * last good run's snapshot (relative tolerance 1e-5, that run's last bar and volume excluded) and
 * are {@code blocked} on a difference. Incremental runs hold the units of the recorded fills at
 * their average price, with the recorded cash, and call {@code next()} on the last bar only.
 *
 * <h2>Scheduling</h2>
 * {@code tradebook.plan.schedule.Scheduler} is a small loop over the next run instants computed by
 * {@link tradebook.plan.Schedule} from the plan's times, zone and calendar, driven by a
 * {@link java.time.Clock} (tests move it): one job at a time, 180 s lateness limit, plan changes
 * picked up by a stamp over the {@code plans} table, a heartbeat in {@code scheduler}.
 */
package tradebook.plan;
