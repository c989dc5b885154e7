import { render } from 'preact';

render(<main>Company Lens popup</main>, document.getElementById('app')!);
