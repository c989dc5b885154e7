import { useEffect, useRef, useState } from 'preact/hooks';
import { getStatus } from '../../lib/store/read';
import { recordView } from '../../lib/store/user';
import { BuildingNote } from '../shared/BuildingNote';
import { useDatasetBuild } from '../shared/useDatasetBuild';
import { ArticleList } from './ArticleList';
import { CopyButtons } from './CopyButtons';
import { loadProfile, type Profile } from './data';
import { FactList } from './FactList';
import { Identity } from './Identity';
import { PeopleList } from './PeopleList';
import { Related } from './Related';
import { UserData } from './UserData';
import { CorrectionsPanel } from './CorrectionsPanel';
import { CorrectionList } from '../shared/CorrectionList';
import { concerns } from '../../lib/corrections/describe';

type State = { status: 'loading' } | { status: 'missing'; emptyStore: boolean } | { status: 'error'; message: string } | { status: 'ready'; profile: Profile };

/** The full profile of one company (company.html?id=…), with loading, not-found and error states. */
export function ProfilePage({ id }: { id: string | null }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  // The copy buttons export the star and note as they are now, not as they were on load.
  const user = useRef({ starred: false, note: '' });
  // An empty store is being built (on install): the page says so and loads once it is done.
  const build = useDatasetBuild(state.status === 'missing' && state.emptyStore);
  // Bumped after a correction or an undo: the profile is read again from the rebuilt dataset.
  const [reload, setReload] = useState(0);
  const corrected = (moveTo?: string) => {
    // A merge leaves this company's knowledge on the other's profile.
    if (moveTo && moveTo !== id) location.search = `?id=${encodeURIComponent(moveTo)}`;
    else setReload((n) => n + 1);
  };
  useEffect(() => {
    if (!id) return setState({ status: 'missing', emptyStore: false });
    let live = true;
    loadProfile(id).then(
      async (profile) => {
        if (!live) return;
        if (!profile) {
          const emptyStore = (await getStatus().catch(() => null))?.version === '';
          return live && setState({ status: 'missing', emptyStore });
        }
        user.current = { starred: profile.starred, note: profile.note };
        document.title = `${profile.company.name} · Company Lens`;
        setState({ status: 'ready', profile });
        recordView(id).catch(() => undefined);
      },
      (error: unknown) => live && setState({ status: 'error', message: (error as Error)?.message ?? String(error) }),
    );
    return () => {
      live = false;
    };
  }, [id, build.finished, reload]);

  if (state.status === 'loading') return <p class="cl-page-note cl-muted">Loading…</p>;
  if (state.status === 'error') return <p class="cl-page-note cl-error" role="alert">The profile could not be read: {state.message}</p>;
  if (state.status === 'missing' && state.emptyStore && !build.failed)
    return (
      <div class="cl-page-note">
        <BuildingNote progress={build.progress} what="This profile opens as soon as it is ready." />
      </div>
    );
  if (state.status === 'missing')
    return (
      <div class="cl-page-note" data-testid="not-found">
        <h1>Company not found</h1>
        <p>{id ? `The current dataset has no company with the id “${id}”.` : 'No company was asked for.'} It may have been removed by the last sync, or by one of your corrections.</p>
        {id && <CorrectionList only={(c) => concerns(c, id)} reload={reload} onChanged={() => corrected()} empty="" />}
      </div>
    );
  const { profile } = state;
  return (
    <div class="cl-profile">
      <main>
        <Identity company={profile.company} parent={profile.parent} />
        <FactList facts={profile.facts} titles={profile.titles} />
        <ArticleList articles={profile.articles} total={profile.articleTotal} />
      </main>
      <aside>
        <UserData companyId={profile.company.id} starred={profile.starred} note={profile.note} onChange={(starred, note) => (user.current = { starred, note })} />
        <CorrectionsPanel company={profile.company} related={profile.related.map((r) => r.company)} onChanged={corrected} />
        <CopyButtons getProfile={() => ({ ...profile, ...user.current })} />
        <Related company={profile.company} links={profile.links} related={profile.related} titles={profile.titles} />
        <PeopleList people={profile.people} companyId={profile.company.id} titles={profile.titles} />
      </aside>
    </div>
  );
}
