import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getStatus, type DatasetStatus } from '../../lib/store/read';
import { BuildingNote } from '../shared/BuildingNote';
import { useDatasetBuild } from '../shared/useDatasetBuild';
import { Shortcuts } from '../shared/Shortcuts';

/**
 * The page opened on install: what Company Lens does, that everything stays in this browser, and
 * the first build of the dataset as it happens.
 */
export function WelcomePage() {
  const [status, setStatus] = useState<DatasetStatus | null>(null);
  const build = useDatasetBuild(status !== null && status.version === '');
  useEffect(() => {
    getStatus().then(setStatus, () => setStatus(null));
  }, [build.finished]);
  return (
    <main class="cl-welcome">
      <h1>Welcome to Company Lens</h1>
      <p class="cl-lead">
        Company names on the pages you read are underlined. Hover one, and a card says what your news corpus reports about it: who it is, the
        deals and figures (each with the sentence it came from), and who it works with.
      </p>
      <section aria-labelledby="cl-welcome-data">
        <h2 id="cl-welcome-data">Your dataset</h2>
        <DatasetState status={status} build={build} />
      </section>
      <section aria-labelledby="cl-welcome-local">
        <h2 id="cl-welcome-local">Everything stays in this browser</h2>
        <p>
          The knowledge base is built here, from the bundled news corpus or the news you bring, and stored in this browser only. The text of the
          pages you read is never sent anywhere.
        </p>
      </section>
      <section aria-labelledby="cl-welcome-keys">
        <h2 id="cl-welcome-keys">Ways in</h2>
        <Shortcuts />
      </section>
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Bring your own news (options)
        </button>
      </p>
    </main>
  );
}

function DatasetState({ status, build }: { status: DatasetStatus | null; build: ReturnType<typeof useDatasetBuild> }) {
  if (status === null) return <p class="cl-muted">Reading…</p>;
  if (status.version === '' && !build.failed) return <BuildingNote progress={build.progress} what="Cards and search start as soon as it is ready." />;
  if (status.version === '')
    return (
      <p class="cl-error" role="alert">
        The dataset could not be built. The options page says why and can try again.
      </p>
    );
  return (
    <p role="status" data-testid="ready">
      Ready: {status.companies} organisations, {status.facts} facts and {status.people} people from {status.articles} articles. Open any news
      page and hover a marked name.
    </p>
  );
}
