import { getPlatform } from '../../platform';
import { Icon } from '../components/Icon';
import { useAppInfo } from '../lib/use-app-info';
import { AppInfoList } from './AppInfoList';

/** Which Bulwark this is, for support and bug reports. */
export function AboutCard() {
  const info = useAppInfo();
  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title" className="card__title">
        <Icon name="info" />
        About
      </h2>
      <AppInfoList info={info} kind={getPlatform().kind} />
    </section>
  );
}
