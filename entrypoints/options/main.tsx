import { render } from 'preact';

render(<main>Company Lens options</main>, document.getElementById('app')!);
