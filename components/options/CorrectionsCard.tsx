import { CorrectionList } from '../shared/CorrectionList';

/**
 * Every correction the user made to the knowledge, newest first, each with its undo. Muted names
 * are the settings' (listed with them below): a mute hides a name on pages, the knowledge is
 * unchanged.
 */
export function CorrectionsCard({ version, busy }: { version: string; busy: boolean }) {
  return (
    <section class="cl-card" aria-labelledby="corrections-title" data-testid="corrections-card">
      <h2 id="corrections-title">Your corrections</h2>
      <CorrectionList
        reload={version}
        busy={busy}
        empty="No corrections yet. Open a company’s profile (from its card or the popup) to rename it, merge it with another, add or split off a name, or mark it as not an organisation."
      />
    </section>
  );
}
