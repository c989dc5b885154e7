import { render } from 'preact';
import { ProfilePage } from '../../components/profile/ProfilePage';
import '../../components/theme.css';
import '../../components/shared/shared.css';
import '../../components/profile/profile.css';

// Deep link: company.html?id=<company id>.
const id = new URLSearchParams(location.search).get('id');

render(<ProfilePage id={id} />, document.getElementById('app')!);
