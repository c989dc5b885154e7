import { render } from 'preact';

render(<main>Company Lens company</main>, document.getElementById('app')!);
