import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { formatBeijing, type HandCountsReply, type Text, type VotePayload } from '@hall/shared';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { fillIn } from '../lib/hand-count-strings';
import { useI18n } from '../lib/i18n';
import { MethodNote } from './MethodNote';

/** One option of the vote's profile, as its counts are entered. */
export interface CountOption {
  key: string;
  label: Text;
}

/** How often the chair's copy looks for counts entered meanwhile (the push carries `pressed`). */
const POLL_MS = 5_000;

/**
 * Issue 14, ballots counted by hand (纸质票 / 举手, 议事规则 when the equipment fails): the
 * secretariat enters the counts of each option and the invalid ones (`mode="enter"`), a chair of
 * another login confirms them (`mode="confirm"`), then the vote can close. The form checks that
 * the total does not exceed the members present; the server decides (and refuses a confirmation
 * by the login that entered). What was entered is shown with who entered and confirmed it.
 */
export function HandCountsPanel({
  token,
  vote,
  mode,
  username,
  options,
  onCounts,
}: {
  token: string;
  vote: VotePayload;
  mode: 'enter' | 'confirm';
  /** The logged-in user: the confirmation is offered only to another login than the enterer. */
  username?: string;
  /** The options of the vote's profile, when the page knows it. */
  options?: CountOption[] | null;
  onCounts?: (reply: HandCountsReply | null) => void;
}) {
  const { t, pick } = useI18n();
  const [reply, setReply] = useState<HandCountsReply | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  // The page's callback may be a new function every render: kept aside, not a dependency.
  const report = useRef(onCounts);
  report.current = onCounts;
  const show = useCallback(
    (r: HandCountsReply | null) => {
      const mine = r && r.voteId === vote.voteId ? r : null;
      setReply(mine);
      report.current?.(mine);
    },
    [vote.voteId],
  );
  const load = useCallback(async () => {
    try {
      show(await endpoints.handCounts(token));
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    } finally {
      setLoaded(true);
    }
  }, [token, show]);
  useEffect(() => {
    void load();
  }, [load, vote.pressed]);
  const confirmed = reply?.confirmedBy != null;
  useEffect(() => {
    if (mode !== 'confirm' || confirmed) return;
    const id = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(id);
  }, [mode, confirmed, load]);

  // The page does not know the vote's profile (a reload, the secretariat's page): the server
  // names the open vote's options (GET /api/votes/latest), the words on every ballot paper.
  const [fetched, setFetched] = useState<CountOption[] | null>(null);
  const needOptions = !options;
  useEffect(() => {
    if (!needOptions) return;
    let live = true;
    void endpoints
      .voteStatus(token)
      .then((s) => {
        if (live && s.voteId === vote.voteId && s.options)
          setFetched(s.options.map((o) => ({ key: o.key, label: o.label })));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [needOptions, token, vote.voteId]);
  const shownOptions: CountOption[] =
    options ??
    fetched ??
    Object.keys(reply?.counts ?? {}).map((key) => ({ key, label: { zh: key, en: key } }));

  // The entry form starts from what was entered (a correction before confirmation replaces it).
  useEffect(() => {
    if (!reply) return;
    setValues((v) =>
      Object.keys(v).length > 0
        ? v
        : {
            ...Object.fromEntries(Object.entries(reply.counts).map(([k, n]) => [k, String(n)])),
            invalid: String(reply.invalid),
          },
    );
  }, [reply]);

  const number = (key: string) => Number(values[key] || '0');
  const total = shownOptions.reduce((sum, o) => sum + number(o.key), 0) + number('invalid');
  const tooMany = total > vote.present;

  const run = async (fn: () => Promise<HandCountsReply>, ok: string) => {
    setBusy(true);
    setMessage(null);
    try {
      show(await fn());
      setMessage({ ok: true, text: ok });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (tooMany) return;
    void run(
      () =>
        endpoints.enterHandCounts(token, {
          counts: Object.fromEntries(shownOptions.map((o) => [o.key, number(o.key)])),
          invalid: number('invalid'),
        }),
      t('handCountsEntered'),
    );
  };

  const sameLogin = reply !== null && username !== undefined && reply.enteredBy === username;
  return (
    <section className="panel hand-counts" aria-label={t('handCounts')} data-testid="hand-counts">
      <h2>
        {t('handCounts')} <MethodNote method={vote.method} testId="hand-counts-method" />
      </h2>
      <p className="muted">{t('handCountsHelp')}</p>
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="hand-counts-message"
        >
          {message.text}
        </p>
      ) : null}
      {mode === 'enter' && !confirmed ? (
        <form onSubmit={submit} aria-label={t('handCountsEnter')}>
          <div className="count-inputs">
            {[
              ...shownOptions.map((o): [string, string] => [o.key, pick(o.label)]),
              ['invalid', t('handCountsInvalid')] as [string, string],
            ].map(([key, label]) => (
              <label key={key}>
                {label}
                <input
                  name={`count-${key}`}
                  inputMode="numeric"
                  value={values[key] ?? ''}
                  onChange={(e) =>
                    setValues({ ...values, [key]: e.target.value.replace(/\D/g, '') })
                  }
                />
              </label>
            ))}
          </div>
          <p data-testid="hand-counts-total" className={tooMany ? 'error' : 'muted'}>
            {fillIn(t(tooMany ? 'handCountsTooMany' : 'handCountsTotal'), {
              total,
              present: vote.present,
            })}
          </p>
          <button type="submit" disabled={busy || tooMany || shownOptions.length === 0}>
            {t('handCountsEnter')}
          </button>
        </form>
      ) : null}
      {reply ? (
        <div className="entered" data-testid="hand-counts-entered">
          <table className="counts">
            <tbody>
              {shownOptions.map((o) => (
                <tr key={o.key} data-testid={`hand-count-${o.key}`}>
                  <th scope="row">{pick(o.label)}</th>
                  <td>{reply.counts[o.key] ?? 0}</td>
                </tr>
              ))}
              <tr data-testid="hand-count-invalid">
                <th scope="row">{t('handCountsInvalid')}</th>
                <td>{reply.invalid}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted" data-testid="hand-counts-entered-by">
            {t('handCountsEnteredBy')} {reply.enteredBy} ·{' '}
            {formatBeijing(reply.enteredAt, 'minute')}
            {reply.confirmedBy ? (
              <>
                {' '}
                · {t('handCountsConfirmedBy')} {reply.confirmedBy}
              </>
            ) : null}
          </p>
          {confirmed ? (
            <p className="ok" data-testid="hand-counts-confirmed">
              {t('handCountsConfirmed')}
            </p>
          ) : mode === 'confirm' ? (
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy || sameLogin}
                onClick={() =>
                  void run(() => endpoints.confirmHandCounts(token), t('handCountsConfirmed'))
                }
              >
                {t('handCountsConfirm')}
              </button>
              {sameLogin ? <span className="muted">{t('handCountsSameLogin')}</span> : null}
            </div>
          ) : null}
        </div>
      ) : loaded ? (
        <p className="muted" data-testid="hand-counts-none">
          {t('handCountsNone')}
        </p>
      ) : null}
    </section>
  );
}
