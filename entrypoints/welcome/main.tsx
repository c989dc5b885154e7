import { render } from 'preact';
import { WelcomePage } from '../../components/welcome/WelcomePage';
import '../../components/theme.css';
import '../../components/shared/shared.css';
import '../../components/welcome/welcome.css';

render(<WelcomePage />, document.getElementById('app')!);
