import { render } from 'preact';
import { ReaderPage } from '../../components/reader/ReaderPage';
import '../../components/theme.css';
import '../../components/shared/shared.css';
import '../../components/reader/reader.css';

// Deep link: reader.html?article=<article id>&sentence=<the sentence to show>.
const params = new URLSearchParams(location.search);

render(<ReaderPage id={params.get('article')} sentence={params.get('sentence')} />, document.getElementById('app')!);
