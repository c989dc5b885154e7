import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { openSearchIndex } from '../../lib/search/load';
import '../../components/theme.css';
import '../../components/shared/shared.css';
import '../../components/popup/popup.css';

// popup.html?q=…&tab=… is the same search opened in a tab (a look-up without a confident
// answer); `tab` names the page "On this page" should describe.
const params = new URLSearchParams(location.search);
const tab = Number.parseInt(params.get('tab') ?? '', 10);

// The stored index is read from the start, while the first render runs; useSearch joins this read.
openSearchIndex().catch(() => undefined);

render(<Popup initialQuery={params.get('q') ?? ''} tabId={Number.isFinite(tab) ? tab : undefined} />, document.getElementById('app')!);
