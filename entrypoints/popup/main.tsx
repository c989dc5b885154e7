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
// In a tab the search takes the page's middle rather than the popup's 380 px at the top left.
if (params.has('q')) document.documentElement.dataset.layout = 'page';

// The stored index is read from the start, while the first render runs; useSearch joins this read.
openSearchIndex().catch(() => undefined);

// What was typed into popup.html's own search box before this script ran is the first query. The
// popup replaces that box and focuses its own in the same task, so no keystroke falls between.
const app = document.getElementById('app')!;
const typed = app.querySelector('input')?.value ?? '';
app.replaceChildren();
render(<Popup initialQuery={typed || (params.get('q') ?? '')} tabId={Number.isFinite(tab) ? tab : undefined} />, app);
