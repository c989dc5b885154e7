import { useEffect, useState } from 'preact/hooks';
import { concerns } from '../../lib/corrections/describe';
import type { Correction } from '../../lib/corrections/schema';
import type { Company } from '../../lib/dataset/schema';
import { sendMessage } from '../../lib/protocol/send';
import { getAllCompanies } from '../../lib/store/read';
import { CorrectionList } from '../shared/CorrectionList';
import { sendCorrection } from '../shared/corrections';
import { setMuted as sendMute } from '../shared/settings-changes';

type Status = { kind: 'idle' } | { kind: 'working'; what: string } | { kind: 'done'; what: string } | { kind: 'error'; message: string };

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The company another name or id stands for, other than `self`: the one the user means to merge into. */
async function findCompany(text: string, self: string): Promise<Company | null> {
  const all = await getAllCompanies();
  const others = all.filter((c) => c.id !== self);
  return others.find((c) => c.id === text.trim() || sameText(c.name, text)) ?? others.find((c) => c.aliases.some((a) => sameText(a.text, text))) ?? null;
}

/**
 * What the user can correct about a company: its name, its other names, which organisation it
 * is the same as, whether it is one at all; and muting it on pages. Each correction rebuilds the
 * knowledge (seconds on a large dataset), so the panel says what it is doing until it is done.
 */
export function CorrectionsPanel({ company, related, onChanged }: { company: Company; related: readonly Company[]; onChanged(moveTo?: string): void }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [name, setName] = useState(company.name);
  const [alias, setAlias] = useState('');
  const [split, setSplit] = useState('');
  const [target, setTarget] = useState('');
  const [muted, setMuted] = useState<boolean | null>(null);
  const [reload, setReload] = useState(0);
  const busy = status.kind === 'working';
  const names = company.aliases.map((a) => a.text).filter((t) => t !== company.name);
  const base = { companyId: company.id, companyName: company.name };

  // Opened from a card's "Correct…": the panel is what the user came for.
  useEffect(() => {
    if (location.hash !== '#corrections') return;
    document.getElementById('corrections')?.scrollIntoView();
    document.getElementById('cl-rename')?.focus();
  }, []);
  useEffect(() => {
    setName(company.name);
    sendMessage({ type: 'settings.get' }).then(
      (s) => setMuted(s.muted.some((m) => m.id === company.id)),
      () => setMuted(null),
    );
  }, [company.id, company.name]);

  const apply = async (correction: Correction, what: string, moveTo?: string) => {
    setStatus({ kind: 'working', what });
    const outcome = await sendCorrection(correction);
    if (!outcome.ok) return setStatus({ kind: 'error', message: outcome.message });
    setStatus({ kind: 'done', what });
    setReload((n) => n + 1);
    onChanged(moveTo);
  };
  const submit = (run: () => void | Promise<void>) => (e: Event) => {
    e.preventDefault();
    if (!busy) void run();
  };
  const merge = async () => {
    const into = await findCompany(target, company.id);
    if (!into) return setStatus({ kind: 'error', message: `No other organisation in the dataset is called “${target.trim()}”.` });
    await apply({ ...base, kind: 'merge', intoId: into.id, intoName: into.name }, `Merging into “${into.name}”`, into.id);
  };
  const toggleMute = async () => {
    const next = !muted;
    try {
      const s = await sendMute({ id: company.id, name: company.name }, next);
      setMuted(s.muted.some((m) => m.id === company.id));
    } catch (error) {
      setStatus({ kind: 'error', message: `Could not change the mute: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section id="corrections" class="cl-corrections" aria-labelledby="cl-corrections-title" data-testid="corrections-panel">
      <h2 id="cl-corrections-title">Correct</h2>
      <p class="cl-muted cl-small">Corrections change what every page and search shows, last through every sync, and can be undone.</p>
      <form class="cl-correct-row" onSubmit={submit(() => apply({ ...base, kind: 'rename', name }, `Renaming to “${name.trim()}”`))}>
        <label for="cl-rename">Name</label>
        <input id="cl-rename" value={name} maxLength={200} required onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit" disabled={busy || !name.trim() || name.trim() === company.name} data-action="rename">
          Rename
        </button>
      </form>
      <form class="cl-correct-row" onSubmit={submit(() => apply({ ...base, kind: 'alias', alias }, `Adding “${alias.trim()}”`).then(() => setAlias('')))}>
        <label for="cl-alias">Another name</label>
        <input id="cl-alias" value={alias} maxLength={200} required placeholder="e.g. a ticker or short form" onInput={(e) => setAlias(e.currentTarget.value)} />
        <button type="submit" disabled={busy || !alias.trim()} data-action="alias">
          Add name
        </button>
      </form>
      {names.length > 0 && (
        <form class="cl-correct-row" onSubmit={submit(() => apply({ ...base, kind: 'split', alias: split || names[0] }, `Splitting off “${split || names[0]}”`))}>
          <label for="cl-split">A different organisation</label>
          <select id="cl-split" value={split || names[0]} onChange={(e) => setSplit(e.currentTarget.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy} data-action="split">
            Split off
          </button>
        </form>
      )}
      <form class="cl-correct-row" onSubmit={submit(merge)}>
        <label for="cl-merge">Same organisation as</label>
        <input id="cl-merge" list="cl-merge-names" value={target} maxLength={300} required placeholder="name of the other organisation" onInput={(e) => setTarget(e.currentTarget.value)} />
        <datalist id="cl-merge-names">
          {related.slice(0, 50).map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
        <button type="submit" disabled={busy || !target.trim()} data-action="merge">
          Merge
        </button>
      </form>
      <div class="cl-correct-buttons">
        <button type="button" disabled={busy} data-action="not-organisation" onClick={() => void apply({ ...base, kind: 'not-organisation' }, `Removing “${company.name}”`)}>
          Not an organisation
        </button>
        <button type="button" aria-pressed={muted === true} disabled={muted === null} data-action="mute" onClick={() => void toggleMute()} title="Stop (or start again) marking this name on pages">
          {muted ? 'Muted on pages' : 'Mute on pages'}
        </button>
      </div>
      <p class={status.kind === 'error' ? 'cl-error' : 'cl-muted'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="correction-status">
        {status.kind === 'working' ? `${status.what}… the knowledge is being rebuilt.` : status.kind === 'done' ? 'Done: the knowledge was rebuilt with your correction.' : status.kind === 'error' ? status.message : ''}
      </p>
      <h3>Corrections made here</h3>
      <CorrectionList only={(c) => concerns(c, company.id)} reload={reload} busy={busy} onChanged={() => onChanged()} empty="None yet." />
    </section>
  );
}
