import { useTranslation } from 'react-i18next';
import { describeUserAgent, type AdminDevice } from '../../core';
import { useFormat } from '../../ui/format';
import { useServices } from '../../widgets/services';
import type { Notify } from './AccountForms';

/** "Chrome 150 · Android 14", or the name as stored when it says nothing readable. */
const deviceLabel = (name: string) => {
  const { browser, system } = describeUserAgent(name);
  return [browser, system].filter(Boolean).join(' · ');
};

/** Signed in now, signed out (its data wiped on the device), or access taken away. */
const stateKey = (d: AdminDevice) =>
  d.revoked ? 'admin.revoked' : d.signedIn === false ? 'admin.signedOut' : 'admin.signedIn';

const DeviceRow = ({ device, revoke }: { device: AdminDevice; revoke: () => void }) => {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (
    <li className="admin-row" data-testid="admin-device">
      <div>
        <strong>{device.userName}</strong>{' '}
        <span className="small" data-testid="device-kind">
          {deviceLabel(device.name) || t('admin.unknownDevice')}
        </span>
        <div className="muted small">
          {t('admin.lastSeen', { date: dateTime(device.lastSeenAt) })} · {t(stateKey(device))}
        </div>
      </div>
      {!device.revoked && (
        <button type="button" className="button button--small button--danger" onClick={revoke}>
          {t('admin.revoke')}
        </button>
      )}
    </li>
  );
};

/** Every device that signed in; revoking one wipes it at its next contact. */
export const DevicesCard = (props: {
  devices: readonly AdminDevice[];
  onDone: () => void;
  notify: Notify;
}) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const revoke = async (device: AdminDevice) => {
    const name = device.name || device.id.slice(0, 8);
    if (!window.confirm(t('admin.revokeConfirm', { name, user: device.userName }))) return;
    try {
      await api.admin.revokeDevice(session.token, device.id);
      props.notify(t('admin.done'));
      props.onDone();
    } catch {
      props.notify(t('admin.failed'));
    }
  };
  // Each sign-in on a wiped device is a new one: the signed-out and revoked go below.
  const current = props.devices.filter((d) => !d.revoked && d.signedIn !== false);
  const earlier = props.devices.filter((d) => d.revoked || d.signedIn === false);
  return (
    <section className="card">
      <h2>{t('admin.devices')}</h2>
      <ul className="plain-list" data-testid="admin-devices">
        {current.map((d) => (
          <DeviceRow key={d.id} device={d} revoke={() => void revoke(d)} />
        ))}
      </ul>
      {current.length === 0 && <p className="muted">{t('admin.noSignedIn')}</p>}
      {earlier.length > 0 && (
        <details className="earlier-devices">
          <summary>{t('admin.earlierDevices', { count: earlier.length })}</summary>
          <ul className="plain-list" data-testid="admin-earlier-devices">
            {earlier.map((d) => (
              <DeviceRow key={d.id} device={d} revoke={() => void revoke(d)} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
};
